package io.kubesim.scheduler.framework;

import io.kubesim.api.labels.Selector;
import java.util.List;

/** The cluster as one scheduling cycle sees it. */
public interface Snapshot {

  /** Every node, in upstream's zone-interleaved order (z1[0], z2[0], z1[1], ...). */
  List<NodeInfo> nodeInfos();

  /** The node's info, or null. */
  NodeInfo get(String nodeName);

  List<NodeInfo> havePodsWithAffinity();

  List<NodeInfo> havePodsWithRequiredAntiAffinity();

  /** Incrementally maintained counts of non-terminating pods in {@code namespace} matching {@code selector}. */
  MatchingPodCounts matchingPods(String namespace, Selector selector);

  ClusterObjects objects();

  /**
   * The domains of a topology key over {@link #nodeInfos()}, or null when this snapshot keeps no
   * such index (plugins then walk the nodes).
   */
  default TopologyDomains topologyDomains(String topologyKey) {
    return null;
  }
}
