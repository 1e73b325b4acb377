package io.kubesim.scheduler.plugins.podtopologyspread;

import static io.kubesim.scheduler.plugins.podtopologyspread.SpreadFixtures.cluster;
import static io.kubesim.scheduler.plugins.podtopologyspread.SpreadFixtures.gates;
import static io.kubesim.scheduler.plugins.podtopologyspread.SpreadFixtures.zoned;
import static io.kubesim.testing.LabelSelectors.exists;
import static io.kubesim.testing.Pods.pod;
import static io.kubesim.testing.TopologySpreadConstraints.doNotSchedule;
import static org.assertj.core.api.Assertions.assertThat;

import io.kubesim.api.TaintEffect;
import io.kubesim.cluster.Cluster;
import io.kubesim.scheduler.framework.Code;
import io.kubesim.scheduler.framework.CycleState;
import io.kubesim.scheduler.framework.PodInfo;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** AddPod / RemovePod, the preemption what-if hooks (pod-topology-spread.md §6). */
class PreFilterExtensionsTest {

  private final PodTopologySpread plugin = SpreadFixtures.plugin(gates(true, true));
  private Cluster cluster;
  private PodInfo incoming;
  private CycleState state;

  @BeforeEach
  void preFilter() {
    cluster = cluster(
        List.of(zoned("node-a", "zone1"), zoned("node-x", "zone2"), zoned("node-t", "zone3").taint("k", "v", TaintEffect.NoSchedule)),
        List.of(pod("a1").label("foo", "").node("node-a")));
    incoming = PodInfo.of(pod("p").label("foo", "")
        .spreadConstraint(doNotSchedule(1, "zone").matchExpressions(exists("foo")).nodeTaintsPolicy("Honor")).build());
    state = new CycleState();
    assertThat(plugin.preFilter(state, incoming, cluster).status().code()).isEqualTo(Code.Success);
  }

  private PreFilterState state() {
    return PodTopologySpread.preFilterState(state);
  }

  @Test
  void addingAMatchingPodRaisesItsDomainAndTheMinimumFollows() {
    assertThat(state().tpValueToMatchNum(0)).containsOnly(Map.entry("zone1", 1), Map.entry("zone2", 0));
    assertThat(state().minMatchNum(0)).isZero();
    plugin.addPod(state, incoming, PodInfo.of(pod("x1").label("foo", "").build()), cluster.get("node-x"));
    assertThat(state().tpValueToMatchNum(0)).containsOnly(Map.entry("zone1", 1), Map.entry("zone2", 1));
    assertThat(state().minMatchNum(0)).isEqualTo(1);
    assertThat(state().criticalPaths(0).first().matchNum()).isEqualTo(1);
  }

  @Test
  void chunkedFilterSeesTheCountsAfterAddPod() {
    // zone1 holds 1, zone2 0: with maxSkew 1 the incoming pod may go to zone2 only.
    io.kubesim.scheduler.framework.NodeInfo[] nodes = {cluster.get("node-a"), cluster.get("node-x")};
    io.kubesim.scheduler.framework.Status[] before = new io.kubesim.scheduler.framework.Status[2];
    plugin.filterAll(state, incoming, nodes, before, 2);
    assertThat(before[0]).isEqualTo(PodTopologySpread.CONSTRAINTS_NOT_MATCH);
    assertThat(before[1]).isNull();

    // Two more in zone2: now zone2 breaks the skew and zone1 is the emptier one.
    plugin.addPod(state, incoming, PodInfo.of(pod("x1").label("foo", "").build()), cluster.get("node-x"));
    plugin.addPod(state, incoming, PodInfo.of(pod("x2").label("foo", "").build()), cluster.get("node-x"));
    io.kubesim.scheduler.framework.Status[] after = new io.kubesim.scheduler.framework.Status[2];
    plugin.filterAll(state, incoming, nodes, after, 2);
    assertThat(after[0]).isNull();
    assertThat(after[1]).isEqualTo(PodTopologySpread.CONSTRAINTS_NOT_MATCH);
    for (int i = 0; i < nodes.length; i++) {
      assertThat(plugin.filter(state, incoming, nodes[i]).isSuccess()).as(nodes[i].name()).isEqualTo(after[i] == null);
    }
  }

  @Test
  void removingAPodLowersItsDomain() {
    plugin.removePod(state, incoming, PodInfo.of(pod("a1").label("foo", "").build()), cluster.get("node-a"));
    assertThat(state().tpValueToMatchNum(0)).containsOnly(Map.entry("zone1", 0), Map.entry("zone2", 0));
  }

  @Test
  void aPodThatDoesNotMatchTheSelectorChangesNothing() {
    plugin.removePod(state, incoming, PodInfo.of(pod("a0").label("bar", "").build()), cluster.get("node-a"));
    assertThat(state().tpValueToMatchNum(0)).containsOnly(Map.entry("zone1", 1), Map.entry("zone2", 0));
  }

  @Test
  void aPodOfAnotherNamespaceChangesNothing() {
    plugin.addPod(state, incoming, PodInfo.of(pod("x1").namespace("other").label("foo", "").build()), cluster.get("node-x"));
    assertThat(state().tpValueToMatchNum(0)).containsOnly(Map.entry("zone1", 1), Map.entry("zone2", 0));
  }

  @Test
  void theNodePassedInCountsNotThePodsNodeName() {
    plugin.addPod(state, incoming, PodInfo.of(pod("x1").label("foo", "").node("node-a").build()), cluster.get("node-x"));
    assertThat(state().tpValueToMatchNum(0)).containsEntry("zone2", 1).containsEntry("zone1", 1);
  }

  @Test
  void aNodeExcludedByTheTaintsPolicyChangesNothing() {
    plugin.addPod(state, incoming, PodInfo.of(pod("t1").label("foo", "").build()), cluster.get("node-t"));
    assertThat(state().tpValueToMatchNum(0)).containsOnly(Map.entry("zone1", 1), Map.entry("zone2", 0));
  }

  @Test
  void aCopyIsIndependentOfItsOriginal() {
    PreFilterState original = state();
    PreFilterState copy = original.copy();
    CycleState other = new CycleState();
    other.write(PodTopologySpread.PRE_FILTER_STATE_KEY, copy);
    plugin.addPod(other, incoming, PodInfo.of(pod("x1").label("foo", "").build()), cluster.get("node-x"));
    assertThat(copy.tpValueToMatchNum(0)).containsEntry("zone2", 1);
    assertThat(original.tpValueToMatchNum(0)).containsEntry("zone2", 0);
    assertThat(original.criticalPaths(0).first()).isEqualTo(new CriticalPaths.Path("zone2", 0));
  }

  @Test
  void withoutPreFilterStateTheHooksReportAnError() {
    assertThat(plugin.addPod(new CycleState(), incoming, incoming, cluster.get("node-a")).code()).isEqualTo(Code.Error);
    assertThat(plugin.removePod(new CycleState(), incoming, incoming, cluster.get("node-a")).code()).isEqualTo(Code.Error);
  }

  @Test
  void filterSeesTheUpdatedCounts() {
    assertThat(plugin.filter(state, incoming, cluster.get("node-a")).code()).isEqualTo(Code.Unschedulable);
    plugin.addPod(state, incoming, PodInfo.of(pod("x1").label("foo", "").build()), cluster.get("node-x"));
    assertThat(plugin.filter(state, incoming, cluster.get("node-a")).code()).isEqualTo(Code.Success);
  }
}
