package io.kubesim.scheduler.plugins.podtopologyspread;

import io.kubesim.scheduler.framework.NodeInfo;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What PreFilter computes for the incoming pod's hard constraints and Filter reads per node
 * (upstream {@code preFilterState}): per constraint, in spec order, the matching-pod count of every
 * eligible domain, the number of eligible domains and the two critical paths.
 *
 * <p>A domain is eligible for constraint {@code i} when at least one node that passed the counting
 * rules carries it, whether or not it holds matching pods (see {@link PodTopologySpread}). Counts
 * are stored by {@link Domains} id; {@link #tpValueToMatchNum(int)} shows them by domain value.
 *
 * <p>Mutable only through AddPod/RemovePod; preemption evaluates each node on its own {@link #copy()}.
 */
public final class PreFilterState {
  private final List<Constraint> constraints;
  final Domains[] domains;
  /** Per constraint: whether the incoming pod matches its own selector (the "+1" of the skew). */
  final int[] selfMatch;
  private final int[][] counts;
  private final boolean[][] eligible;
  private final int[] domainsNum;
  private final CriticalPaths[] criticalPaths;
  /** {@link #exceeds} per constraint, null until used or after the counts changed. */
  private boolean[][] exceeds;

  PreFilterState(List<Constraint> constraints, Domains[] domains, int[] selfMatch) {
    this.constraints = List.copyOf(constraints);
    this.domains = domains;
    this.selfMatch = selfMatch;
    int n = constraints.size();
    counts = new int[n][];
    eligible = new boolean[n][];
    domainsNum = new int[n];
    criticalPaths = new CriticalPaths[n];
    for (int i = 0; i < n; i++) {
      counts[i] = new int[domains[i].size()];
      eligible[i] = new boolean[domains[i].size()];
      criticalPaths[i] = new CriticalPaths();
    }
  }

  private PreFilterState(PreFilterState o) {
    constraints = o.constraints;
    domains = o.domains;
    selfMatch = o.selfMatch;
    int n = constraints.size();
    counts = new int[n][];
    eligible = new boolean[n][];
    criticalPaths = new CriticalPaths[n];
    for (int i = 0; i < n; i++) {
      counts[i] = o.counts[i].clone();
      eligible[i] = o.eligible[i].clone();
      criticalPaths[i] = o.criticalPaths[i].copy();
    }
    domainsNum = o.domainsNum.clone();
  }

  /** An independent copy (upstream {@code Clone}); constraints are shared, they never change. */
  public PreFilterState copy() {
    return new PreFilterState(this);
  }

  /** The hard constraints, in spec order. */
  public List<Constraint> constraints() {
    return constraints;
  }

  /** Domain value to matching-pod count for constraint {@code i}; exactly the eligible domains as keys. */
  public Map<String, Integer> tpValueToMatchNum(int i) {
    Map<String, Integer> out = new LinkedHashMap<>();
    for (int d = 0; d < counts[i].length; d++) {
      if (eligible[i][d]) out.put(domains[i].name(d), counts[i][d]);
    }
    return Collections.unmodifiableMap(out);
  }

  /** The matching-pod count of one domain value, or 0 when it is not eligible. */
  public int matchNum(int i, String topologyValue) {
    for (int d = 0; d < counts[i].length; d++) {
      if (eligible[i][d] && domains[i].name(d).equals(topologyValue)) return counts[i][d];
    }
    return 0;
  }

  public CriticalPaths criticalPaths(int i) {
    return criticalPaths[i];
  }

  /** The number of eligible domains of constraint {@code i}. */
  public int domainsNum(int i) {
    return domainsNum[i];
  }

  /**
   * The global minimum the skew is measured against: the smallest domain count, or 0 while there are
   * fewer eligible domains than {@code minDomains} (always so when there is none).
   */
  public int minMatchNum(int i) {
    return domainsNum[i] < constraints.get(i).minDomains() ? 0 : criticalPaths[i].first().matchNum();
  }

  /** 1 when the incoming pod matches constraint {@code i}'s selector, else 0. */
  public int selfMatchNum(int i) {
    return selfMatch[i];
  }

  /** The count of the node's domain for constraint {@code i} (0 when not eligible), or -1 when it lacks the key. */
  int matchNumOf(int i, NodeInfo node) {
    int d = domains[i].domainOf(node);
    if (d < 0) return -1;
    return d < counts[i].length && eligible[i][d] ? counts[i][d] : 0;
  }

  /**
   * The largest domain count (0 when not eligible) a node's domain may have for constraint {@code i}
   * to pass Filter: {@code maxSkew + minMatchNum - selfMatch}.
   */
  int maxMatchNum(int i) {
    return constraints.get(i).maxSkew() + minMatchNum(i) - selfMatch[i];
  }

  /**
   * Per domain id of constraint {@code i}: whether its count exceeds {@link #maxMatchNum}. Worked out
   * on first use and kept until the counts change (AddPod/RemovePod), so a cycle's Filter chunks share it.
   */
  boolean[] exceeds(int i) {
    if (exceeds == null) exceeds = new boolean[counts.length][];
    if (exceeds[i] == null) {
      int max = maxMatchNum(i);
      boolean[] out = new boolean[counts[i].length];
      for (int d = 0; d < out.length; d++) out[d] = (eligible[i][d] ? counts[i][d] : 0) > max;
      exceeds[i] = out;
    }
    return exceeds[i];
  }

  /** Adds {@code delta} to domain {@code d}, making it eligible (Go's {@code map[v] += delta}). */
  void add(int i, int d, int delta) {
    exceeds = null;
    if (d >= counts[i].length) {
      int size = Math.max(d + 1, domains[i].size());
      counts[i] = Arrays.copyOf(counts[i], size);
      eligible[i] = Arrays.copyOf(eligible[i], size);
    }
    if (!eligible[i][d]) {
      eligible[i][d] = true;
      domainsNum[i]++;
    }
    counts[i][d] += delta;
  }

  /** After PreFilter's counting: the critical paths from all eligible domains. */
  void initCriticalPaths() {
    exceeds = null;
    for (int i = 0; i < counts.length; i++) {
      criticalPaths[i] = new CriticalPaths();
      for (int d = 0; d < counts[i].length; d++) {
        if (eligible[i][d]) criticalPaths[i].update(domains[i].name(d), counts[i][d]);
      }
    }
  }

  /** AddPod/RemovePod: {@code delta} on domain {@code d} of constraint {@code i}, keeping the paths current. */
  void update(int i, int d, int delta) {
    add(i, d, delta);
    criticalPaths[i].update(domains[i].name(d), counts[i][d]);
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder("PreFilterState{");
    for (int i = 0; i < constraints.size(); i++) {
      if (i > 0) sb.append("; ");
      sb.append(constraints.get(i).topologyKey()).append(' ').append(tpValueToMatchNum(i)).append(" paths ").append(criticalPaths[i]);
    }
    return sb.append('}').toString();
  }
}
