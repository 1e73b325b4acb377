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
