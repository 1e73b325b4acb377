package io.kubesim.kubelet.cm.topologymanager;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubesim.kubelet.cm.cpuset.CpuSet;
import io.kubesim.kubelet.cm.topology.NumaDistances;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Rows of upstream's {@code policy_*_test.go} merge tables. */
class TopologyManagerPolicyTest {

  static final NumaInfo FOUR_NODES = new NumaInfo(CpuSet.range(0, 3), NumaDistances.linuxDefault(CpuSet.range(0, 3)));

  /** Upstream's {@code commonNUMAInfoEightNodes}: 10 local, 11 paired, 12 same socket, 30 remote. */
  static final NumaInfo EIGHT_NODES = eightNodes();

  private static NumaInfo eightNodes() {
    Map<Integer, int[]> rows = new TreeMap<>();
    for (int i = 0; i < 8; i++) {
      int[] row = new int[8];
      for (int j = 0; j < 8; j++) {
        row[j] = i == j ? 10 : i / 4 != j / 4 ? 30 : i / 2 == j / 2 ? 11 : 12;
      }
      rows.put(i, row);
    }
    return new NumaInfo(CpuSet.range(0, 7), NumaDistances.of(rows));
  }

  static TopologyHint h(String nodes, boolean preferred) {
    return new TopologyHint(nodes == null ? null : NumaMask.of(CpuSet.parse(nodes)), preferred);
  }

  /** One provider with one resource per list. */
  static Map<String, List<TopologyHint>> provider(List<TopologyHint> hints) {
    Map<String, List<TopologyHint>> m = new LinkedHashMap<>();
    m.put("resource", hints);
    return m;
  }

  record Merge(String description, TopologyManagerPolicyName policy, NumaInfo numa, boolean closest,
      List<Map<String, List<TopologyHint>>> providers, String affinity, boolean preferred, boolean admit) {
    @Override
    public String toString() {
      return policy + ": " + description;
    }
  }

  static Merge m(String d, TopologyManagerPolicyName p, List<Map<String, List<TopologyHint>>> providers,
      String affinity, boolean preferred, boolean admit) {
    return new Merge(d, p, FOUR_NODES, false, providers, affinity, preferred, admit);
  }

