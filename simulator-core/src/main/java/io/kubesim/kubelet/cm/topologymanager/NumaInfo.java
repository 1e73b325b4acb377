package io.kubesim.kubelet.cm.topologymanager;

import io.kubesim.kubelet.cm.cpuset.CpuSet;
import io.kubesim.kubelet.cm.topology.CpuTopology;
import io.kubesim.kubelet.cm.topology.NumaDistances;

/**
 * The machine's NUMA nodes and their distances, as upstream's {@code NUMAInfo}: the default
 * affinity (every node) and the two ways of choosing between two masks.
 */
public record NumaInfo(CpuSet nodes, NumaDistances distances) {

  public NumaInfo {
    for (int n : nodes) {
      if (n >= NumaMask.MAX_NODES) throw new IllegalArgumentException("NUMA node id " + n + " is not below 64");
    }
  }

  public static NumaInfo of(CpuTopology topology) {
    return new NumaInfo(topology.details().numaNodes(), topology.numaDistances());
  }

  /** Every NUMA node of the machine. */
  public NumaMask defaultAffinityMask() {
    return NumaMask.of(nodes);
  }

  /** The narrower mask, ties to the numerically smaller one. */
  public NumaMask narrowest(NumaMask m1, NumaMask m2) {
    return m1.isNarrowerThan(m2) ? m1 : m2;
  }

  /**
   * The narrower mask; with equal widths the one with the smaller average distance, then the
   * numerically smaller one (option {@code prefer-closest-numa-nodes}).
   */
  public NumaMask closest(NumaMask m1, NumaMask m2) {
    if (m1.count() != m2.count()) return narrowest(m1, m2);
    double d1 = averageDistance(m1);
    double d2 = averageDistance(m2);
    if (d1 == d2) return m1.isLessThan(m2) ? m1 : m2;
    return d1 < d2 ? m1 : m2;
  }

  /**
   * Average distance over all ordered pairs of the mask's nodes, the diagonal included (so a
   * single node averages 10), as upstream's {@code CalculateAverageFor}.
   */
  public double averageDistance(NumaMask mask) {
    if (mask.count() == 0) return 0;
    double sum = 0;
    int count = 0;
    for (int a : mask.nodes()) {
      for (int b : mask.nodes()) {
        sum += distances.distance(a, b);
        count++;
      }
    }
    return sum / count;
  }
}
