package io.kubesim.scheduler.plugins.tainttoleration;

import static io.kubesim.testing.Nodes.node;
import static io.kubesim.testing.Pods.pod;
import static org.assertj.core.api.Assertions.assertThat;

import io.kubesim.api.Node;
import io.kubesim.api.Pod;
import io.kubesim.api.TaintEffect;
import io.kubesim.api.Toleration;
import io.kubesim.scheduler.framework.CycleState;
import io.kubesim.scheduler.framework.Features;
import io.kubesim.scheduler.framework.PodInfo;
import io.kubesim.scheduler.framework.Status;
import io.kubesim.scheduler.testing.PluginRunner;
import io.kubesim.scheduler.testing.TestClusters;
import io.kubesim.testing.Nodes;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class TaintTolerationTest {

  private static final TaintEffect NO_SCHEDULE = TaintEffect.NoSchedule;
  private static final TaintEffect PREFER_NO_SCHEDULE = TaintEffect.PreferNoSchedule;
  private static final TaintEffect NO_EXECUTE = TaintEffect.NoExecute;

  private static Toleration equal(String key, String value, TaintEffect effect) {
    return new Toleration(key, "Equal", value, effect, null);
  }

  private static Toleration op(String key, String operator, String value, TaintEffect effect) {
    return new Toleration(key, operator, value, effect, null);
  }

  record FilterCase(String name, Pod pod, Node node, Status want) {
    @Override
    public String toString() {
      return name;
    }
  }

  private static Status untolerated(String key, String value) {
    return Status.unresolvable("node(s) had untolerated taint {" + key + ": " + value + "}");
  }

  // Upstream TestTaintTolerationFilter.
  static Stream<FilterCase> filterCases() {
    return Stream.of(
        new FilterCase("A pod having no tolerations can't be scheduled onto a node with nonempty taints",
            pod("pod0").build(), node("nodeA").taint("dedicated", "user1", NO_SCHEDULE).build(), untolerated("dedicated", "user1")),
        new FilterCase("A pod which can be scheduled on a dedicated node assigned to user1 with effect NoSchedule",
            pod("pod1").toleration(equal("dedicated", "user1", NO_SCHEDULE)).build(),
            node("nodeA").taint("dedicated", "user1", NO_SCHEDULE).build(), Status.success()),
        new FilterCase("A pod which can't be scheduled on a dedicated node assigned to user2 with effect NoSchedule",
            pod("pod1").toleration(equal("dedicated", "user2", NO_SCHEDULE)).build(),
            node("nodeA").taint("dedicated", "user1", NO_SCHEDULE).build(), untolerated("dedicated", "user1")),
        new FilterCase("A pod can be scheduled onto the node, with a toleration uses operator Exists that tolerates the taints on the node",
            pod("pod1").toleration(op("foo", "Exists", "", NO_SCHEDULE)).build(),
            node("nodeA").taint("foo", "bar", NO_SCHEDULE).build(), Status.success()),
        new FilterCase("A pod has multiple tolerations, node has multiple taints, all the taints are tolerated, pod can be scheduled onto the node",
            pod("pod1").toleration(equal("dedicated", "user2", NO_SCHEDULE)).toleration(op("foo", "Exists", "", NO_SCHEDULE)).build(),
            node("nodeA").taint("dedicated", "user2", NO_SCHEDULE).taint("foo", "bar", NO_SCHEDULE).build(), Status.success()),
        new FilterCase("A pod has a toleration that keys and values match the taint on the node, but (non-empty) effect doesn't match, can't be scheduled onto the node",
            pod("pod1").toleration(equal("foo", "bar", PREFER_NO_SCHEDULE)).build(),
            node("nodeA").taint("foo", "bar", NO_SCHEDULE).build(), untolerated("foo", "bar")),
        new FilterCase("The pod has a toleration that keys and values match the taint on the node, the effect of toleration is empty, and the effect of taint is NoSchedule. Pod can be scheduled onto the node",
            pod("pod1").toleration(equal("foo", "bar", null)).build(),
            node("nodeA").taint("foo", "bar", NO_SCHEDULE).build(), Status.success()),
        new FilterCase("The pod has a toleration that key and value don't match the taint on the node, but the effect of taint on node is PreferNoSchedule. Pod can be scheduled onto the node",
            pod("pod1").toleration(equal("dedicated", "user2", NO_SCHEDULE)).build(),
            node("nodeA").taint("dedicated", "user1", PREFER_NO_SCHEDULE).build(), Status.success()),
        new FilterCase("The pod has no toleration, but the effect of taint on node is PreferNoSchedule. Pod can be scheduled onto the node",
            pod("pod1").build(), node("nodeA").taint("dedicated", "user1", PREFER_NO_SCHEDULE).build(), Status.success()),
        new FilterCase("A NoExecute taint rejects like NoSchedule",
            pod("pod1").build(), node("nodeA").taint("node.kubernetes.io/not-ready", "", NO_EXECUTE).build(),
            untolerated("node.kubernetes.io/not-ready", "")),
        new FilterCase("The first untolerated taint in node order is reported",
            pod("pod1").toleration(equal("a", "1", null)).build(),
            node("nodeA").taint("a", "1", NO_SCHEDULE).taint("b", "2", NO_EXECUTE).taint("c", "3", NO_SCHEDULE).build(),
            untolerated("b", "2")),
        new FilterCase("An empty key with Exists tolerates every taint",
            pod("pod1").toleration(op("", "Exists", "", null)).build(),
            node("nodeA").taint("a", "1", NO_SCHEDULE).taint("b", "2", NO_EXECUTE).build(), Status.success()),
        new FilterCase("An Lt toleration never matches while the comparison gate is off",
            pod("pod1").toleration(op("tier", "Lt", "5", NO_SCHEDULE)).build(),
            node("nodeA").taint("tier", "3", NO_SCHEDULE).build(), untolerated("tier", "3")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("filterCases")
  void filters(FilterCase c) {
    TaintToleration p = new TaintToleration(Features.DEFAULTS);
    assertThat(p.filter(new CycleState(), PodInfo.of(c.pod()), TestClusters.nodeInfo(c.node()))).isEqualTo(c.want());
  }

  record ComparisonCase(String name, Toleration toleration, String taintValue, boolean tolerated) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<ComparisonCase> comparisonCases() {
    return Stream.of(
        new ComparisonCase("Lt tolerates a taint value below the toleration value", op("tier", "Lt", "5", null), "3", true),
        new ComparisonCase("Lt does not tolerate an equal value", op("tier", "Lt", "5", null), "5", false),
        new ComparisonCase("Gt tolerates a taint value above the toleration value", op("tier", "Gt", "5", null), "7", true),
        new ComparisonCase("Gt does not tolerate a lower value", op("tier", "Gt", "5", null), "4", false),
        new ComparisonCase("a leading zero is not a decimal integer", op("tier", "Gt", "5", null), "07", false),
        new ComparisonCase("a non-numeric taint value never matches", op("tier", "Lt", "5", null), "low", false),
        new ComparisonCase("the key must still match", op("other", "Lt", "5", null), "3", false));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("comparisonCases")
  void compares_numerically_when_the_gate_is_on(ComparisonCase c) {
    TaintToleration p = new TaintToleration(new Features(true, true, true));
    Pod pod = pod("p").toleration(c.toleration()).build();
    Status got = p.filter(new CycleState(), PodInfo.of(pod), TestClusters.nodeInfo(node("n").taint("tier", c.taintValue(), NO_SCHEDULE).build()));
    assertThat(got.isSuccess()).isEqualTo(c.tolerated());
  }

  record ScoreCase(String name, Pod pod, List<Node> nodes, long[] want) {
    @Override
    public String toString() {
      return name;
    }
  }

  // Upstream TestTaintTolerationScore.
  static Stream<ScoreCase> scoreCases() {
    return Stream.of(
        new ScoreCase("node with taints tolerated by the pod, gets a higher score than those node with intolerable taints",
            pod("pod1").toleration(equal("foo", "bar", PREFER_NO_SCHEDULE)).build(),
            List.of(node("nodeA").taint("foo", "bar", PREFER_NO_SCHEDULE).build(), node("nodeB").taint("foo", "blah", PREFER_NO_SCHEDULE).build()),
            new long[] {100, 0}),
        new ScoreCase("the nodes that all of their taints are tolerated by the pod, get the same score, no matter how many tolerable taints a node has",
            pod("pod1").toleration(equal("cpu-type", "arm64", PREFER_NO_SCHEDULE)).toleration(equal("disk-type", "ssd", PREFER_NO_SCHEDULE)).build(),
            List.of(node("nodeA").build(), node("nodeB").taint("cpu-type", "arm64", PREFER_NO_SCHEDULE).build(),
                node("nodeC").taint("cpu-type", "arm64", PREFER_NO_SCHEDULE).taint("disk-type", "ssd", PREFER_NO_SCHEDULE).build()),
            new long[] {100, 100, 100}),
        new ScoreCase("the more intolerable taints a node has, the lower score it gets.",
            pod("pod1").toleration(equal("foo", "bar", PREFER_NO_SCHEDULE)).build(),
            List.of(node("nodeA").build(), node("nodeB").taint("cpu-type", "arm64", PREFER_NO_SCHEDULE).build(),
                node("nodeC").taint("cpu-type", "arm64", PREFER_NO_SCHEDULE).taint("disk-type", "ssd", PREFER_NO_SCHEDULE).build()),
            new long[] {100, 50, 0}),
        new ScoreCase("only taints and tolerations that have effect PreferNoSchedule are checked by prioritizer function",
            pod("pod1").toleration(equal("cpu-type", "arm64", NO_SCHEDULE)).toleration(equal("disk-type", "ssd", NO_SCHEDULE)).build(),
            List.of(node("nodeA").build(), node("nodeB").taint("cpu-type", "arm64", NO_SCHEDULE).build(),
                node("nodeC").taint("cpu-type", "arm64", PREFER_NO_SCHEDULE).taint("disk-type", "ssd", PREFER_NO_SCHEDULE).build()),
            new long[] {100, 100, 0}),
        new ScoreCase("Default behaviour No taints and tolerations, lands on node with no taints",
            pod("pod1").build(),
            List.of(node("nodeA").build(), node("nodeB").taint("cpu-type", "arm64", PREFER_NO_SCHEDULE).build()),
            new long[] {100, 0}),
        new ScoreCase("a toleration with an empty effect tolerates PreferNoSchedule taints",
            pod("pod1").toleration(op("cpu-type", "Exists", "", null)).build(),
            List.of(node("nodeA").taint("cpu-type", "arm64", PREFER_NO_SCHEDULE).build(),
                node("nodeB").taint("disk-type", "ssd", PREFER_NO_SCHEDULE).build()),
            new long[] {100, 0}));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("scoreCases")
  void scores(ScoreCase c) {
    var cluster = TestClusters.cluster(c.nodes(), List.of());
    List<String> names = c.nodes().stream().map(Node::name).toList();
    PluginRunner.Scores got = PluginRunner.score(new TaintToleration(Features.DEFAULTS), cluster, c.pod(), names);
    assertThat(got.preScore()).isEqualTo(Status.success());
    assertThat(got.scores()).containsExactly(c.want());
  }
}
