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
import io.kubesim.api.Service;
import io.kubesim.api.TaintEffect;
import io.kubesim.cluster.Cluster;
import io.kubesim.scheduler.framework.Code;
import io.kubesim.scheduler.framework.CycleState;
import io.kubesim.scheduler.framework.Features;
import io.kubesim.scheduler.framework.PodInfo;
import io.kubesim.scheduler.framework.Status;
import io.kubesim.testing.Nodes;
import io.kubesim.testing.Pods;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** PreFilter counting and Filter verdicts, from upstream's documented behaviour (pod-topology-spread.md §3–5). */
class FilteringTest {

  private static final String OK = "Success";
  private static final String SKEW = "Unschedulable";
  private static final String NO_KEY = "UnschedulableAndUnresolvable";
  private static final Features ALL_ON = gates(true, true);

  /** node-a, node-b in zone1; node-x, node-y in zone2. */
  private static List<Nodes.Builder> fourNodes() {
    return List.of(zoned("node-a", "zone1"), zoned("node-b", "zone1"), zoned("node-x", "zone2"), zoned("node-y", "zone2"));
  }

  private static Pods.Builder foo(String name, String node) {
    return pod(name).label("foo", "").node(node);
  }

  record Row(String name, Features features, List<Nodes.Builder> nodes, List<Pods.Builder> pods, Pods.Builder incoming,
      List<Map<String, Integer>> counts, Map<String, String> codes) {
    @Override
    public String toString() {
      return name;
    }
  }

