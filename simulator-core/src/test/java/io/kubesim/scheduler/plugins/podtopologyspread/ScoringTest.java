package io.kubesim.scheduler.plugins.podtopologyspread;

import static io.kubesim.scheduler.plugins.podtopologyspread.SpreadFixtures.cluster;
import static io.kubesim.scheduler.plugins.podtopologyspread.SpreadFixtures.gates;
import static io.kubesim.scheduler.plugins.podtopologyspread.SpreadFixtures.zoned;
import static io.kubesim.testing.LabelSelectors.exists;
import static io.kubesim.testing.Nodes.node;
import static io.kubesim.testing.Pods.pod;
import static io.kubesim.testing.TopologySpreadConstraints.doNotSchedule;
import static io.kubesim.testing.TopologySpreadConstraints.scheduleAnyway;
import static org.assertj.core.api.Assertions.assertThat;

import io.kubesim.api.LabelSelector;
import io.kubesim.api.LabelSelectorRequirement;
import io.kubesim.api.ObjectMeta;
import io.kubesim.api.ReplicaSet;
import io.kubesim.api.TaintEffect;
import io.kubesim.cluster.Cluster;
import io.kubesim.scheduler.framework.Code;
import io.kubesim.scheduler.framework.CycleState;
import io.kubesim.scheduler.framework.Features;
import io.kubesim.scheduler.framework.PodInfo;
import io.kubesim.scheduler.framework.Status;
import io.kubesim.testing.Nodes;
import io.kubesim.testing.Pods;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** PreScore, Score and NormalizeScore (pod-topology-spread.md §7–9). */
class ScoringTest {

  private static final Features ALL_ON = gates(true, true);
  private static final String HOSTNAME = "kubernetes.io/hostname";

  private static Nodes.Builder host(String name) {
    return node(name).label(HOSTNAME, name);
  }

  private static Pods.Builder foo(String name, String node) {
    return pod(name).label("foo", "").node(node);
  }

