package io.kubesim.cluster;

import io.kubesim.api.Node;
import io.kubesim.scheduler.framework.TopologyDomains;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One topology key's domains over the cluster's nodes: node index → domain id, and per domain the
 * number of nodes carrying it. Built on first request and then kept current by {@link Cluster} as
 * nodes are added, relabelled and removed, so PodTopologySpread counts per domain (a few zones)
 * instead of per node (thousands).
 */
final class TopologyIndex implements TopologyDomains {
  static final int ABSENT = -1;

  private final String key;
  private final Map<String, Integer> ids = new HashMap<>();
  private final List<String> names = new ArrayList<>();
  private int[] domainOfNode = new int[0];
  private int[] nodeCount = new int[0];
  private int nodesWithKey;

  TopologyIndex(String key) {
    this.key = key;
  }

  @Override
  public String key() {
    return key;
  }

  @Override
  public int size() {
    return names.size();
  }

  @Override
  public String name(int d) {
    return names.get(d);
  }

  @Override
  public int nodeCount(int d) {
    return nodeCount[d];
  }

  @Override
  public int nodesWithKey() {
    return nodesWithKey;
  }

  /** The node's domain id, or -1 when it lacks the key or is not in the cluster. */
  int domainOf(int nodeIndex) {
    return nodeIndex < domainOfNode.length ? domainOfNode[nodeIndex] : ABSENT;
  }

  /** Records the node (new, or relabelled) as carrying {@code node}'s value; returns its previous domain. */
  int put(int nodeIndex, Node node) {
    int old = remove(nodeIndex);
    String value = node.labels().get(key);
    if (value == null) return old;
    int d = ids.computeIfAbsent(value, v -> {
      names.add(v);
      nodeCount = Arrays.copyOf(nodeCount, names.size());
      return names.size() - 1;
    });
    if (nodeIndex >= domainOfNode.length) {
      int from = domainOfNode.length;
      domainOfNode = Arrays.copyOf(domainOfNode, Math.max(nodeIndex + 1, from * 2));
      Arrays.fill(domainOfNode, from, domainOfNode.length, ABSENT);
    }
    domainOfNode[nodeIndex] = d;
    nodeCount[d]++;
    nodesWithKey++;
    return old;
  }

  /** Forgets the node; returns the domain it was in, or -1. */
  int remove(int nodeIndex) {
    int old = domainOf(nodeIndex);
    if (old != ABSENT) {
      domainOfNode[nodeIndex] = ABSENT;
      nodeCount[old]--;
      nodesWithKey--;
    }
    return old;
  }
}
