package io.kubesim.scheduler.framework;

/**
 * The values one topology key takes over the snapshot's nodes, kept up to date as nodes come, go
 * and are relabelled, so that a plugin can count per domain instead of walking every node.
 *
 * <p>Domain ids are small integers, stable for the snapshot's life; an id whose value no current
 * node carries has {@link #nodeCount(int)} 0.
 */
public interface TopologyDomains {
  /** The topology key (a node label key). */
  String key();

  /** Every id is below this. */
  int size();

  /** The label value of domain {@code d}. */
  String name(int d);

  /** How many of the snapshot's nodes carry the key with this value. */
  int nodeCount(int d);

  /** How many of the snapshot's nodes carry the key at all. */
  int nodesWithKey();
}
