package io.kubesim.kubelet.cm.topologymanager;

import java.util.ArrayList;
import java.util.List;

/**
 * Merges the hints of all providers into one, as upstream's {@code HintMerger} (v1.28+).
 *
 * <ol>
 *   <li>Walk the cross product of the providers' hint lists (one hint from each list).
 *   <li>Merge each permutation: AND of its non-nil masks, starting from every node; preferred iff
 *       every hint is preferred and all non-nil masks are identical.
 *   <li>Keep the best merged hint: an empty mask never wins; preferred beats non-preferred; two
 *       preferred compare by mask ({@link #compareMasks}); two non-preferred steer towards
 *       {@code bestNonPreferredAffinityCount}, the widest of the providers' narrowest masks.
 *   <li>Nothing chosen: (every node, not preferred).
 * </ol>
 */
public final class HintMerger {
  private final NumaInfo numaInfo;
  private final List<List<TopologyHint>> hints;
  private final boolean compareByDistance;
  private final int bestNonPreferredAffinityCount;

  /**
   * @param hints one list per provider resource, already normalised (no nil lists)
   * @param compareByDistance {@code prefer-closest-numa-nodes} in effect (never with
   *     single-numa-node)
   */
  public HintMerger(NumaInfo numaInfo, List<List<TopologyHint>> hints, boolean compareByDistance) {
    this.numaInfo = numaInfo;
    this.hints = hints;
    this.compareByDistance = compareByDistance;
    this.bestNonPreferredAffinityCount = bestNonPreferredAffinityCount(hints);
  }

  /** For each list the size of its narrowest non-nil mask; the maximum over lists (0 if none). */
  static int bestNonPreferredAffinityCount(List<List<TopologyHint>> hints) {
    int best = 0;
    for (List<TopologyHint> list : hints) {
      NumaMask narrowest = null;
      for (TopologyHint h : list) {
        if (h.numaNodeAffinity() == null) continue;
        if (narrowest == null || h.numaNodeAffinity().isNarrowerThan(narrowest)) narrowest = h.numaNodeAffinity();
      }
      if (narrowest != null && narrowest.count() > best) best = narrowest.count();
    }
    return best;
  }

  public int bestNonPreferredAffinityCount() {
    return bestNonPreferredAffinityCount;
  }

  public TopologyHint merge() {
    NumaMask defaultAffinity = numaInfo.defaultAffinityMask();
    TopologyHint[] best = {null};
    iterateAllProviderTopologyHints(hints, 0, new ArrayList<>(), permutation -> {
      TopologyHint merged = mergePermutation(defaultAffinity, permutation);
      best[0] = compare(best[0], merged);
    });
    return best[0] == null ? new TopologyHint(defaultAffinity, false) : best[0];
  }

  private interface PermutationCallback {
    void accept(List<TopologyHint> permutation);
  }

  private static void iterateAllProviderTopologyHints(List<List<TopologyHint>> all, int i, List<TopologyHint> accum,
      PermutationCallback callback) {
    if (i == all.size()) {
      callback.accept(accum);
      return;
    }
    for (TopologyHint h : all.get(i)) {
      accum.add(h);
      iterateAllProviderTopologyHints(all, i + 1, accum, callback);
      accum.remove(accum.size() - 1);
    }
  }

  static TopologyHint mergePermutation(NumaMask defaultAffinity, List<TopologyHint> permutation) {
    boolean preferred = true;
    NumaMask first = null;
    NumaMask merged = defaultAffinity;
    for (TopologyHint hint : permutation) {
      NumaMask m = hint.numaNodeAffinity();
      if (m != null) {
        if (first == null) first = m;
        if (!m.equals(first)) preferred = false;
        merged = merged.and(m);
      }
      if (!hint.preferred()) preferred = false;
    }
    return new TopologyHint(merged, preferred);
  }

  private TopologyHint compare(TopologyHint current, TopologyHint candidate) {
    if (candidate.numaNodeAffinity().count() == 0) return current;
    if (current == null) return candidate;
    if (!current.preferred() && candidate.preferred()) return candidate;
    if (current.preferred() && !candidate.preferred()) return current;
    if (current.preferred()) return compareMasks(current, candidate);

    // Both non-preferred: get as close as possible to (but not above) the best count.
    int c = current.numaNodeAffinity().count();
    int k = candidate.numaNodeAffinity().count();
    int b = bestNonPreferredAffinityCount;
    if (c > b) return compareMasks(current, candidate);
    if (c == b) return k != b ? current : compareMasks(current, candidate);
    if (k > b) return current;
    if (k == b) return candidate;
    if (k > c) return candidate;
    if (k < c) return current;
    return compareMasks(current, candidate);
  }

  /** Equal masks keep the current hint; otherwise narrowest, or closest with the option. */
  private TopologyHint compareMasks(TopologyHint current, TopologyHint candidate) {
    NumaMask cur = current.numaNodeAffinity();
    NumaMask cand = candidate.numaNodeAffinity();
    if (cand.equals(cur)) return current;
    NumaMask best = compareByDistance ? numaInfo.closest(cur, cand) : numaInfo.narrowest(cur, cand);
    return best.equals(cur) ? current : candidate;
  }
}
