package io.kubesim.scheduler.plugins.podtopologyspread;

import io.kubesim.scheduler.framework.MatchingPodCounts;
import io.kubesim.scheduler.framework.NodeInfo;
import java.util.BitSet;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What PreScore computes for the incoming pod's soft constraints and Score / NormalizeScore read
 * (upstream {@code preScoreState}).
 *
 * <p>Per constraint: the matching-pod count of every domain seeded by a filtered node (never for
 * {@code kubernetes.io/hostname}, which Score counts on the node itself), the {@code size} of the
 * normalizing weight {@code ln(size + 2)}, and the weight. Nodes that lack a required topology key
 * are ignored: they score 0 and take no part in normalisation.
 */
public final class PreScoreState {
  private final List<Constraint> constraints;
  final Domains[] domains;
  /** Per constraint, the incremental counts of its selector; null for a selector that counts nothing. */
  final MatchingPodCounts[] matching;
  /** Per constraint, whether its key is {@code kubernetes.io/hostname} (counted on the node in Score). */
  final boolean[] hostname;
  private final long[][] counts;
  private final boolean[][] seeded;
  private final Set<String> ignoredNodes = new LinkedHashSet<>();
  private final BitSet ignoredIndexes = new BitSet();
  final int[] sizes;
  final double[] weights;
  /** Per constraint, {@code maxSkew - 1}: what Score adds for it on every node. */
  final int[] skewOffsets;
  /** Every node of the snapshot carries every key: Score need not look a hostname domain up. */
  boolean everyNodeHasKeys;
  /** With one constraint: Score's result for the counts 0..63, or null. */
  long[] scoreByCount;

  PreScoreState(List<Constraint> constraints, Domains[] domains, MatchingPodCounts[] matching, boolean[] hostname) {
    this.constraints = List.copyOf(constraints);
    this.domains = domains;
    this.matching = matching;
    this.hostname = hostname;
    int n = constraints.size();
    counts = new long[n][];
    seeded = new boolean[n][];
    sizes = new int[n];
    weights = new double[n];
    skewOffsets = new int[n];
    for (int i = 0; i < n; i++) {
      // Hostname constraints are counted on the node in Score: no per-domain arrays (thousands of nodes).
      skewOffsets[i] = constraints.get(i).maxSkew() - 1;
      int size = hostname[i] ? 0 : domains[i].size();
      counts[i] = new long[size];
      seeded[i] = new boolean[size];
    }
  }

  /** The soft constraints, in spec order. */
  public List<Constraint> constraints() {
    return constraints;
  }

  /** Names of the filtered nodes that are not scored (they lack some topology key). */
  public Set<String> ignoredNodes() {
    return Collections.unmodifiableSet(ignoredNodes);
  }

  /** Domain value to matching-pod count for constraint {@code i}; empty for {@code kubernetes.io/hostname}. */
  public Map<String, Long> topologyValueToPodCounts(int i) {
    Map<String, Long> out = new LinkedHashMap<>();
    for (int d = 0; d < counts[i].length; d++) {
      if (seeded[i][d]) out.put(domains[i].name(d), counts[i][d]);
    }
    return Collections.unmodifiableMap(out);
  }

  /** The {@code size} in constraint {@code i}'s weight {@code ln(size + 2)}. */
  public int normalizingWeightSize(int i) {
    return sizes[i];
  }

  public double normalizingWeight(int i) {
    return weights[i];
  }

  /** Fills {@link #scoreByCount} once the weight is known: most nodes have a small count. */
  void tabulateScores() {
    scoreByCount = new long[64];
    for (int c = 0; c < scoreByCount.length; c++) scoreByCount[c] = Scoring.goRound(c * weights[0] + skewOffsets[0]);
  }

  boolean isIgnored(NodeInfo node) {
    return ignoredIndexes.get(node.index());
  }

  void ignore(NodeInfo node) {
    ignoredNodes.add(node.name());
    ignoredIndexes.set(node.index());
  }

  int ignoredCount() {
    return ignoredNodes.size();
  }

  /** Seeds domain {@code d}; true when it was new. */
  boolean seed(int i, int d) {
    if (d >= seeded[i].length) {
      int size = Math.max(d + 1, domains[i].size());
      seeded[i] = java.util.Arrays.copyOf(seeded[i], size);
      counts[i] = java.util.Arrays.copyOf(counts[i], size);
    }
    if (seeded[i][d]) return false;
    seeded[i][d] = true;
    return true;
  }

  boolean isSeeded(int i, int d) {
    return d < seeded[i].length && seeded[i][d];
  }

  void add(int i, int d, long n) {
    counts[i][d] += n;
  }

  /** The count of seeded domain {@code d} (0 when not seeded: upstream would dereference nil). */
  long count(int i, int d) {
    return d < counts[i].length ? counts[i][d] : 0;
  }
}
