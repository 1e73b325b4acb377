package io.kubesim.cluster;

import io.kubesim.api.Pod;
import io.kubesim.api.labels.Selector;
import io.kubesim.scheduler.framework.MatchingPodCounts;
import io.kubesim.scheduler.framework.NodeInfo;
import io.kubesim.scheduler.framework.TopologyDomains;
import java.util.Arrays;

/**
 * Per-node counts of one (namespace, selector), updated by {@link Cluster} on every pod change;
 * and, for each topology key asked about, the same counts summed per domain.
 */
final class SelectorCounts implements MatchingPodCounts {
  private final String namespace;
  private final Selector selector;
  private int[] byNodeIndex = new int[16];
  /** Per-domain sums, one per {@link TopologyIndex} asked about (few: zone, hostname...). */
  private TopologyIndex[] indexes = new TopologyIndex[0];
  private int[][] sums = new int[0][];

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
    for (int k = 0; k < indexes.length; k++) {
      int d = indexes[k].domainOf(nodeIndex);
      if (d >= 0) addToDomain(k, d, delta);
    }
  }

  /** The node moved from domain {@code from} to {@code to} of {@code index} (either may be -1). */
  void moved(TopologyIndex index, int nodeIndex, int from, int to) {
    int k = slot(index);
    if (k < 0) return;
    int n = nodeIndex < byNodeIndex.length ? byNodeIndex[nodeIndex] : 0;
    if (n == 0) return;
    if (from >= 0) addToDomain(k, from, -n);
    if (to >= 0) addToDomain(k, to, n);
  }

  private void addToDomain(int k, int d, int delta) {
    if (d >= sums[k].length) sums[k] = Arrays.copyOf(sums[k], Math.max(d + 1, sums[k].length * 2));
    sums[k][d] += delta;
  }

  @Override
  public int count(NodeInfo node) {
    int i = node.index();
    return i < byNodeIndex.length ? byNodeIndex[i] : 0;
  }

  @Override
  public int countInDomain(TopologyDomains domains, int d) {
    if (!(domains instanceof TopologyIndex index)) return -1;
    int k = slot(index);
    if (k < 0) k = track(index);
    return d < sums[k].length ? sums[k][d] : 0;
  }

  private int slot(TopologyIndex index) {
    for (int k = 0; k < indexes.length; k++) {
      if (indexes[k] == index) return k;
    }
    return -1;
  }

  /** Starts keeping sums for {@code index}: one pass over the per-node counts, then incremental. */
  private int track(TopologyIndex index) {
    int[] s = new int[Math.max(1, index.size())];
    for (int i = 0; i < byNodeIndex.length; i++) {
      int d = index.domainOf(i);
      if (d >= 0 && byNodeIndex[i] != 0) {
        if (d >= s.length) s = Arrays.copyOf(s, Math.max(d + 1, s.length * 2));
        s[d] += byNodeIndex[i];
      }
    }
    int k = indexes.length;
    indexes = Arrays.copyOf(indexes, k + 1);
    sums = Arrays.copyOf(sums, k + 1);
    indexes[k] = index;
    sums[k] = s;
    return k;
  }
}