  private static Map<String, Integer> counts(Object... kv) {
    Map<String, Integer> m = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) m.put((String) kv[i], (Integer) kv[i + 1]);
    return m;
  }

  private static Map<String, String> codes(String... kv) {
    Map<String, String> m = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) m.put(kv[i], kv[i + 1]);
    return m;
  }

  static Stream<Row> rows() {
    Pods.Builder zoneFoo = pod("p").label("foo", "").spreadConstraint(doNotSchedule(1, "zone").matchExpressions(exists("foo")));
    List<Row> rows = new ArrayList<>();
    rows.add(new Row("pods spread 3/1 across zones: only the zone2 nodes fit", ALL_ON, fourNodes(),
        List.of(foo("a1", "node-a"), foo("a2", "node-a"), foo("b1", "node-b"), foo("x1", "node-x")), zoneFoo,
        List.of(counts("zone1", 3, "zone2", 1)),
        codes("node-a", SKEW, "node-b", SKEW, "node-x", OK, "node-y", OK)));
    rows.add(new Row("a node without the topology key adds nothing and is unresolvable in Filter", ALL_ON,
        List.of(zoned("node-a", "zone1"), zoned("node-b", "zone1"), node("node-c").label("node", "node-c")),
        List.of(foo("a1", "node-a"), foo("c1", "node-c"), foo("c2", "node-c"), foo("c3", "node-c")), zoneFoo,
        List.of(counts("zone1", 1)),
        codes("node-a", OK, "node-b", OK, "node-c", NO_KEY)));
    rows.add(new Row("a node lacking the key of another hard constraint counts for neither", ALL_ON,
        List.of(zoned("node-a", "zone1"), node("node-b").label("zone", "zone1"), zoned("node-x", "zone2")),
        List.of(foo("b1", "node-b"), foo("b2", "node-b"), foo("x1", "node-x")),
        pod("p").label("foo", "").spreadConstraint(doNotSchedule(1, "zone").matchExpressions(exists("foo")))
            .spreadConstraint(doNotSchedule(1, "node").matchExpressions(exists("foo"))),
        List.of(counts("zone1", 0, "zone2", 1), counts("node-a", 0, "node-x", 1)),
        codes("node-a", OK, "node-b", NO_KEY, "node-x", SKEW)));
    List<Pods.Builder> twoTwo = List.of(foo("a1", "node-a"), foo("b1", "node-b"), foo("x1", "node-x"), foo("y1", "node-y"));
    rows.add(new Row("minDomains larger than the domain count makes the global minimum 0", ALL_ON, fourNodes(), twoTwo,
        pod("p").label("foo", "").spreadConstraint(doNotSchedule(1, "zone").matchExpressions(exists("foo")).minDomains(3)),
        List.of(counts("zone1", 2, "zone2", 2)),
        codes("node-a", SKEW, "node-b", SKEW, "node-x", SKEW, "node-y", SKEW)));
    rows.add(new Row("minDomains equal to the domain count keeps the real minimum", ALL_ON, fourNodes(), twoTwo,
        pod("p").label("foo", "").spreadConstraint(doNotSchedule(1, "zone").matchExpressions(exists("foo")).minDomains(2)),
        List.of(counts("zone1", 2, "zone2", 2)),
        codes("node-a", OK, "node-b", OK, "node-x", OK, "node-y", OK)));
    List<Pods.Builder> apps = List.of(
        pod("a1").label("foo", "").label("app", "x").node("node-a"),
        pod("b1").label("foo", "").label("app", "x").node("node-b"),
        pod("x1").label("foo", "").label("app", "y").node("node-x"));
    rows.add(new Row("matchLabelKeys: a key the incoming pod lacks is dropped silently", ALL_ON, fourNodes(), apps,
        pod("p").label("foo", "").spreadConstraint(doNotSchedule(1, "zone").matchExpressions(exists("foo")).matchLabelKeys("app")),
        List.of(counts("zone1", 2, "zone2", 1)),
        codes("node-a", SKEW, "node-b", SKEW, "node-x", OK, "node-y", OK)));
    rows.add(new Row("matchLabelKeys selects the pods sharing the incoming pod's value", ALL_ON, fourNodes(), apps,
        pod("p").label("foo", "").label("app", "y").spreadConstraint(doNotSchedule(1, "zone").matchExpressions(exists("foo")).matchLabelKeys("app")),
        List.of(counts("zone1", 0, "zone2", 1)),
        codes("node-a", OK, "node-b", OK, "node-x", SKEW, "node-y", SKEW)));
    rows.add(new Row("matchLabelKeys is ignored with its gate off", gates(true, false), fourNodes(), apps,
        pod("p").label("foo", "").label("app", "y").spreadConstraint(doNotSchedule(1, "zone").matchExpressions(exists("foo")).matchLabelKeys("app")),
        List.of(counts("zone1", 2, "zone2", 1)),
        codes("node-a", SKEW, "node-b", SKEW, "node-x", OK, "node-y", OK)));

    List<Nodes.Builder> tainted = List.of(zoned("node-a", "zone1"), zoned("node-x", "zone2").taint("k", "v", TaintEffect.NoSchedule));
    List<Pods.Builder> oneOnA = List.of(foo("a1", "node-a"));
    rows.add(new Row("a tainted node counts under the default nodeTaintsPolicy Ignore", ALL_ON, tainted, oneOnA, zoneFoo,
        List.of(counts("zone1", 1, "zone2", 0)), codes("node-a", SKEW, "node-x", OK)));
    rows.add(new Row("an untolerated tainted node is no domain under nodeTaintsPolicy Honor, yet passes Filter", ALL_ON, tainted,
        oneOnA, pod("p").label("foo", "").spreadConstraint(doNotSchedule(1, "zone").matchExpressions(exists("foo")).nodeTaintsPolicy("Honor")),
        List.of(counts("zone1", 1)), codes("node-a", OK, "node-x", OK)));
    rows.add(new Row("a tolerated taint counts under nodeTaintsPolicy Honor", ALL_ON, tainted, oneOnA,
        pod("p").label("foo", "").toleration("k", "Exists", "", null)
            .spreadConstraint(doNotSchedule(1, "zone").matchExpressions(exists("foo")).nodeTaintsPolicy("Honor")),
        List.of(counts("zone1", 1, "zone2", 0)), codes("node-a", SKEW, "node-x", OK)));
    rows.add(new Row("PreferNoSchedule taints never exclude a node", ALL_ON,
        List.of(zoned("node-a", "zone1"), zoned("node-x", "zone2").taint("k", "v", TaintEffect.PreferNoSchedule)), oneOnA,
        pod("p").label("foo", "").spreadConstraint(doNotSchedule(1, "zone").matchExpressions(exists("foo")).nodeTaintsPolicy("Honor")),
        List.of(counts("zone1", 1, "zone2", 0)), codes("node-a", SKEW, "node-x", OK)));
    rows.add(new Row("with the NodeInclusionPolicy gate off, nodeTaintsPolicy is ignored", gates(false, false), tainted, oneOnA,
        pod("p").label("foo", "").spreadConstraint(doNotSchedule(1, "zone").matchExpressions(exists("foo")).nodeTaintsPolicy("Honor")),
        List.of(counts("zone1", 1, "zone2", 0)), codes("node-a", SKEW, "node-x", OK)));

    rows.add(new Row("two constraints on one key keep separate counts", ALL_ON, fourNodes(),
        List.of(foo("a1", "node-a"), foo("a2", "node-a"), pod("x1").label("bar", "").node("node-x")),
        pod("p").label("foo", "").label("bar", "")
            .spreadConstraint(doNotSchedule(1, "zone").matchExpressions(exists("foo")))
            .spreadConstraint(doNotSchedule(1, "zone").matchExpressions(exists("bar"))),
        List.of(counts("zone1", 2, "zone2", 0), counts("zone1", 0, "zone2", 1)),
        codes("node-a", SKEW, "node-b", SKEW, "node-x", SKEW, "node-y", SKEW)));
    rows.add(new Row("labelSelector {} matches the incoming pod but counts no pod", ALL_ON, fourNodes(),
        List.of(foo("a1", "node-a"), foo("a2", "node-a"), foo("a3", "node-a")),
        pod("p").label("foo", "").spreadConstraint(doNotSchedule(1, "zone").labelSelector(LabelSelector.EMPTY)),
        List.of(counts("zone1", 0, "zone2", 0)), codes("node-a", OK, "node-b", OK, "node-x", OK, "node-y", OK)));
    rows.add(new Row("terminating pods and pods of other namespaces do not count", ALL_ON, fourNodes(),
        List.of(foo("a1", "node-a").terminating(), foo("a2", "node-a").terminating(), foo("a3", "node-a").namespace("other"),
            foo("a4", "node-a").namespace("other"), foo("x1", "node-x")),
        zoneFoo, List.of(counts("zone1", 0, "zone2", 1)), codes("node-a", OK, "node-b", OK, "node-x", SKEW, "node-y", SKEW)));
    rows.add(new Row("the first failing constraint decides the code", ALL_ON,
        List.of(zoned("node-a", "zone1"), node("node-b").label("zone", "zone1"), zoned("node-x", "zone2")),
        List.of(foo("a1", "node-a"), foo("a2", "node-a")),
        pod("p").label("foo", "").spreadConstraint(doNotSchedule(1, "zone").matchExpressions(exists("foo")))
            .spreadConstraint(doNotSchedule(1, "node").matchExpressions(exists("foo"))),
        List.of(counts("zone1", 2, "zone2", 0), counts("node-a", 2, "node-x", 0)),
        codes("node-a", SKEW, "node-b", SKEW, "node-x", OK)));

    List<Nodes.Builder> pools = List.of(zoned("node-a", "zone1").label("pool", "blue"), zoned("node-x", "zone2").label("pool", "red"),
        zoned("node-y", "zone2").label("pool", "blue"));
    List<Pods.Builder> poolPods = List.of(foo("a1", "node-a"), foo("x1", "node-x"), foo("x2", "node-x"));
    rows.add(new Row("nodeAffinityPolicy Honor counts only nodes matching the pod's required affinity", ALL_ON, pools, poolPods,
        pod("p").label("foo", "").nodeAffinityIn("pool", "blue").spreadConstraint(doNotSchedule(1, "zone").matchExpressions(exists("foo"))),
        List.of(counts("zone1", 1, "zone2", 0)), codes("node-a", SKEW, "node-x", OK, "node-y", OK)));
    rows.add(new Row("nodeAffinityPolicy Ignore counts every node", ALL_ON, pools, poolPods,
        pod("p").label("foo", "").nodeAffinityIn("pool", "blue")
            .spreadConstraint(doNotSchedule(1, "zone").matchExpressions(exists("foo")).nodeAffinityPolicy("Ignore")),
        List.of(counts("zone1", 1, "zone2", 2)), codes("node-a", OK, "node-x", SKEW, "node-y", SKEW)));
    rows.add(new Row("with the NodeInclusionPolicy gate off, nodes failing the pod's nodeSelector are skipped whatever the policy",
        gates(false, false), pools, poolPods,
        pod("p").label("foo", "").nodeSelector("pool", "blue")
            .spreadConstraint(doNotSchedule(1, "zone").matchExpressions(exists("foo")).nodeAffinityPolicy("Ignore")),
        List.of(counts("zone1", 1, "zone2", 0)), codes("node-a", SKEW, "node-x", OK, "node-y", OK)));
    return rows.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rows")
  void preFilterCountsAndFilterCodes(Row row) {
    Cluster cluster = cluster(row.nodes(), row.pods());
    var outcome = SpreadFixtures.filter(SpreadFixtures.plugin(row.features()), cluster, row.incoming().build());
    assertThat(outcome.preFilter().code()).isEqualTo(Code.Success);
    List<Map<String, Integer>> counts = new ArrayList<>();
    for (int i = 0; i < outcome.state().constraints().size(); i++) counts.add(outcome.state().tpValueToMatchNum(i));
    assertThat(counts).as("tpValueToMatchNum").isEqualTo(row.counts());
    assertThat(outcome.codes()).as("Filter codes").containsExactlyInAnyOrderEntriesOf(row.codes());
  }

  @Test
  void aNilSelectorMatchesNothingNotEvenTheIncomingPod() {
    Cluster cluster = cluster(fourNodes(), List.of(foo("a1", "node-a")));
    var outcome = SpreadFixtures.filter(SpreadFixtures.plugin(ALL_ON), cluster,
        pod("p").label("foo", "").spreadConstraint(doNotSchedule(1, "zone")).build());
    assertThat(outcome.state().constraints().get(0).selector().isNothing()).isTrue();
    assertThat(outcome.state().selfMatchNum(0)).isZero();
    assertThat(outcome.state().tpValueToMatchNum(0)).containsOnly(Map.entry("zone1", 0), Map.entry("zone2", 0));
  }

  @Test
  void anEmptySelectorMatchesTheIncomingPodItself() {
    Cluster cluster = cluster(fourNodes(), List.of());
    var outcome = SpreadFixtures.filter(SpreadFixtures.plugin(ALL_ON), cluster,
        pod("p").spreadConstraint(doNotSchedule(1, "zone").labelSelector(LabelSelector.EMPTY)).build());
    assertThat(outcome.state().selfMatchNum(0)).isEqualTo(1);
  }

  @Test
  void rejectedNodesCarryUpstreamsReasons() {
    Cluster cluster = cluster(List.of(zoned("node-a", "zone1"), zoned("node-x", "zone2"), node("node-c")),
        List.of(foo("a1", "node-a"), foo("a2", "node-a")));
    var outcome = SpreadFixtures.filter(SpreadFixtures.plugin(ALL_ON), cluster,
        pod("p").label("foo", "").spreadConstraint(doNotSchedule(1, "zone").matchExpressions(exists("foo"))).build());
    assertThat(outcome.filter().get("node-a").reasons()).containsExactly("node(s) didn't match pod topology spread constraints");
    assertThat(outcome.filter().get("node-c").reasons())
        .containsExactly("node(s) didn't match pod topology spread constraints (missing required label)");
  }

  @Test
  void aPodWithOnlySoftConstraintsIsSkippedByPreFilter() {
    Cluster cluster = cluster(fourNodes(), List.of());
    var outcome = SpreadFixtures.filter(SpreadFixtures.plugin(ALL_ON), cluster,
        pod("p").label("foo", "").spreadConstraint(scheduleAnyway(1, "zone").matchExpressions(exists("foo"))).build());
    assertThat(outcome.preFilter().code()).isEqualTo(Code.Skip);
    assertThat(outcome.state()).isNull();
  }

  @Test
  void systemDefaultingNeverFiltersAPodWithoutConstraints() {
    Cluster cluster = cluster(fourNodes(), List.of());
    cluster.addService(new Service(ObjectMeta.named("default", "svc"), Map.of("app", "web")));
    var outcome = SpreadFixtures.filter(new PodTopologySpread(null, ALL_ON), cluster, pod("p").label("app", "web").build());
    assertThat(outcome.preFilter().code()).isEqualTo(Code.Skip);
  }

  @Test
  void listDefaultingWithAHardDefaultFiltersByTheServiceSelector() {
    Cluster cluster = cluster(fourNodes(), List.of(pod("a1").label("app", "web").node("node-a"), pod("a2").label("app", "web").node("node-a")));
    cluster.addService(new Service(ObjectMeta.named("default", "svc"), Map.of("app", "web")));
    PodTopologySpread plugin = new PodTopologySpread(PodTopologySpreadArgs.list(List.of(doNotSchedule(1, "zone").build())), ALL_ON);
    var outcome = SpreadFixtures.filter(plugin, cluster, pod("p").label("app", "web").build());
    assertThat(outcome.state().tpValueToMatchNum(0)).containsOnly(Map.entry("zone1", 2), Map.entry("zone2", 0));
    assertThat(outcome.codes()).containsEntry("node-a", SKEW).containsEntry("node-x", OK);
  }

  @Test
  void listDefaultingWithoutAMatchingServiceSkips() {
    Cluster cluster = cluster(fourNodes(), List.of());
    cluster.addService(new Service(ObjectMeta.named("default", "svc"), Map.of("app", "db")));
    PodTopologySpread plugin = new PodTopologySpread(PodTopologySpreadArgs.list(List.of(doNotSchedule(1, "zone").build())), ALL_ON);
    assertThat(SpreadFixtures.filter(plugin, cluster, pod("p").label("app", "web").build()).preFilter().code()).isEqualTo(Code.Skip);
  }

  @Test
  void anInvalidSelectorMakesPreFilterAnError() {
    Cluster cluster = cluster(fourNodes(), List.of());
    var outcome = SpreadFixtures.filter(SpreadFixtures.plugin(ALL_ON), cluster,
        pod("p").spreadConstraint(doNotSchedule(1, "zone").matchExpressions(new LabelSelectorRequirement("foo", "In", List.of()))).build());
    assertThat(outcome.preFilter().code()).isEqualTo(Code.Error);
    assertThat(outcome.preFilter().message()).isEqualTo("get constraints from pod: obtaining pod's hard topology spread constraints: "
        + "values: Required value: for 'in', 'notin' operators, values set can't be empty");
  }

  @Test
  void filterWithoutPreFilterStateIsAnError() {
    Cluster cluster = cluster(fourNodes(), List.of());
    Status s = SpreadFixtures.plugin(ALL_ON).filter(new CycleState(), PodInfo.of(pod("p").build()), cluster.get("node-a"));
    assertThat(s.code()).isEqualTo(Code.Error);
    assertThat(s.message()).contains("PreFilterPodTopologySpread");
  }

  @Test
  void constraintsCarryDefaultsAndKeepSpecOrder() {
    Cluster cluster = cluster(fourNodes(), List.of());
    var outcome = SpreadFixtures.filter(SpreadFixtures.plugin(ALL_ON), cluster, pod("p")
        .spreadConstraint(doNotSchedule(2, "zone").matchExpressions(exists("foo")).nodeTaintsPolicy("Honor"))
        .spreadConstraint(scheduleAnyway(1, "node").matchExpressions(exists("foo")))
        .spreadConstraint(doNotSchedule(1, "node").matchExpressions(exists("foo")).minDomains(3).nodeAffinityPolicy("Ignore"))
        .build());
    assertThat(outcome.state().constraints()).extracting(Constraint::topologyKey, Constraint::maxSkew, Constraint::minDomains,
            Constraint::nodeAffinityPolicy, Constraint::nodeTaintsPolicy)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("zone", 2, 1, NodeInclusionPolicy.Honor, NodeInclusionPolicy.Honor),
            org.assertj.core.groups.Tuple.tuple("node", 1, 3, NodeInclusionPolicy.Ignore, NodeInclusionPolicy.Ignore));
  }

  @Test
  void withTheGateOffPolicyFieldsKeepTheirDefaults() {
    Cluster cluster = cluster(fourNodes(), List.of());
    var outcome = SpreadFixtures.filter(SpreadFixtures.plugin(gates(false, false)), cluster, pod("p")
        .spreadConstraint(doNotSchedule(1, "zone").matchExpressions(exists("foo")).nodeTaintsPolicy("Honor").nodeAffinityPolicy("Ignore")).build());
    Constraint c = outcome.state().constraints().get(0);
    assertThat(c.nodeAffinityPolicy()).isEqualTo(NodeInclusionPolicy.Honor);
    assertThat(c.nodeTaintsPolicy()).isEqualTo(NodeInclusionPolicy.Ignore);
  }
}
