package io.kubesim.kubelet.cm.topologymanager;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One Topology Manager policy bound to a machine's NUMA layout, as upstream's {@code Policy}
 * implementations ({@code policy_none.go}, {@code policy_best_effort.go}, ...).
 *
 * <table>
 *   <caption>What each policy returns</caption>
 *   <tr><th>policy</th><th>merged hint</th><th>admit</th></tr>
 *   <tr><td>none</td><td>(nil, false)</td><td>always</td></tr>
 *   <tr><td>best-effort</td><td>as merged</td><td>always</td></tr>
 *   <tr><td>restricted</td><td>as merged</td><td>iff preferred</td></tr>
 *   <tr><td>single-numa-node</td><td>merged over single-node hints, every-node mask turned
 *   into nil</td><td>iff preferred</td></tr>
 * </table>
 */
public final class TopologyManagerPolicy {
  private final TopologyManagerPolicyName name;
  private final NumaInfo numaInfo;
  private final TopologyManagerPolicyOptions options;

  public TopologyManagerPolicy(TopologyManagerPolicyName name, NumaInfo numaInfo, TopologyManagerPolicyOptions options) {
    this.name = name;
    this.numaInfo = numaInfo;
    this.options = options;
  }

  public TopologyManagerPolicyName name() {
    return name;
  }

  public NumaInfo numaInfo() {
    return numaInfo;
  }

  public TopologyManagerPolicyOptions options() {
    return options;
  }

  /**
   * Merges the hints of every provider.
   *
   * @param providersHints one map per provider, in provider order; a {@code null} or empty map
   *     means the provider has no preference; inside a map a {@code null} list means no preference
   *     for that resource and an empty list means it cannot be satisfied
   */
  public MergeResult merge(List<Map<String, List<TopologyHint>>> providersHints) {
    if (name == TopologyManagerPolicyName.NONE) return new MergeResult(TopologyHint.ANY_NOT_PREFERRED, true);
    List<List<TopologyHint>> filtered = filterProvidersHints(providersHints);
    if (name == TopologyManagerPolicyName.SINGLE_NUMA_NODE) {
      filtered = filterSingleNumaHints(filtered);
      TopologyHint best = new HintMerger(numaInfo, filtered, false).merge();
      if (numaInfo.defaultAffinityMask().equals(best.numaNodeAffinity())) {
        best = new TopologyHint(null, best.preferred());
      }
      return new MergeResult(best, best.preferred());
    }
    TopologyHint best = new HintMerger(numaInfo, filtered, options.preferClosestNuma()).merge();
    return new MergeResult(best, canAdmit(best));
  }

  private boolean canAdmit(TopologyHint hint) {
    return name == TopologyManagerPolicyName.BEST_EFFORT || hint.preferred();
  }

  /** One list per provider resource; "no preference" and "cannot satisfy" become nil hints. */
  static List<List<TopologyHint>> filterProvidersHints(List<Map<String, List<TopologyHint>>> providersHints) {
    List<List<TopologyHint>> all = new ArrayList<>();
    for (Map<String, List<TopologyHint>> hints : providersHints) {
      if (hints == null || hints.isEmpty()) {
        all.add(List.of(TopologyHint.ANY_PREFERRED));
        continue;
      }
      for (List<TopologyHint> resource : hints.values()) {
        if (resource == null) all.add(List.of(TopologyHint.ANY_PREFERRED));
        else if (resource.isEmpty()) all.add(List.of(TopologyHint.ANY_NOT_PREFERRED));
        else all.add(resource);
      }
    }
    return all;
  }

  /** Keeps the preferred hints that name no node or exactly one; a list may become empty. */
  static List<List<TopologyHint>> filterSingleNumaHints(List<List<TopologyHint>> all) {
    List<List<TopologyHint>> out = new ArrayList<>();
    for (List<TopologyHint> list : all) {
      List<TopologyHint> kept = new ArrayList<>();
      for (TopologyHint h : list) {
        if (!h.preferred()) continue;
        if (h.numaNodeAffinity() == null || h.numaNodeAffinity().count() == 1) kept.add(h);
      }
      out.add(kept);
    }
    return out;
  }
}
