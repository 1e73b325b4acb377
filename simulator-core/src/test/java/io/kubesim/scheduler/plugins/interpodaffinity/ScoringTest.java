package io.kubesim.scheduler.plugins.interpodaffinity;

import static io.kubesim.testing.LabelSelectors.doesNotExist;
import static io.kubesim.testing.LabelSelectors.exists;
import static io.kubesim.testing.LabelSelectors.in;
import static io.kubesim.testing.LabelSelectors.matchExpressions;
import static io.kubesim.testing.LabelSelectors.matchLabels;
import static io.kubesim.testing.Nodes.node;
import static io.kubesim.testing.Pods.pod;
import static io.kubesim.testing.Pods.podAffinityTerm;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kubesim.api.Node;
import io.kubesim.api.Pod;
import io.kubesim.cluster.Cluster;
import io.kubesim.scheduler.framework.Code;
import io.kubesim.scheduler.framework.CycleState;
import io.kubesim.scheduler.framework.Features;
import io.kubesim.scheduler.framework.PodInfo;
import io.kubesim.scheduler.framework.Status;
import io.kubesim.scheduler.testing.PluginRunner;
import io.kubesim.scheduler.testing.TestClusters;
import io.kubesim.testing.Nodes;
import io.kubesim.testing.Pods;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ScoringTest {

  private static final Map<String, String> S1 = Map.of("security", "S1");
  private static final Map<String, String> S2 = Map.of("security", "S2");

  private static Node labelled(String name, Map<String, String> labels) {
    return node(name).labels(labels).build();
  }

  private static final Map<String, String> RG_CHINA = Map.of("region", "China");
  private static final Map<String, String> RG_CHINA_AZ1 = Map.of("region", "China", "az", "az1");
  private static final Map<String, String> RG_INDIA = Map.of("region", "India");
  private static final Map<String, String> AZ1 = Map.of("az", "az1");
  private static final Map<String, String> AZ2 = Map.of("az", "az2");

  // Upstream's named affinities (scoring_test.go), as builder steps.
  private static final UnaryOperator<Pods.Builder> STAY_WITH_S1_IN_REGION =
      b -> b.preferredPodAffinity(5, podAffinityTerm(matchExpressions(in("security", "S1")), "region"));
  private static final UnaryOperator<Pods.Builder> STAY_WITH_S2_IN_REGION =
      b -> b.preferredPodAffinity(6, podAffinityTerm(matchExpressions(in("security", "S2")), "region"));
  private static final UnaryOperator<Pods.Builder> HARD_AFFINITY =
      b -> b.podAffinity(podAffinityTerm(matchExpressions(in("security", "S1", "value2")), "region"))
          .podAffinity(podAffinityTerm(matchExpressions(exists("security"), doesNotExist("wrongkey")), "region"));
  private static final UnaryOperator<Pods.Builder> AWAY_FROM_S1_IN_AZ =
      b -> b.preferredPodAntiAffinity(5, podAffinityTerm(matchExpressions(in("security", "S1")), "az"));
  private static final UnaryOperator<Pods.Builder> AWAY_FROM_S2_IN_AZ =
      b -> b.preferredPodAntiAffinity(5, podAffinityTerm(matchExpressions(in("security", "S2")), "az"));
  private static final UnaryOperator<Pods.Builder> STAY_WITH_S1_IN_REGION_AWAY_FROM_S2_IN_AZ =
      b -> b.preferredPodAffinity(8, podAffinityTerm(matchExpressions(in("security", "S1")), "region"))
          .preferredPodAntiAffinity(5, podAffinityTerm(matchExpressions(in("security", "S2")), "az"));

  private static Pod incoming(Map<String, String> labels, UnaryOperator<Pods.Builder> affinity) {
    return affinity.apply(pod("incoming").labels(labels)).build();
  }

  private static Pod on(String node, Map<String, String> labels) {
    return pod().node(node).labels(labels).build();
  }

  private static Pod on(String node, Map<String, String> labels, UnaryOperator<Pods.Builder> affinity) {
    return affinity.apply(pod().node(node).labels(labels)).build();
  }

  record Case(String name, Pod pod, List<Node> nodes, List<Pod> existing, InterPodAffinityArgs args, Status wantPreScore, long[] want) {
    @Override
    public String toString() {
      return name;
    }
  }

  private static Case c(String name, Pod pod, List<Node> nodes, List<Pod> existing, long[] want) {
    return new Case(name, pod, nodes, existing, null, Status.success(), want);
  }

  // After upstream TestPreferredAffinity; raw sums are per topology pair, normalised as 100 * (s - min) / (max - min).
  static Stream<Case> cases() {
    Map<String, String> none = Map.of();
    return Stream.of(
        new Case("all nodes have same priority as affinity is nil", incoming(S1, b -> b),
            List.of(labelled("m1", RG_CHINA), labelled("m2", RG_INDIA), labelled("m3", AZ1)), List.of(), null, Status.skip(),
            new long[] {0, 0, 0}),
        // China +5 from the S1 pod on m1.
        c("Affinity: pod that matches topology key & pods in nodes will get high score comparing to others which doesn't match either pods in nodes or in topology key",
            incoming(S1, STAY_WITH_S1_IN_REGION), List.of(labelled("m1", RG_CHINA), labelled("m2", RG_INDIA), labelled("m3", AZ1)),
            List.of(on("m1", S1), on("m2", S2), on("m3", none)), new long[] {100, 0, 0}),
        // China +5 lifts every China node, m2 included though the matching pod runs on m1.
        c("Affinity: pod that matches topology key & matches the pods in nodes will get high score comparing to others which doesn't match either pods in nodes or in topology key",
            incoming(S1, STAY_WITH_S1_IN_REGION), List.of(labelled("m1", RG_CHINA), labelled("m2", RG_CHINA_AZ1), labelled("m3", RG_INDIA)),
            List.of(on("m1", S1)), new long[] {100, 100, 0}),
        // China 6+6 = 12, India 6, m4 (no region) 0 → 100, 100, 50, 0.
        c("Affinity: nodes in one region has more matching pods comparing to other region, so the region which has more matches will get high score",
            incoming(S1, STAY_WITH_S2_IN_REGION),
            List.of(labelled("m1", RG_CHINA), labelled("m2", RG_CHINA_AZ1), labelled("m3", RG_INDIA), labelled("m4", AZ1)),
            List.of(on("m1", S2), on("m2", S2), on("m3", S2)), new long[] {100, 100, 50, 0}),
        // az1 -5: m1 -5, m2 0 → 0, 100.
        c("Anti Affinity: pod that does not match existing pods in node will get high score",
            incoming(S1, AWAY_FROM_S1_IN_AZ), List.of(labelled("m1", AZ1), labelled("m2", RG_CHINA)),
            List.of(on("m1", S1), on("m2", S2)), new long[] {0, 100}),
        // The S1 pod on m2 counts nowhere: its node has no az label.
        c("Anti Affinity: pod that does not match topology key & match the pods in nodes will get higher score comparing to others",
            incoming(S1, AWAY_FROM_S1_IN_AZ), List.of(labelled("m1", AZ1), labelled("m2", RG_CHINA)),
            List.of(on("m1", S1), on("m2", S1)), new long[] {0, 100}),
        // China +8, az1 -5 → m1 8, m2 -5.
        c("Affinity and Anti Affinity", incoming(S1, STAY_WITH_S1_IN_REGION_AWAY_FROM_S2_IN_AZ),
            List.of(labelled("m1", RG_CHINA), labelled("m2", AZ1)), List.of(on("m1", S1), on("m2", S2)), new long[] {100, 0}),
        // The existing pod on m1 prefers S2 pods in its region: China +6.
        c("Affinity symmetry: considered only the preferredDuringSchedulingIgnoredDuringExecution in pod affinity symmetry",
            incoming(S2, b -> b), List.of(labelled("m1", RG_CHINA), labelled("m2", RG_INDIA)),
            List.of(on("m1", none, STAY_WITH_S2_IN_REGION), on("m2", none, STAY_WITH_S1_IN_REGION)), new long[] {100, 0}),
        // Both required terms of each existing pod match S1: China 2, India 2 (hardPodAffinityWeight 1), m3 0.
        c("Affinity symmetry: considered RequiredDuringSchedulingIgnoredDuringExecution in pod affinity symmetry",
            incoming(S1, b -> b), List.of(labelled("m1", RG_CHINA), labelled("m2", RG_INDIA), labelled("m3", AZ1)),
            List.of(on("m1", none, HARD_AFFINITY), on("m2", none, HARD_AFFINITY)), new long[] {100, 100, 0}),
        // The existing pod on m1 avoids S1 pods in its az: az1 -5.
        c("Anti Affinity symmetry: considered only preferredDuringSchedulingIgnoredDuringExecution in pod anti-affinity symmetry",
            incoming(S1, b -> b), List.of(labelled("m1", AZ1), labelled("m2", AZ2)),
            List.of(on("m1", none, AWAY_FROM_S1_IN_AZ), on("m2", none, AWAY_FROM_S2_IN_AZ)), new long[] {0, 100}),
        // hardPodAffinityWeight 1: China 2, India 2, az1 +5 from a preferred term → 0, 0, 100.
        new Case("hardPodAffinityWeight 1 weighs an existing pod's required term like a weight-1 preference",
            incoming(S1, b -> b), List.of(labelled("m1", RG_CHINA), labelled("m2", RG_INDIA), labelled("m3", AZ1)),
            List.of(on("m1", none, HARD_AFFINITY), on("m2", none, HARD_AFFINITY),
                on("m3", none, b -> b.preferredPodAffinity(5, podAffinityTerm(matchExpressions(in("security", "S1")), "az")))),
            new InterPodAffinityArgs(1, false), Status.success(), new long[] {0, 0, 100}),
        // hardPodAffinityWeight 10: China 20, India 20, az1 5 → 100, 100, 0.
        new Case("a larger hardPodAffinityWeight makes existing pods' required affinity dominate",
            incoming(S1, b -> b), List.of(labelled("m1", RG_CHINA), labelled("m2", RG_INDIA), labelled("m3", AZ1)),
            List.of(on("m1", none, HARD_AFFINITY), on("m2", none, HARD_AFFINITY),
                on("m3", none, b -> b.preferredPodAffinity(5, podAffinityTerm(matchExpressions(in("security", "S1")), "az")))),
            new InterPodAffinityArgs(10, false), Status.success(), new long[] {100, 100, 0}),
        new Case("hardPodAffinityWeight 0 ignores existing pods' required affinity; nothing else matches, so PreScore skips",
            incoming(S1, b -> b), List.of(labelled("m1", RG_CHINA), labelled("m2", RG_INDIA)),
            List.of(on("m1", none, HARD_AFFINITY)), new InterPodAffinityArgs(0, false), Status.skip(), new long[] {0, 0}),
        new Case("ignorePreferredTermsOfExistingPods skips a pod without preferred terms",
            incoming(S2, b -> b), List.of(labelled("m1", RG_CHINA), labelled("m2", RG_INDIA)),
            List.of(on("m1", none, STAY_WITH_S2_IN_REGION)), new InterPodAffinityArgs(1, true), Status.skip(), new long[] {0, 0}),
        // With preferred terms of its own the pod is scored, existing pods' terms included: China +5, India +6 → 0, 100.
        new Case("ignorePreferredTermsOfExistingPods still honours existing pods' terms when the pod has preferred terms",
            incoming(S1, STAY_WITH_S1_IN_REGION), List.of(labelled("m1", RG_CHINA), labelled("m2", RG_INDIA)),
            List.of(on("m1", S1), on("m2", S2, b -> b.preferredPodAffinity(6, podAffinityTerm(matchExpressions(in("security", "S1")), "region")))),
            new InterPodAffinityArgs(1, true), Status.success(), new long[] {0, 100}),
        // China 5 on both nodes: max == min.
        c("equal raw scores normalise to 0", incoming(S1, STAY_WITH_S1_IN_REGION),
            List.of(labelled("m1", RG_CHINA), labelled("m2", RG_CHINA_AZ1)), List.of(on("m1", S1)), new long[] {0, 0}),
        new Case("an existing pod on a node without labels contributes nothing", incoming(S1, b -> b),
            List.of(labelled("m1", RG_CHINA), labelled("m2", none)), List.of(on("m2", none, HARD_AFFINITY)), null, Status.skip(),
            new long[] {0, 0}),
        // A term with weight 0 still records its topology pair, so PreScore does not skip; all raw scores are 0.
        c("a matching weight-0 term scores 0 everywhere without skipping",
            incoming(S1, b -> b.preferredPodAffinity(0, podAffinityTerm(matchExpressions(in("security", "S1")), "region"))),
            List.of(labelled("m1", RG_CHINA), labelled("m2", RG_INDIA)), List.of(on("m1", S1)), new long[] {0, 0}));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void scores(Case c) {
    Cluster cluster = TestClusters.cluster(c.nodes(), c.existing());
    PluginRunner.Scores got = PluginRunner.score(new InterPodAffinity(c.args(), Features.DEFAULTS), cluster, c.pod(),
        c.nodes().stream().map(Node::name).toList());
    assertThat(got.preScore()).isEqualTo(c.wantPreScore());
    assertThat(got.scores()).containsExactly(c.want());
  }

  record NamespaceCase(String name, Pod pod, Status wantPreScore, long[] want) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<NamespaceCase> namespaces() {
    return Stream.of(
        new NamespaceCase("a preferred term's namespaceSelector selects the namespaces whose labels match",
            pod("incoming").namespace("ns1").preferredPodAffinity(5,
                podAffinityTerm(matchExpressions(in("security", "S1")), "region", matchLabels("team", "b"))).build(),
            Status.success(), new long[] {100, 0}),
        new NamespaceCase("a namespaceSelector matching no namespace of the pods leaves nothing to score",
            pod("incoming").namespace("ns1").preferredPodAffinity(5,
                podAffinityTerm(matchExpressions(in("security", "S1")), "region", matchLabels("team", "c"))).build(),
            Status.skip(), new long[] {0, 0}),
        new NamespaceCase("without namespaces or selector a term only looks at the pod's own namespace",
            pod("incoming").namespace("ns1").preferredPodAffinity(5, podAffinityTerm(matchExpressions(in("security", "S1")), "region")).build(),
            Status.skip(), new long[] {0, 0}));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("namespaces")
  void selects_namespaces(NamespaceCase c) {
    Cluster cluster = TestClusters.cluster(List.of(labelled("m1", RG_CHINA), labelled("m2", RG_INDIA)),
        List.of(pod("e").namespace("ns2").labels(S1).node("m1").build()));
    cluster.putNamespace("ns1", Map.of("team", "a"));
    cluster.putNamespace("ns2", Map.of("team", "b"));
    PluginRunner.Scores got = PluginRunner.score(new InterPodAffinity(null, Features.DEFAULTS), cluster, c.pod(), List.of("m1", "m2"));
    assertThat(got.preScore()).isEqualTo(c.wantPreScore());
    assertThat(got.scores()).containsExactly(c.want());
  }

  @Test
  void scoring_looks_at_every_node_not_only_the_filtered_ones() {
    // The only S1 pod runs on m3, which is not among the nodes scored; its region still counts.
    Cluster cluster = TestClusters.cluster(List.of(labelled("m1", RG_CHINA), labelled("m2", RG_INDIA), labelled("m3", RG_CHINA)),
        List.of(on("m3", S1)));
    PluginRunner.Scores got = PluginRunner.score(new InterPodAffinity(null, Features.DEFAULTS), cluster,
        incoming(S1, STAY_WITH_S1_IN_REGION), List.of("m1", "m2"));
    assertThat(got.scores()).containsExactly(100, 0);
  }

  @Test
  void prescore_without_a_snapshot_in_the_cycle_state_is_an_error() {
    Status got = new InterPodAffinity(null, Features.DEFAULTS).preScore(new CycleState(),
        PodInfo.of(incoming(S1, STAY_WITH_S1_IN_REGION)), List.of());
    assertThat(got.code()).isEqualTo(Code.Error);
  }

  record ArgsCase(String name, InterPodAffinityArgs args, String wantError) {
    @Override
    public String toString() {
      return name;
    }
  }

  // Upstream TestValidateInterPodAffinityArgs.
  static Stream<ArgsCase> argsCases() {
    return Stream.of(
        new ArgsCase("valid args", new InterPodAffinityArgs(10, false), null),
        new ArgsCase("hardPodAffinityWeight less than min", new InterPodAffinityArgs(-1, false),
            "hardPodAffinityWeight: Invalid value: -1: not in valid range [0, 100]"),
        new ArgsCase("hardPodAffinityWeight more than max", new InterPodAffinityArgs(101, false),
            "hardPodAffinityWeight: Invalid value: 101: not in valid range [0, 100]"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("argsCases")
  void validates_args(ArgsCase c) {
    if (c.wantError() == null) {
      new InterPodAffinity(c.args(), Features.DEFAULTS);
    } else {
      assertThatThrownBy(() -> new InterPodAffinity(c.args(), Features.DEFAULTS)).isInstanceOf(IllegalArgumentException.class)
          .hasMessage(c.wantError());
    }
  }

  @Test
  void a_missing_hardPodAffinityWeight_defaults_to_1() {
    assertThat(new InterPodAffinityArgs(null, false).hardPodAffinityWeight()).isEqualTo(1);
    assertThat(InterPodAffinityArgs.DEFAULTS).isEqualTo(new InterPodAffinityArgs(1, false));
  }
}
