package io.kubesim.kubelet.cm.topologymanager;

import io.kubesim.kubelet.cm.cpuset.CpuSet;
import java.util.function.Consumer;

/**
 * A set of NUMA node ids as a 64-bit mask, as upstream's {@code bitmask.BitMask} (bit i = node i).
 * Narrower and "less than" compare the way the hint merger needs: fewer nodes first, then the
 * numerically smaller mask, so {1,2} (6) beats {0,3} (9).
 */
public final class NumaMask {
  public static final int MAX_NODES = 64;

  private final long bits;

  private NumaMask(long bits) {
    this.bits = bits;
  }

  public static NumaMask of(int... nodes) {
    long b = 0;
    for (int n : nodes) b |= bit(n);
    return new NumaMask(b);
  }

  public static NumaMask of(CpuSet nodes) {
    return of(nodes.ids());
  }

  private static long bit(int node) {
    if (node < 0 || node >= MAX_NODES) {
      throw new IllegalArgumentException("bit number must be less than " + MAX_NODES + ", got " + node);
    }
    return 1L << node;
  }

  public int count() {
    return Long.bitCount(bits);
  }

  public boolean isEmpty() {
    return bits == 0;
  }

  public boolean isSet(int node) {
    return node >= 0 && node < MAX_NODES && (bits & (1L << node)) != 0;
  }

  /** The node ids, ascending. */
  public int[] nodes() {
    int[] out = new int[count()];
    int n = 0;
    for (int i = 0; i < MAX_NODES; i++) if (isSet(i)) out[n++] = i;
    return out;
  }

  public CpuSet toCpuSet() {
    return CpuSet.of(nodes());
  }

  public NumaMask and(NumaMask other) {
    return new NumaMask(bits & other.bits);
  }

  public NumaMask or(NumaMask other) {
    return new NumaMask(bits | other.bits);
  }

  /** Numerically smaller (upstream {@code IsLessThan}), comparing the masks as unsigned numbers. */
  public boolean isLessThan(NumaMask other) {
    return Long.compareUnsigned(bits, other.bits) < 0;
  }

  /** Fewer nodes, or as many and numerically smaller (upstream {@code IsNarrowerThan}). */
  public boolean isNarrowerThan(NumaMask other) {
    if (count() == other.count()) return isLessThan(other);
    return count() < other.count();
  }

  /**
   * Calls {@code f} with every non-empty subset of {@code nodes}: by size, then in lexicographic
   * order of positions in {@code nodes} (upstream {@code bitmask.IterateBitMasks}).
   */
  public static void iterateBitMasks(int[] nodes, Consumer<NumaMask> f) {
    for (int k = 1; k <= nodes.length; k++) combinations(nodes, k, 0, 0L, f);
  }

  private static void combinations(int[] nodes, int k, int start, long acc, Consumer<NumaMask> f) {
    if (k == 0) {
      f.accept(new NumaMask(acc));
      return;
    }
    for (int i = start; i <= nodes.length - k; i++) {
      combinations(nodes, k - 1, i + 1, acc | bit(nodes[i]), f);
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof NumaMask m && m.bits == bits;
  }

  @Override
  public int hashCode() {
    return Long.hashCode(bits);
  }

  /** cpuset syntax, e.g. {@code "0-1,3"}. */
  @Override
  public String toString() {
    return toCpuSet().toString();
  }
}
