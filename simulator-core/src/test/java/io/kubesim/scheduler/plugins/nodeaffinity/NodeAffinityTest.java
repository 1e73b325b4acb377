package io.kubesim.scheduler.plugins.nodeaffinity;

import static io.kubesim.testing.NodeSelectors.matchExpressions;
import static io.kubesim.testing.NodeSelectors.matchFields;
import static io.kubesim.testing.NodeSelectors.requirement;
import static io.kubesim.testing.Nodes.node;
import static io.kubesim.testing.Pods.pod;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kubesim.api.Node;
import io.kubesim.api.NodeSelector;
import io.kubesim.api.NodeSelectorTerm;
import io.kubesim.api.Pod;
import io.kubesim.api.PreferredSchedulingTerm;
import io.kubesim.cluster.Cluster;
import io.kubesim.scheduler.framework.Code;
import io.kubesim.scheduler.framework.CycleState;
import io.kubesim.scheduler.framework.Features;
import io.kubesim.scheduler.framework.PodInfo;
import io.kubesim.scheduler.framework.PreFilterResult;
import io.kubesim.scheduler.framework.Status;
import io.kubesim.scheduler.testing.PluginRunner;
import io.kubesim.scheduler.testing.TestClusters;
import io.kubesim.testing.Nodes;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class NodeAffinityTest {

  private static final Status REJECTED = Status.unresolvable(NodeAffinity.ERR_REASON_POD);
  private static final Status ENFORCED = Status.unresolvable(NodeAffinity.ERR_REASON_ENFORCED);

  /**
   * @param wantPreFilter the PreFilter verdict (Skip, Success, or a rejection)
   * @param wantNodeNames the PreFilter narrowing, null for none
   * @param want the Filter verdict when PreFilter neither skipped nor rejected
   */
  record FilterCase(String name, Pod pod, Node node, NodeAffinityArgs args, Status wantPreFilter, Set<String> wantNodeNames, Status want) {
    @Override
    public String toString() {
      return name;
    }
  }

  private static FilterCase filter(String name, Pod pod, Node node, Status want) {
    return new FilterCase(name, pod, node, null, Status.success(), null, want);
  }

  private static Node labelled(String name, String... kv) {
    Nodes.Builder b = node(name);
    for (int i = 0; i < kv.length; i += 2) b.label(kv[i], kv[i + 1]);
    return b.build();
  }

  private static NodeAffinityArgs addedRequired(NodeSelectorTerm... terms) {
    return new NodeAffinityArgs(new io.kubesim.api.NodeAffinity(new NodeSelector(List.of(terms)), List.of()));
  }

  // Upstream TestNodeAffinity (node_affinity_test.go).
  static Stream<FilterCase> filterCases() {
    return Stream.of(
        new FilterCase("no selector", pod("p").build(), labelled("node1"), null, Status.skip(), null, Status.success()),
        filter("missing labels", pod("p").nodeSelector(Map.of("foo", "bar")).build(), labelled("node1"), REJECTED),
        filter("same labels", pod("p").nodeSelector(Map.of("foo", "bar")).build(), labelled("node1", "foo", "bar"), Status.success()),
        filter("node labels are superset", pod("p").nodeSelector(Map.of("foo", "bar")).build(),
            labelled("node1", "foo", "bar", "baz", "blah"), Status.success()),
        filter("node labels are subset", pod("p").nodeSelector(Map.of("foo", "bar", "baz", "blah")).build(),
            labelled("node1", "foo", "bar"), REJECTED),
        filter("Pod with matchExpressions using In operator that matches the existing node",
            pod("p").requiredNodeAffinityTerm(matchExpressions(requirement("foo", "In", "bar", "value2"))).build(), labelled("node1", "foo", "bar"), Status.success()),
        filter("Pod with matchExpressions using Gt operator that matches the existing node",
            pod("p").requiredNodeAffinityTerm(matchExpressions(requirement("kernel-version", "Gt", "0204"))).build(),
            labelled("node1", "kernel-version", "0206"), Status.success()),
        filter("Pod with matchExpressions using NotIn operator that matches the existing node",
            pod("p").requiredNodeAffinityTerm(matchExpressions(requirement("mem-type", "NotIn", "DDR", "DDR2"))).build(),
            labelled("node1", "mem-type", "DDR3"), Status.success()),
        filter("Pod with matchExpressions using Exists operator that matches the existing node",
            pod("p").requiredNodeAffinityTerm(matchExpressions(requirement("GPU", "Exists"))).build(),
            labelled("node1", "GPU", "NVIDIA-GRID-K1"), Status.success()),
        filter("Pod with affinity that don't match node's labels won't schedule onto the node",
            pod("p").requiredNodeAffinityTerm(matchExpressions(requirement("foo", "In", "value1", "value2"))).build(), labelled("node1", "foo", "bar"), REJECTED),
        filter("Pod with empty MatchExpressions is not a valid value will match no objects and won't schedule onto the node",
            pod("p").requiredNodeAffinityTerm(matchExpressions()).build(), labelled("node1", "foo", "bar"), REJECTED),
        filter("Pod with no NodeSelectorTerms matches no node",
            pod("p").requiredNodeAffinity(new NodeSelector(List.of())).build(), labelled("node1", "foo", "bar"), REJECTED),
        filter("Pod with multiple matchExpressions ANDed that matches the existing node",
            pod("p").requiredNodeAffinityTerm(matchExpressions(requirement("GPU", "Exists"), requirement("GPU", "NotIn", "AMD", "INTER"))).build(),
            labelled("node1", "GPU", "NVIDIA-GRID-K1"), Status.success()),
        filter("Pod with multiple matchExpressions ANDed that doesn't match the existing node",
            pod("p").requiredNodeAffinityTerm(matchExpressions(requirement("GPU", "Exists"), requirement("GPU", "In", "AMD", "INTER"))).build(),
            labelled("node1", "GPU", "NVIDIA-GRID-K1"), REJECTED),
        filter("Pod with multiple NodeSelectorTerms ORed in affinity, matches the node's labels and will schedule onto the node",
            pod("p").requiredNodeAffinityTerm(matchExpressions(requirement("foo", "In", "bar", "value2")))
                .requiredNodeAffinityTerm(matchExpressions(requirement("diffkey", "In", "wrong", "value2"))).build(),
            labelled("node1", "foo", "bar"), Status.success()),
        filter("Pod with an Affinity and a PodSpec.NodeSelector(the old thing that we are deprecating) both are satisfied, will schedule onto the node",
            pod("p").nodeSelector(Map.of("foo", "bar")).requiredNodeAffinityTerm(matchExpressions(requirement("foo", "Exists"))).build(),
            labelled("node1", "foo", "bar"), Status.success()),
        filter("Pod with an Affinity matches node's labels but the PodSpec.NodeSelector(the old thing that we are deprecating) is not satisfied, won't schedule onto the node",
            pod("p").nodeSelector(Map.of("foo", "bar")).requiredNodeAffinityTerm(matchExpressions(requirement("foo", "Exists"))).build(),
            labelled("node1", "foo", "barrrrrr"), REJECTED),
        new FilterCase("Pod with matchFields using In operator that matches the existing node",
            pod("p").requiredNodeAffinityTerm(matchFields(requirement("metadata.name", "In", "node1"))).build(), labelled("node1"),
            null, Status.success(), Set.of("node1"), Status.success()),
        new FilterCase("Pod with matchFields using In operator that does not match the existing node",
            pod("p").requiredNodeAffinityTerm(matchFields(requirement("metadata.name", "In", "node1"))).build(), labelled("node2"),
            null, Status.success(), Set.of("node1"), REJECTED),
        new FilterCase("Pod with two terms: matchFields does not match, but matchExpressions matches",
            pod("p").requiredNodeAffinityTerm(matchFields(requirement("metadata.name", "In", "node1")))
                .requiredNodeAffinityTerm(matchExpressions(requirement("foo", "In", "bar"))).build(),
            labelled("node2", "foo", "bar"), null, Status.success(), null, Status.success()),
        new FilterCase("Pod with one term: matchFields does not match, but matchExpressions matches",
            pod("p").requiredNodeAffinityTerm(new NodeSelectorTerm(List.of(requirement("foo", "In", "bar")), List.of(requirement("metadata.name", "In", "node1")))).build(),
            labelled("node2", "foo", "bar"), null, Status.success(), Set.of("node1"), REJECTED),
        new FilterCase("Pod with one term: both matchFields and matchExpressions match",
            pod("p").requiredNodeAffinityTerm(new NodeSelectorTerm(List.of(requirement("foo", "In", "bar")), List.of(requirement("metadata.name", "In", "node1")))).build(),
            labelled("node1", "foo", "bar"), null, Status.success(), Set.of("node1"), Status.success()),
        new FilterCase("Pod with two terms: both matchFields and matchExpressions do not match",
            pod("p").requiredNodeAffinityTerm(matchFields(requirement("metadata.name", "In", "node1")))
                .requiredNodeAffinityTerm(matchExpressions(requirement("foo", "In", "not-match-to-bar"))).build(),
            labelled("node2", "foo", "bar"), null, Status.success(), null, REJECTED),
        new FilterCase("Pod with two terms of node.Name affinity",
            pod("p").requiredNodeAffinityTerm(matchFields(requirement("metadata.name", "In", "node1")))
                .requiredNodeAffinityTerm(matchFields(requirement("metadata.name", "In", "node2"))).build(),
            labelled("node2"), null, Status.success(), Set.of("node1", "node2"), Status.success()),
        new FilterCase("Pod with two conflicting mach field requirements",
            pod("p").requiredNodeAffinityTerm(matchFields(requirement("metadata.name", "In", "node1"), requirement("metadata.name", "In", "node2"))).build(),
            labelled("node2"), null, Status.unresolvable(NodeAffinity.ERR_REASON_CONFLICT), null, REJECTED),
        new FilterCase("Matches added affinity and Pod's node affinity",
            pod("p").requiredNodeAffinityTerm(matchExpressions(requirement("zone", "In", "foo"))).build(),
            labelled("node1", "zone", "foo", "tenant", "teamA"), addedRequired(matchExpressions(requirement("tenant", "In", "teamA"))),
            Status.success(), null, Status.success()),
        new FilterCase("Matches added affinity but not Pod's node affinity",
            pod("p").requiredNodeAffinityTerm(matchExpressions(requirement("zone", "In", "bar"))).build(),
            labelled("node1", "zone", "foo", "tenant", "teamA"), addedRequired(matchExpressions(requirement("tenant", "In", "teamA"))),
            Status.success(), null, REJECTED),
        new FilterCase("Doesn't match added affinity",
            pod("p").build(), labelled("node1", "zone", "foo", "tenant", "teamA"), addedRequired(matchExpressions(requirement("tenant", "In", "teamB"))),
            Status.success(), null, ENFORCED));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("filterCases")
  void filters(FilterCase c) {
    NodeAffinity p = new NodeAffinity(c.args(), Features.DEFAULTS);
    Cluster cluster = TestClusters.cluster(List.of(c.node()), List.of());
    CycleState state = new CycleState();
    PodInfo pod = PodInfo.of(c.pod());
    PreFilterResult pre = p.preFilter(state, pod, cluster);
    assertThat(pre.status()).isEqualTo(c.wantPreFilter());
    assertThat(pre.nodeNames()).isEqualTo(c.wantNodeNames());
    // Filter runs on its own too: without PreFilter state it computes the same answer.
    assertThat(p.filter(state, pod, cluster.get(c.node().name()))).isEqualTo(c.want());
    assertThat(p.filter(new CycleState(), pod, cluster.get(c.node().name()))).isEqualTo(c.want());
  }

  record ScoreCase(String name, Pod pod, List<Node> nodes, NodeAffinityArgs args, Status wantPreScore, long[] want) {
    @Override
    public String toString() {
      return name;
    }
  }

  private static Pod withPreferred(Pod base, List<PreferredSchedulingTerm> terms) {
    return new io.kubesim.api.Pod(base.metadata(), new io.kubesim.api.PodSpec(null, null,
        new io.kubesim.api.Affinity(new io.kubesim.api.NodeAffinity(null, terms), null, null),
        null, null, null, null, null, null, null, null, null), base.status());
  }

  private static final List<PreferredSchedulingTerm> AFFINITY1 = List.of(new PreferredSchedulingTerm(2, matchExpressions(requirement("foo", "In", "bar"))));
  private static final List<PreferredSchedulingTerm> AFFINITY2 = List.of(
      new PreferredSchedulingTerm(2, matchExpressions(requirement("foo", "In", "bar"))),
      new PreferredSchedulingTerm(4, matchExpressions(requirement("key", "In", "value"))),
      new PreferredSchedulingTerm(5, matchExpressions(requirement("foo", "In", "bar"), requirement("key", "In", "value"), requirement("az", "In", "az1"))));

  // Upstream TestNodeAffinityPriority.
  static Stream<ScoreCase> scoreCases() {
    Node n1Label1 = labelled("node1", "foo", "bar");
    Node n2Label2 = labelled("node2", "key", "value");
    Node n3Label3 = labelled("node3", "az", "az1");
    Node n1Label4 = labelled("node1", "abc", "az11", "def", "az22");
    Node n5Label5 = labelled("node5", "foo", "bar", "key", "value", "az", "az1");
    NodeAffinityArgs addedPreferred = new NodeAffinityArgs(new io.kubesim.api.NodeAffinity(null,
        List.of(new PreferredSchedulingTerm(5, matchExpressions(requirement("key", "In", "value"))))));
    NodeAffinityArgs addedPreferred3 = new NodeAffinityArgs(new io.kubesim.api.NodeAffinity(null,
        List.of(new PreferredSchedulingTerm(3, matchExpressions(requirement("key", "In", "value"))))));
    return Stream.of(
        new ScoreCase("all nodes are same priority as NodeAffinity is nil", pod("p").build(),
            List.of(n1Label1, n2Label2, n3Label3), null, Status.skip(), new long[] {0, 0, 0}),
        new ScoreCase("no node matches preferred scheduling requirements in NodeAffinity of pod so all nodes' priority is zero",
            withPreferred(pod("p").build(), AFFINITY1), List.of(n1Label4, n2Label2, n3Label3), null, Status.success(), new long[] {0, 0, 0}),
        new ScoreCase("only node1 matches the preferred scheduling requirements of pod",
            withPreferred(pod("p").build(), AFFINITY1), List.of(n1Label1, n2Label2, n3Label3), null, Status.success(), new long[] {100, 0, 0}),
        new ScoreCase("all nodes matches the preferred scheduling requirements of pod but with different priorities",
            withPreferred(pod("p").build(), AFFINITY2), List.of(n1Label1, n5Label5, n2Label2), null, Status.success(), new long[] {18, 100, 36}),
        new ScoreCase("added affinity", pod("p").build(), List.of(n1Label1, n2Label2), addedPreferred, Status.success(), new long[] {0, 100}),
        new ScoreCase("added affinity and pod has default affinity", withPreferred(pod("p").build(), AFFINITY1),
            List.of(n1Label1, n2Label2, n5Label5), addedPreferred3, Status.success(), new long[] {40, 60, 100}),
        new ScoreCase("a term with weight 0 is ignored", withPreferred(pod("p").build(),
            List.of(new PreferredSchedulingTerm(0, matchExpressions(requirement("foo", "In", "bar"))), new PreferredSchedulingTerm(1, matchExpressions(requirement("key", "In", "value"))))),
            List.of(n1Label1, n2Label2), null, Status.success(), new long[] {0, 100}));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("scoreCases")
  void scores(ScoreCase c) {
    Cluster cluster = TestClusters.cluster(c.nodes(), List.of());
    PluginRunner.Scores got = PluginRunner.score(new NodeAffinity(c.args(), Features.DEFAULTS), cluster, c.pod(),
        c.nodes().stream().map(Node::name).toList());
    assertThat(got.preScore()).isEqualTo(c.wantPreScore());
    assertThat(got.scores()).containsExactly(c.want());
  }

  @Test
  void an_invalid_preferred_term_is_a_PreScore_error() {
    Pod p = withPreferred(pod("p").build(), List.of(new PreferredSchedulingTerm(1, matchExpressions(requirement("foo", "In")))));
    Status got = new NodeAffinity(null, Features.DEFAULTS).preScore(new CycleState(), PodInfo.of(p), List.of());
    assertThat(got.code()).isEqualTo(Code.Error);
    assertThat(got.message()).isEqualTo(
        "[0].matchExpressions[0].values: Invalid value: []string(nil): for 'in', 'notin' operators, values set can't be empty");
  }

  record ArgsCase(String name, NodeAffinityArgs args, String wantError) {
    @Override
    public String toString() {
      return name;
    }
  }

  // Upstream TestValidateNodeAffinityArgs.
  static Stream<ArgsCase> argsCases() {
    return Stream.of(
        new ArgsCase("empty", new NodeAffinityArgs(null), null),
        new ArgsCase("valid added affinity", new NodeAffinityArgs(new io.kubesim.api.NodeAffinity(
            new NodeSelector(List.of(matchExpressions(requirement("label-1", "In", "label-1-val")))),
            List.of(new PreferredSchedulingTerm(1, new NodeSelectorTerm(List.of(), List.of(requirement("metadata.name", "In", "node-1"))))))), null),
        new ArgsCase("invalid added affinity", new NodeAffinityArgs(new io.kubesim.api.NodeAffinity(
            new NodeSelector(List.of(matchExpressions(requirement("label-1", "In", "label-1-val")), matchExpressions(requirement("a", "Bad")))),
            List.of(new PreferredSchedulingTerm(1, new NodeSelectorTerm(List.of(), List.of(requirement("metadata.name", "In", "node-1", "node-2"))))))),
            "[addedAffinity.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms[1].matchExpressions[0].operator: Unsupported value: \"Bad\", "
                + "addedAffinity.preferredDuringSchedulingIgnoredDuringExecution[0].matchFields[0].values: Invalid value: "
                + "[]string{\"node-1\", \"node-2\"}: must have one element]"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("argsCases")
  void validates_args(ArgsCase c) {
    if (c.wantError() == null) {
      c.args().validate();
      new NodeAffinity(c.args(), Features.DEFAULTS);
    } else {
      assertThatThrownBy(c.args()::validate).isInstanceOf(IllegalArgumentException.class).hasMessage(c.wantError());
      assertThatThrownBy(() -> new NodeAffinity(c.args(), Features.DEFAULTS)).hasMessage(c.wantError());
    }
  }
}