  static Stream<Merge> merges() {
    var be = TopologyManagerPolicyName.BEST_EFFORT;
    var re = TopologyManagerPolicyName.RESTRICTED;
    var sn = TopologyManagerPolicyName.SINGLE_NUMA_NODE;
    List<Map<String, List<TopologyHint>>> noProviders = List.of();
    List<Map<String, List<TopologyHint>>> nilProvider = Arrays.asList((Map<String, List<TopologyHint>>) null);
    return Stream.of(
        m("no hint providers: every node, preferred", be, noProviders, "0-3", true, true),
        m("a provider without hints has no preference", re, nilProvider, "0-3", true, true),
        m("an empty hint list cannot be satisfied", be, List.of(provider(List.of())), "0-3", false, true),
        m("an empty hint list is not admitted under restricted", re, List.of(provider(List.of())), "0-3", false, false),
        m("two providers with the same preferred mask", be,
            List.of(provider(List.of(h("1", true))), provider(List.of(h("1", true)))), "1", true, true),
        m("different masks merge to their intersection, not preferred", be,
            List.of(provider(List.of(h("1", true))), provider(List.of(h("0-1", true)))), "1", false, true),
        m("no common mask falls back to every node", re,
            List.of(provider(List.of(h("0", true))), provider(List.of(h("1", true)))), "0-3", false, false),
        m("a preferred wider hint beats a narrower non-preferred one", be,
            List.of(provider(List.of(h("1", true), h("0-1", false))),
                provider(List.of(h("0", true), h("1", true), h("0-1", false)))), "1", true, true),
        m("a later preferred permutation replaces an earlier non-preferred one", re,
            List.of(provider(List.of(h("0-1", false), h("1", true))), provider(List.of(h("1", true)))), "1", true, true),
        m("an earlier preferred permutation is kept over a later narrower non-preferred one", be,
            List.of(provider(List.of(h("0-1", true), h("1", false))), provider(List.of(h("0-1", true)))), "0-1", true,
            true),
        m("among equally wide preferred masks the numerically smaller wins", be,
            List.of(provider(List.of(h("1-2", true), h("0,3", true)))), "1-2", true, true),
        m("non-preferred: stay at the best non-preferred count", be,
            List.of(provider(List.of(h("0-3", false), h("0-1", false))), provider(List.of(h("1-2", false)))), "1-2",
            false, true),
        m("non-preferred: a narrower mask at the best count", be,
            List.of(provider(List.of(h("0-3", false), h("0-1", false))),
                provider(List.of(h("1-3", false), h("1-2", false), h("1,3", false), h("2-3", false)))), "1-2", false,
            true),
        m("non-preferred: below the best count, a candidate reaching it wins", be,
            List.of(provider(List.of(h("0", false), h("0-2", false))), provider(List.of(h("0-1", false)))), "0-1",
            false, true),
        m("non-preferred: below the best count, a wider candidate gets closer to it", be,
            List.of(provider(List.of(h("0", false), h("0-1", false))), provider(List.of(h("0-2", false)))), "0-1",
            false, true),
        m("non-preferred: below the best count, a narrower candidate loses", be,
            List.of(provider(List.of(h("0-1", false), h("0", false))), provider(List.of(h("0-2", false)))), "0-1",
            false, true),
        m("single-numa-node drops multi-node hints and maps every node to nil", sn,
            List.of(provider(List.of(h(null, true)))), null, true, true),
        m("single-numa-node keeps the preferred single node", sn,
            Arrays.asList(provider(List.of(h("0", true), h("1", true), h("0-1", false))), null), "0", true, true),
        m("single-numa-node rejects what only fits across nodes", sn,
            List.of(provider(List.of(h("0-1", true)))), null, false, false),
        m("none ignores every hint", TopologyManagerPolicyName.NONE,
            List.of(provider(List.of(h("0", true)))), null, false, true),
        new Merge("closest: equally wide preferred masks compare by distance", be, EIGHT_NODES, true,
            List.of(provider(List.of(h("0,4", true), h("0,2", true))), provider(List.of(h("0,4", true), h("0,2", true)))),
            "0,2", true, true),
        new Merge("closest: the smaller average distance beats the smaller mask", be, EIGHT_NODES, true,
            List.of(provider(List.of(h("0,2", true), h("2-3", true)))), "2-3", true, true),
        new Merge("closest: equal average distances fall back to the numerically smaller mask", be, EIGHT_NODES, true,
            List.of(provider(List.of(h("2-3", true), h("0-1", true)))), "0-1", true, true),
        new Merge("without the option the numerically smaller mask wins", be, EIGHT_NODES, false,
            List.of(provider(List.of(h("0,2", true), h("2-3", true)))), "0,2", true, true),
        new Merge("single-numa-node ignores prefer-closest-numa-nodes", sn, EIGHT_NODES, true,
            List.of(provider(List.of(h("1", true), h("0", true)))), "0", true, true));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("merges")
  void mergedHintsMatchUpstream(Merge c) {
    var options = new TopologyManagerPolicyOptions(c.closest, 8);
    MergeResult r = new TopologyManagerPolicy(c.policy, c.numa, options).merge(new ArrayList<>(c.providers));
    assertThat(r.hint().numaNodeAffinity() == null ? null : r.hint().numaNodeAffinity().toString())
        .isEqualTo(c.affinity == null ? null : CpuSet.parse(c.affinity).toString());
    assertThat(r.hint().preferred()).isEqualTo(c.preferred);
    assertThat(r.admit()).isEqualTo(c.admit);
  }

  @Test
  void theAverageDistanceIncludesEachNodeToItself() {
    assertThat(EIGHT_NODES.averageDistance(NumaMask.of(0, 1))).isEqualTo(10.5);
    assertThat(EIGHT_NODES.averageDistance(NumaMask.of(0))).isEqualTo(10.0);
  }

  @Test
  void theBestNonPreferredCountIsTheWidestOfTheNarrowestMasks() {
    assertThat(HintMerger.bestNonPreferredAffinityCount(List.of(List.of(h("0-3", false), h("0-1", false)),
        List.of(h("1-3", false)), List.of(h(null, true))))).isEqualTo(3);
  }

  @Test
  void optionsAreParsedWithUpstreamsChecks() {
    assertThat(TopologyManagerPolicyOptions.parse(Map.of())).isEqualTo(TopologyManagerPolicyOptions.DEFAULT);
    assertThat(TopologyManagerPolicyOptions.parse(Map.of("prefer-closest-numa-nodes", "true",
        "max-allowable-numa-nodes", "16"))).isEqualTo(new TopologyManagerPolicyOptions(true, 16));
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> TopologyManagerPolicyOptions.parse(
        Map.of("max-allowable-numa-nodes", "4")))
        .hasMessage("the minimum value of \"max-allowable-numa-nodes\" should not be less than 8");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> TopologyManagerPolicyOptions.parse(Map.of("foo", "1")))
        .hasMessage("unknown Topology Manager Policy option: \"foo\"");
  }
}
