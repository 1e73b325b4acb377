package io.kubesim.cluster;

import io.kubesim.api.Pod;
import io.kubesim.api.labels.Selector;
import io.kubesim.scheduler.framework.MatchingPodCounts;
import io.kubesim.scheduler.framework.NodeInfo;
import java.util.Arrays;

/** Per-node counts of one (namespace, selector), updated by {@link Cluster} on every pod change. */
final class SelectorCounts implements MatchingPodCounts {
  private final String namespace;
  private final Selector selector;
  private int[] byNodeIndex = new int[16];

  SelectorCounts(String namespace, Selector selector) {
    this.namespace = namespace;
    this.selector = selector;
  }

  /** What PodTopologySpread counts: same namespace, not terminating, selector matches; {} counts nothing. */
  boolean counts(Pod pod) {
    return !selector.isEmpty() && !pod.isTerminating() && pod.namespace().equals(namespace) && selector.matches(pod.labels());
  }

  void add(int nodeIndex, int delta) {
    if (nodeIndex >= byNodeIndex.length) byNodeIndex = Arrays.copyOf(byNodeIndex, Math.max(nodeIndex + 1, byNodeIndex.length * 2));
    byNodeIndex[nodeIndex] += delta;
  }

  void clear(int nodeIndex) {
    if (nodeIndex < byNodeIndex.length) byNodeIndex[nodeIndex] = 0;
  }

  @Override
  public int count(NodeInfo node) {
    int i = node.index();
    return i < byNodeIndex.length ? byNodeIndex[i] : 0;
  }
}