  record Row(String name, List<Nodes.Builder> nodes, List<Pods.Builder> pods, Pods.Builder incoming, List<String> filtered,
      Map<String, Long> scores) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Row> rows() {
    List<Nodes.Builder> fourHosts = List.of(host("node-a"), host("node-b"), host("node-x"), host("node-y"));
    Pods.Builder hostFoo = pod("p").label("foo", "").spreadConstraint(scheduleAnyway(1, HOSTNAME).matchExpressions(exists("foo")));
    List<Nodes.Builder> zones = List.of(zoned("node-a", "zone1"), zoned("node-b", "zone1"), zoned("node-x", "zone2"), zoned("node-y", "zone2"));
    return Stream.of(
        new Row("pods 2/1/0/3 on four hosts score 20/60/100/0 (weight ln 6, raw 4/2/0/5)", fourHosts,
            List.of(foo("a1", "node-a"), foo("a2", "node-a"), foo("b1", "node-b"), foo("y1", "node-y"), foo("y2", "node-y"),
                foo("y3", "node-y")),
            hostFoo, null, Map.of("node-a", 20L, "node-b", 60L, "node-x", 100L, "node-y", 0L)),
        new Row("domains come from the candidates, but pods on other nodes of those domains count", zones,
            List.of(foo("b1", "node-b"), foo("b2", "node-b"), foo("y1", "node-y")),
            pod("p").label("foo", "").spreadConstraint(scheduleAnyway(1, "zone").matchExpressions(exists("foo"))), List.of("node-a", "node-x"),
            Map.of("node-a", 33L, "node-x", 100L)),
        new Row("nodes lacking a key are ignored: they score 0 and take no part in min/max",
            List.of(zoned("node-a", "zone1"), node("node-b"), zoned("node-x", "zone2")), List.of(foo("a1", "node-a")),
            pod("p").label("foo", "").spreadConstraint(scheduleAnyway(1, "zone").matchExpressions(exists("foo"))), null,
            Map.of("node-a", 0L, "node-b", 0L, "node-x", 100L)),
        new Row("no matching pods anywhere: every node 100", fourHosts, List.of(), hostFoo, null,
            Map.of("node-a", 100L, "node-b", 100L, "node-x", 100L, "node-y", 100L)),
        new Row("maxSkew - 1 is added per constraint and dampens differences", List.of(host("node-a"), host("node-b")),
            List.of(foo("a1", "node-a")),
            pod("p").label("foo", "").spreadConstraint(scheduleAnyway(3, HOSTNAME).matchExpressions(exists("foo"))), null,
            Map.of("node-a", 66L, "node-b", 100L)),
        new Row("without that offset the same spread scores 0 and 100", List.of(host("node-a"), host("node-b")),
            List.of(foo("a1", "node-a")),
            pod("p").label("foo", "").spreadConstraint(scheduleAnyway(1, HOSTNAME).matchExpressions(exists("foo"))), null,
            Map.of("node-a", 0L, "node-b", 100L)),
        new Row("the hostname count is the node's own pods, without inclusion policies",
            List.of(host("node-a"), host("node-b").taint("k", "v", TaintEffect.NoSchedule)),
            List.of(foo("b1", "node-b"), foo("b2", "node-b")),
            pod("p").label("foo", "").spreadConstraint(scheduleAnyway(1, HOSTNAME).matchExpressions(exists("foo")).nodeTaintsPolicy("Honor")), null,
            Map.of("node-a", 100L, "node-b", 0L)),
        new Row("any other per-node key goes through the domain counts, where policies apply",
            List.of(node("node-a").label("node", "node-a"), node("node-b").label("node", "node-b").taint("k", "v", TaintEffect.NoSchedule)),
            List.of(foo("b1", "node-b"), foo("b2", "node-b")),
            pod("p").label("foo", "").spreadConstraint(scheduleAnyway(1, "node").matchExpressions(exists("foo")).nodeTaintsPolicy("Honor")), null,
            Map.of("node-a", 100L, "node-b", 100L)),
        new Row("terminating pods and pods of other namespaces are not counted", List.of(host("node-a"), host("node-b")),
            List.of(foo("a1", "node-a").terminating(), foo("a2", "node-a").namespace("other"), foo("b1", "node-b")),
            hostFoo, null, Map.of("node-a", 100L, "node-b", 0L)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rows")
  void finalScores(Row row) {
    Cluster cluster = cluster(row.nodes(), row.pods());
    assertThat(SpreadFixtures.scores(SpreadFixtures.plugin(ALL_ON), cluster, row.incoming().build(), row.filtered()))
        .containsExactlyInAnyOrderEntriesOf(row.scores());
  }

  /** Nodes a, b in zone mars; c, d without a zone; pods of the ReplicaSet: 1 on a, 2 on c. */
  private static Cluster replicaSetCluster() {
    Cluster cluster = cluster(
        List.of(host("node-a").label("topology.kubernetes.io/zone", "mars"), host("node-b").label("topology.kubernetes.io/zone", "mars"),
            host("node-c"), host("node-d")),
        List.of(foo("a1", "node-a"), foo("c1", "node-c"), foo("c2", "node-c")));
    cluster.putReplicaSet(new ReplicaSet(ObjectMeta.named("default", "rs1"), new ReplicaSet.Spec(3,
        new LabelSelector(null, List.of(new LabelSelectorRequirement("foo", "Exists", List.of()))), null, 0)));
    return cluster;
  }

  private static Pods.Builder replicaSetPod() {
    return pod("p").label("foo", "").ownerReference("apps/v1", "ReplicaSet", "rs1");
  }

  @Test
  void systemDefaultingScoresZonelessNodesAndGivesThemTheEmptyZone() {
    Cluster cluster = replicaSetCluster();
    PodTopologySpread plugin = new PodTopologySpread(null, ALL_ON);
    CycleState state = new CycleState(cluster);
    assertThat(plugin.preScore(state, PodInfo.of(replicaSetPod().build()), cluster.nodeInfos()).code()).isEqualTo(Code.Success);
    PreScoreState s = PodTopologySpread.preScoreState(state);
    assertThat(s.constraints()).extracting(Constraint::topologyKey).containsExactly(HOSTNAME, "topology.kubernetes.io/zone");
    assertThat(s.ignoredNodes()).isEmpty();
    assertThat(s.topologyValueToPodCounts(0)).isEmpty();
    assertThat(s.topologyValueToPodCounts(1)).containsOnly(Map.entry("mars", 1L), Map.entry("", 2L));
    assertThat(List.of(s.normalizingWeightSize(0), s.normalizingWeightSize(1))).containsExactly(4, 2);
    // raw: a = 1*ln6 + 2 + 1*ln4 + 4 = 9; b = 2 + ln4 + 4 = 7; c = 2*ln6 + 2 (no zone) = 6; d = 2
    assertThat(SpreadFixtures.scores(plugin, cluster, replicaSetPod().build(), null))
        .containsExactlyInAnyOrderEntriesOf(Map.of("node-a", 22L, "node-b", 44L, "node-c", 55L, "node-d", 100L));
  }

  @Test
  void theSameDefaultsAsAListIgnoreZonelessNodes() {
    Cluster cluster = replicaSetCluster();
    PodTopologySpread plugin = new PodTopologySpread(PodTopologySpreadArgs.list(PodTopologySpread.SYSTEM_DEFAULT_CONSTRAINTS), ALL_ON);
    CycleState state = new CycleState(cluster);
    plugin.preScore(state, PodInfo.of(replicaSetPod().build()), cluster.nodeInfos());
    PreScoreState s = PodTopologySpread.preScoreState(state);
    assertThat(s.ignoredNodes()).containsExactlyInAnyOrder("node-c", "node-d");
    assertThat(List.of(s.normalizingWeightSize(0), s.normalizingWeightSize(1))).containsExactly(2, 1);
    // raw: a = ln4 + 2 + ln3 + 4 = 8; b = 2 + ln3 + 4 = 7
    assertThat(SpreadFixtures.scores(plugin, cluster, replicaSetPod().build(), null))
        .containsExactlyInAnyOrderEntriesOf(Map.of("node-a", 87L, "node-b", 100L, "node-c", 0L, "node-d", 0L));
  }

  @Test
  void oneConstraintScoresTheSameAboveAndBelowItsCountTable() {
    // Counts below 64 come from PreScore's table, higher ones from the formula: both must be
    // round(count * ln(size + 2) + maxSkew - 1).
    List<Pods.Builder> pods = new java.util.ArrayList<>();
    for (int i = 0; i < 70; i++) pods.add(foo("a" + i, "node-a"));
    for (int i = 0; i < 63; i++) pods.add(foo("b" + i, "node-b"));
    pods.add(foo("c0", "node-c"));
    Cluster cluster = cluster(List.of(host("node-a"), host("node-b"), host("node-c")), pods);
    PodTopologySpread plugin = SpreadFixtures.plugin(ALL_ON);
    PodInfo incoming = PodInfo.of(pod("p").label("foo", "").spreadConstraint(scheduleAnyway(3, HOSTNAME).matchExpressions(exists("foo"))).build());
    CycleState state = new CycleState(cluster);
    assertThat(plugin.preScore(state, incoming, cluster.nodeInfos()).code()).isEqualTo(Code.Success);
    double weight = Math.log(3 + 2);
    for (var e : Map.of("node-a", 70, "node-b", 63, "node-c", 1).entrySet()) {
      assertThat(plugin.score(state, incoming, cluster.get(e.getKey()))).as(e.getKey())
          .isEqualTo(Math.round(e.getValue() * weight + 2));
    }
  }

  @Test
  void roundingIsAppliedOnceToTheSum() {
    // hostname weight ln 4 = 1.386, zone weight ln 3 = 1.099: node-a has 1 pod on it and 3 in its zone,
    // 1.386 + 3.296 = 4.68 rounds to 5, where rounding each term would give 1 + 3 = 4.
    Cluster cluster = cluster(List.of(host("node-a").label("zone", "z1"), host("node-b").label("zone", "z1")),
        List.of(foo("a1", "node-a"), foo("b1", "node-b"), foo("b2", "node-b")));
    PodTopologySpread plugin = SpreadFixtures.plugin(ALL_ON);
    Pods.Builder p = pod("p").label("foo", "")
        .spreadConstraint(scheduleAnyway(1, HOSTNAME).matchExpressions(exists("foo")))
        .spreadConstraint(scheduleAnyway(1, "zone").matchExpressions(exists("foo")));
    CycleState state = new CycleState(cluster);
    PodInfo pi = PodInfo.of(p.build());
    plugin.preScore(state, pi, cluster.nodeInfos());
    assertThat(plugin.score(state, pi, cluster.get("node-a"))).isEqualTo(5);
    assertThat(plugin.score(state, pi, cluster.get("node-b"))).isEqualTo(6);
  }

  @Test
  void minDomainsHasNoEffectOnScoring() {
    Cluster cluster = cluster(List.of(host("node-a"), host("node-b")), List.of(foo("a1", "node-a")));
    Pods.Builder withMin = pod("p").label("foo", "").spreadConstraint(scheduleAnyway(1, HOSTNAME).matchExpressions(exists("foo")).minDomains(5));
    assertThat(SpreadFixtures.scores(SpreadFixtures.plugin(ALL_ON), cluster, withMin.build(), null))
        .containsExactlyInAnyOrderEntriesOf(Map.of("node-a", 0L, "node-b", 100L));
  }

  @Test
  void preScoreSkipsAPodWithoutSoftConstraints() {
    Cluster cluster = cluster(List.of(host("node-a")), List.of());
    Status s = SpreadFixtures.plugin(ALL_ON).preScore(new CycleState(cluster),
        PodInfo.of(pod("p").spreadConstraint(doNotSchedule(1, HOSTNAME).matchExpressions(exists("foo"))).build()), cluster.nodeInfos());
    assertThat(s.code()).isEqualTo(Code.Skip);
  }

  @Test
  void preScoreSkipsAnEmptyCluster() {
    Cluster cluster = new Cluster();
    Status s = SpreadFixtures.plugin(ALL_ON).preScore(new CycleState(cluster),
        PodInfo.of(pod("p").spreadConstraint(scheduleAnyway(1, HOSTNAME).matchExpressions(exists("foo"))).build()), List.of());
    assertThat(s.code()).isEqualTo(Code.Skip);
  }

  @Test
  void preScoreReadsTheSnapshotOfTheCycleState() {
    Cluster cluster = cluster(List.of(host("node-a"), host("node-b")), List.of(foo("a1", "node-a")));
    PodTopologySpread plugin = SpreadFixtures.plugin(ALL_ON);
    PodInfo pi = PodInfo.of(pod("p").label("foo", "").spreadConstraint(scheduleAnyway(1, HOSTNAME).matchExpressions(exists("foo"))).build());
    CycleState withoutSnapshot = new CycleState();
    assertThat(plugin.preScore(withoutSnapshot, pi, cluster.nodeInfos()).code()).isEqualTo(Code.Error);

    CycleState state = new CycleState(cluster);
    assertThat(plugin.preFilter(state, pi, cluster).status().code()).isEqualTo(Code.Skip);
    assertThat(plugin.preScore(state, pi, cluster.nodeInfos()).code()).isEqualTo(Code.Success);
    assertThat(plugin.score(state, pi, cluster.get("node-a"))).isEqualTo(Math.round(Math.log(4)));
  }

  @Test
  void normalizeIsMaxPlusMinMinusScoreOverMax() {
    Cluster cluster = cluster(List.of(host("node-a"), host("node-b"), host("node-c")), List.of());
    PodTopologySpread plugin = SpreadFixtures.plugin(ALL_ON);
    PodInfo pi = PodInfo.of(pod("p").label("foo", "").spreadConstraint(scheduleAnyway(1, HOSTNAME).matchExpressions(exists("foo"))).build());
    CycleState state = new CycleState(cluster);
    plugin.preScore(state, pi, cluster.nodeInfos());
    long[] scores = {3, 7, 10};
    plugin.normalizeScore(state, pi, cluster.nodeInfos(), scores);
    // 100*(10+3-3)/10, 100*(10+3-7)/10, 100*(10+3-10)/10: the busiest gets 100*min/max, not 0.
    assertThat(scores).containsExactly(100, 60, 30);
  }

  @Test
  void goRoundIsHalfAwayFromZero() {
    assertThat(Scoring.goRound(2.5)).isEqualTo(3);
    assertThat(Scoring.goRound(2.4999)).isEqualTo(2);
    assertThat(Scoring.goRound(-2.5)).isEqualTo(-3);
  }
}
