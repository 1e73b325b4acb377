package io.kubesim.scheduler.plugins.interpodaffinity;

import static io.kubesim.testing.LabelSelectors.exists;
import static io.kubesim.testing.LabelSelectors.in;
import static io.kubesim.testing.LabelSelectors.matchExpressions;
import static io.kubesim.testing.LabelSelectors.matchLabels;
import static io.kubesim.testing.LabelSelectors.notIn;
import static io.kubesim.testing.Nodes.node;
import static io.kubesim.testing.Pods.pod;
import static io.kubesim.testing.Pods.podAffinityTerm;
import static org.assertj.core.api.Assertions.assertThat;

import io.kubesim.api.LabelSelectorRequirement;
import io.kubesim.api.Node;
import io.kubesim.api.Pod;
import io.kubesim.cluster.Cluster;
import io.kubesim.scheduler.framework.CycleState;
import io.kubesim.scheduler.framework.Features;
import io.kubesim.scheduler.framework.PodInfo;
import io.kubesim.scheduler.framework.Status;
import io.kubesim.scheduler.testing.PluginRunner;
import io.kubesim.scheduler.testing.TestClusters;
import io.kubesim.testing.Nodes;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class FilteringTest {

  private static final Status AFFINITY = Status.unresolvable(InterPodAffinity.ERR_REASON_AFFINITY_RULES_NOT_MATCH);
  private static final Status ANTI_AFFINITY = Status.unschedulable(InterPodAffinity.ERR_REASON_ANTI_AFFINITY_RULES_NOT_MATCH);
  private static final Status EXISTING = Status.unschedulable(InterPodAffinity.ERR_REASON_EXISTING_ANTI_AFFINITY_RULES_NOT_MATCH);

  private static final Map<String, String> POD_LABEL = Map.of("service", "securityscan");
  private static final Map<String, String> POD_LABEL2 = Map.of("security", "S1");

  private static Node node1() {
    return node("node1").label("region", "r1").label("zone", "z11").build();
  }

  private static Pod existing(Map<String, String> labels) {
    return pod("existing").labels(labels).node("node1").build();
  }

  private static LabelSelectorRequirement doesNotExist(String key) {
    return new LabelSelectorRequirement(key, "DoesNotExist", List.of());
  }

  record SingleNodeCase(String name, Pod pod, List<Pod> existing, Status wantPreFilter, Status want) {
    @Override
    public String toString() {
      return name;
    }
  }

  private static SingleNodeCase c(String name, Pod pod, List<Pod> existing, Status want) {
    return new SingleNodeCase(name, pod, existing, Status.success(), want);
  }

  // Upstream TestRequiredAffinitySingleNode (filtering_test.go); the node is {region: r1, zone: z11}.
  static Stream<SingleNodeCase> singleNode() {
    return Stream.of(
        new SingleNodeCase("A pod that has no required pod affinity scheduling rules can schedule onto a node with no existing pods",
            pod("p").build(), List.of(), Status.skip(), Status.success()),
        c("satisfies with requiredDuringSchedulingIgnoredDuringExecution in PodAffinity using In operator that matches the existing pod",
            pod("p").labels(POD_LABEL2).podAffinityIn("service", "region", "securityscan", "value2").build(),
            List.of(existing(POD_LABEL)), Status.success()),
        c("satisfies the pod with requiredDuringSchedulingIgnoredDuringExecution in PodAffinity using not in operator in labelSelector that matches the existing pod",
            pod("p").labels(POD_LABEL2).podAffinity(podAffinityTerm(matchExpressions(notIn("service", "securityscan3", "value3")), "region")).build(),
            List.of(existing(POD_LABEL)), Status.success()),
        c("Does not satisfy the PodAffinity with labelSelector because of diff Namespace",
            pod("p").labels(POD_LABEL2).podAffinity(podAffinityTerm(matchExpressions(in("service", "securityscan", "value2")), "region", List.of("DiffNameSpace"))).build(),
            List.of(existing(POD_LABEL)), AFFINITY),
        c("Doesn't satisfy the PodAffinity because of unmatching labelSelector with the existing pod",
            pod("p").labels(POD_LABEL2).podAffinityIn("service", "region", "antivirusscan", "value2").build(),
            List.of(existing(POD_LABEL)), AFFINITY),
        c("satisfies the PodAffinity with different label Operators in multiple RequiredDuringSchedulingIgnoredDuringExecution",
            pod("p").labels(POD_LABEL2)
                .podAffinity(podAffinityTerm(matchExpressions(exists("service"), doesNotExist("wrongkey")), "region"))
                .podAffinity(podAffinityTerm(matchExpressions(in("service", "securityscan"), notIn("service", "WrongValue")), "region")).build(),
            List.of(existing(POD_LABEL)), Status.success()),
        c("The labelSelector requirements(items of matchExpressions) are ANDed, the pod cannot schedule onto the node because one of the matchExpression item don't match.",
            pod("p").labels(POD_LABEL2)
                .podAffinity(podAffinityTerm(matchExpressions(exists("service"), exists("wrongkey")), "region"))
                .podAffinity(podAffinityTerm(matchExpressions(in("service", "securityscan"), notIn("service", "WrongValue")), "region")).build(),
            List.of(existing(POD_LABEL)), AFFINITY),
        c("satisfies the PodAffinity and PodAntiAffinity with the existing pod",
            pod("p").labels(POD_LABEL2).podAffinityIn("service", "region", "securityscan", "value2")
                .podAntiAffinityIn("service", "node", "antivirusscan", "value2").build(),
            List.of(existing(POD_LABEL)), Status.success()),
        c("satisfies the PodAffinity and PodAntiAffinity and PodAntiAffinity symmetry with the existing pod",
            pod("p").labels(POD_LABEL2).podAffinityIn("service", "region", "securityscan", "value2")
                .podAntiAffinityIn("service", "node", "antivirusscan", "value2").build(),
            List.of(pod("existing").labels(POD_LABEL).node("node1").podAntiAffinityIn("service", "node", "antivirusscan", "value2").build()),
            Status.success()),
        c("satisfies the PodAffinity but doesn't satisfy the PodAntiAffinity with the existing pod",
            pod("p").labels(POD_LABEL2).podAffinityIn("service", "region", "securityscan", "value2")
                .podAntiAffinityIn("service", "zone", "securityscan", "value2").build(),
            List.of(existing(POD_LABEL)), ANTI_AFFINITY),
        c("satisfies the PodAffinity and PodAntiAffinity but doesn't satisfy PodAntiAffinity symmetry with the existing pod",
            pod("p").labels(POD_LABEL).podAffinityIn("service", "region", "securityscan", "value2")
                .podAntiAffinityIn("service", "node", "antivirusscan", "value2").build(),
            List.of(pod("existing").labels(POD_LABEL).node("node1").podAntiAffinityIn("service", "zone", "securityscan", "value2").build()),
            EXISTING),
        c("pod matches its own Label in PodAffinity and that matches the existing pod Labels",
            pod("p").labels(POD_LABEL).podAffinity(podAffinityTerm(matchExpressions(notIn("service", "securityscan", "value2")), "region")).build(),
            List.of(pod("existing").labels(Map.of("service", "antivirusscan")).node("node2").build()), AFFINITY),
        c("verify that PodAntiAffinity from existing pod is respected when pod has no AntiAffinity constraints. doesn't satisfy PodAntiAffinity symmetry with the existing pod",
            pod("p").labels(POD_LABEL).build(),
            List.of(pod("existing").labels(POD_LABEL).node("node1").podAntiAffinityIn("service", "zone", "securityscan", "value2").build()),
            EXISTING),
        new SingleNodeCase("verify that PodAntiAffinity from existing pod is respected when pod has no AntiAffinity constraints. satisfy PodAntiAffinity symmetry with the existing pod",
            pod("p").labels(POD_LABEL).build(),
            List.of(pod("existing").labels(POD_LABEL).node("node1")
                .podAntiAffinity(podAffinityTerm(matchExpressions(notIn("service", "securityscan", "value2")), "zone")).build()),
            Status.skip(), Status.success()),
        c("satisfies the PodAntiAffinity with existing pod but doesn't satisfy PodAntiAffinity symmetry with incoming pod",
            pod("p").labels(POD_LABEL).podAntiAffinityExists("service", "region").podAntiAffinityExists("security", "region").build(),
            List.of(pod("existing").labels(POD_LABEL2).node("node1").podAntiAffinityExists("security", "zone").build()),
            ANTI_AFFINITY),
        c("PodAntiAffinity symmetry check a1: incoming pod and existing pod partially match each other on AffinityTerms",
            pod("p").labels(POD_LABEL).podAntiAffinityExists("security", "zone").build(),
            List.of(pod("existing").labels(POD_LABEL2).node("node1").podAntiAffinityExists("service", "zone").build()),
            ANTI_AFFINITY),
        c("PodAntiAffinity symmetry check b1: only the existing pod's anti-affinity matches",
            pod("p").labels(POD_LABEL).podAntiAffinityExists("other", "zone").build(),
            List.of(pod("existing").labels(POD_LABEL2).node("node1").podAntiAffinityExists("service", "zone").build()),
            EXISTING),
        c("A pod with affinity to itself (the first pod of its group) schedules when no pod matches anywhere",
            pod("p").labels(POD_LABEL).podAffinityIn("service", "region", "securityscan").build(), List.of(), Status.success()),
        c("The first pod of a group still needs every topology key on the node",
            pod("p").labels(POD_LABEL).podAffinityIn("service", "rack", "securityscan").build(), List.of(), AFFINITY),
        c("A pod whose affinity does not match itself is not a first pod",
            pod("p").labels(POD_LABEL2).podAffinityIn("service", "region", "securityscan").build(), List.of(), AFFINITY),
        c("Required affinity is checked before anti-affinity",
            pod("p").labels(POD_LABEL2).podAffinityIn("service", "region", "antivirusscan")
                .podAntiAffinityIn("service", "zone", "securityscan").build(),
            List.of(existing(POD_LABEL)), AFFINITY),
        c("Terminating pods still count",
            pod("p").labels(POD_LABEL2).podAntiAffinityIn("service", "zone", "securityscan").build(),
            List.of(pod("existing").labels(POD_LABEL).node("node1").terminating().build()), ANTI_AFFINITY),
        new SingleNodeCase("A pod whose terms do not parse is rejected in PreFilter",
            pod("p").podAffinity(podAffinityTerm(matchExpressions(new LabelSelectorRequirement("service", "Bad", List.of("x"))), "region")).build(),
            List.of(), Status.unresolvable("parsing pod: requiredAffinityTerms: \"Bad\" is not a valid label selector operator"),
            Status.unresolvable("parsing pod: requiredAffinityTerms: \"Bad\" is not a valid label selector operator")),
        new SingleNodeCase("Parse errors of several term groups are aggregated",
            pod("p").podAffinity(podAffinityTerm(matchExpressions(new LabelSelectorRequirement("service", "Bad", List.of("x"))), "region"))
                .preferredPodAntiAffinity(1, podAffinityTerm(matchExpressions(new LabelSelectorRequirement("service", "In", List.of())), "region")).build(),
            List.of(), Status.unresolvable(PARSE_TWO_GROUPS), Status.unresolvable(PARSE_TWO_GROUPS)));
  }

  private static final String PARSE_TWO_GROUPS = "parsing pod: [requiredAffinityTerms: \"Bad\" is not a valid label selector operator, "
      + "preferredAntiAffinityTerms: values: Required value: for 'in', 'notin' operators, values set can't be empty]";

  @ParameterizedTest(name = "{0}")
  @MethodSource("singleNode")
  void filters_a_single_node(SingleNodeCase c) {
    Cluster cluster = TestClusters.cluster(List.of(node1(), node("node2").build()), c.existing());
    InterPodAffinity p = new InterPodAffinity(null, Features.DEFAULTS);
    assertThat(p.preFilter(new CycleState(), PodInfo.of(c.pod()), cluster).status()).isEqualTo(c.wantPreFilter());
    assertThat(PluginRunner.filter(p, cluster, c.pod(), "node1")).isEqualTo(c.want());
  }

  record MultiNodeCase(String name, Pod pod, List<Node> nodes, List<Pod> existing, Map<String, Status> want) {
    @Override
    public String toString() {
      return name;
    }
  }

  private static Node labelled(String name, String... kv) {
    Nodes.Builder b = node(name);
    for (int i = 0; i < kv.length; i += 2) b.label(kv[i], kv[i + 1]);
    return b.build();
  }

  private static Map<String, Status> statuses(Object... kv) {
    Map<String, Status> m = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) m.put((String) kv[i], (Status) kv[i + 1]);
    return m;
  }

  // Upstream TestRequiredAffinityMultipleNodes.
  static Stream<MultiNodeCase> multipleNodes() {
    Status ok = Status.success();
    return Stream.of(
        new MultiNodeCase("A pod can be scheduled onto all the nodes that have the same topology key & label value with one of them has an existing pod that matches the affinity rules",
            pod("p").podAffinityIn("foo", "region", "bar", "value2").build(),
            List.of(labelled("node1", "region", "r1", "zone", "z11", "hostname", "h1"), labelled("node2", "region", "r1", "zone", "z12", "hostname", "h2"),
                labelled("node3", "region", "r2", "zone", "z21", "hostname", "h3")),
            List.of(pod("e").label("foo", "bar").node("node1").build()),
            statuses("node1", ok, "node2", ok, "node3", AFFINITY)),
        new MultiNodeCase("The affinity rule is to schedule all of the pods of this collection to the same zone. The first pod of the collection should not be blocked from being scheduled onto any node, even there's no existing pod that matches the rule anywhere.",
            pod("p").label("foo", "bar").podAffinityIn("foo", "zone", "bar").build(),
            List.of(labelled("nodeA", "zone", "az1", "hostname", "h1"), labelled("nodeB", "zone", "az2", "hostname", "h2")),
            List.of(), statuses("nodeA", ok, "nodeB", ok)),
        new MultiNodeCase("The first pod of a collection is blocked on nodes without the topology key",
            pod("p").label("foo", "bar").podAffinityIn("foo", "zone", "bar").build(),
            List.of(labelled("nodeA", "zone", "az1"), labelled("nodeB", "hostname", "h2")),
            List.of(), statuses("nodeA", ok, "nodeB", AFFINITY)),
        new MultiNodeCase("Once a matching pod exists, the collection follows it: other zones are blocked",
            pod("p").label("foo", "bar").podAffinityIn("foo", "zone", "bar").build(),
            List.of(labelled("nodeA", "zone", "az1"), labelled("nodeB", "zone", "az2")),
            List.of(pod("e").label("foo", "bar").node("nodeA").build()), statuses("nodeA", ok, "nodeB", AFFINITY)),
        new MultiNodeCase("NodeA and nodeB have same topologyKey and label value. NodeA has an existing pod that matches the inter pod affinity rule. The pod can not be scheduled onto nodeA and nodeB.",
            pod("p").podAntiAffinityIn("foo", "region", "abc").build(),
            List.of(labelled("nodeA", "region", "r1", "hostname", "nodeA"), labelled("nodeB", "region", "r1", "hostname", "nodeB"),
                labelled("nodeC", "region", "r2", "hostname", "nodeC")),
            List.of(pod("e").label("foo", "abc").node("nodeA").build()), statuses("nodeA", ANTI_AFFINITY, "nodeB", ANTI_AFFINITY, "nodeC", ok)),
        new MultiNodeCase("An existing pod's anti-affinity blocks its whole zone and only it",
            pod("p").label("foo", "bar").build(),
            List.of(labelled("nodeA", "zone", "az1"), labelled("nodeB", "zone", "az1"), labelled("nodeC", "zone", "az2")),
            List.of(pod("e").node("nodeA").podAntiAffinityIn("foo", "zone", "bar").build()),
            statuses("nodeA", EXISTING, "nodeB", EXISTING, "nodeC", ok)),
        new MultiNodeCase("This test ensures that anti-affinity matches a pod when any term of the anti-affinity rule matches a pod",
            pod("p").podAntiAffinityExists("foo", "zone").podAntiAffinityExists("bar", "zone").build(),
            List.of(labelled("nodeA", "zone", "z1"), labelled("nodeB", "zone", "z1"), labelled("nodeC", "zone", "z2")),
            List.of(pod("e").label("bar", "").node("nodeA").build()), statuses("nodeA", ANTI_AFFINITY, "nodeB", ANTI_AFFINITY, "nodeC", ok)),
        new MultiNodeCase("Affinity terms with different topology keys must all be satisfied by one pod matching every term",
            pod("p").podAffinityIn("foo", "zone", "bar").podAffinityIn("foo", "region", "bar").build(),
            List.of(labelled("nodeA", "region", "r1", "zone", "z1"), labelled("nodeB", "region", "r1", "zone", "z2"),
                labelled("nodeC", "region", "r2", "zone", "z1")),
            List.of(pod("e").label("foo", "bar").node("nodeA").build()), statuses("nodeA", ok, "nodeB", AFFINITY, "nodeC", AFFINITY)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("multipleNodes")
  void filters_multiple_nodes(MultiNodeCase c) {
    Cluster cluster = TestClusters.cluster(c.nodes(), c.existing());
    Map<String, Status> got = PluginRunner.filter(new InterPodAffinity(null, Features.DEFAULTS), cluster, c.pod());
    assertThat(got).containsExactlyInAnyOrderEntriesOf(c.want());
  }

  // Namespace selection: namespaces listed by name, and by namespaceSelector against namespace labels.
  record NamespaceCase(String name, Pod pod, Status want) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<NamespaceCase> namespaces() {
    return Stream.of(
        new NamespaceCase("a term without namespaces selects the pod's own namespace only",
            pod("p").namespace("team1").podAffinityIn("service", "region", "securityscan").build(), AFFINITY),
        new NamespaceCase("a term naming the namespace selects pods there",
            pod("p").namespace("team1").podAffinity(podAffinityTerm(matchExpressions(in("service", "securityscan")), "region", List.of("team2"))).build(), Status.success()),
        new NamespaceCase("a namespaceSelector matching the namespace's labels selects pods there",
            pod("p").namespace("team1").podAffinity(podAffinityTerm(matchExpressions(in("service", "securityscan")), "region",
                matchLabels("team", "b"))).build(), Status.success()),
        new NamespaceCase("a namespaceSelector not matching the namespace's labels does not",
            pod("p").namespace("team1").podAffinity(podAffinityTerm(matchExpressions(in("service", "securityscan")), "region",
                matchLabels("team", "c"))).build(), AFFINITY),
        new NamespaceCase("an empty namespaceSelector selects every namespace",
            pod("p").namespace("team1").podAffinity(podAffinityTerm(matchExpressions(in("service", "securityscan")), "region",
                matchExpressions())).build(), Status.success()),
        new NamespaceCase("an existing pod's anti-affinity namespaceSelector is matched against the incoming pod's namespace",
            pod("p").namespace("team1").label("app", "web").build(), EXISTING));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("namespaces")
  void selects_namespaces(NamespaceCase c) {
    Cluster cluster = TestClusters.cluster(List.of(node1()), List.of(
        pod("e").namespace("team2").labels(POD_LABEL).node("node1")
            .podAntiAffinity(podAffinityTerm(matchExpressions(in("app", "web")), "zone", matchLabels("team", "a"))).build()));
    cluster.putNamespace("team1", Map.of("team", "a"));
    cluster.putNamespace("team2", Map.of("team", "b"));
    assertThat(PluginRunner.filter(new InterPodAffinity(null, Features.DEFAULTS), cluster, c.pod(), "node1")).isEqualTo(c.want());
  }

  // Upstream TestPreFilterStateAddRemovePod: AddPod/RemovePod update the counts as if the pod ran on the node.
  @Test
  void adding_a_pod_with_anti_affinity_to_the_pod_blocks_its_zone_and_removing_it_frees_it() {
    Cluster cluster = TestClusters.cluster(List.of(labelled("nodeA", "zone", "az1"), labelled("nodeB", "zone", "az2")),
        List.of(pod("db1").label("app", "db").node("nodeA").build(), pod("db2").label("app", "db").node("nodeB").build()));
    InterPodAffinity p = new InterPodAffinity(null, Features.DEFAULTS);
    PodInfo incoming = PodInfo.of(pod("p").label("foo", "bar").podAffinityIn("app", "zone", "db").build());
    CycleState state = new CycleState();
    assertThat(p.preFilter(state, incoming, cluster).status()).isEqualTo(Status.success());
    assertThat(p.filter(state, incoming, cluster.get("nodeB"))).isEqualTo(Status.success());

    PodInfo blocker = PodInfo.of(pod("blocker").node("nodeB").podAntiAffinityIn("foo", "zone", "bar").build());
    assertThat(p.preFilterExtensions().addPod(state, incoming, blocker, cluster.get("nodeB"))).isEqualTo(Status.success());
    assertThat(p.filter(state, incoming, cluster.get("nodeB"))).isEqualTo(EXISTING);
    assertThat(p.filter(state, incoming, cluster.get("nodeA"))).isEqualTo(Status.success());

    assertThat(p.preFilterExtensions().removePod(state, incoming, blocker, cluster.get("nodeB"))).isEqualTo(Status.success());
    assertThat(p.filter(state, incoming, cluster.get("nodeB"))).isEqualTo(Status.success());
  }

  @Test
  void removing_the_only_pod_an_affinity_relies_on_turns_the_node_away_and_adding_it_back_restores_it() {
    Pod db = pod("db").label("app", "db").node("nodeA").build();
    Cluster cluster = TestClusters.cluster(List.of(labelled("nodeA", "zone", "az1"), labelled("nodeB", "zone", "az2")), List.of(db));
    InterPodAffinity p = new InterPodAffinity(null, Features.DEFAULTS);
    PodInfo incoming = PodInfo.of(pod("p").podAffinityIn("app", "zone", "db").build());
    CycleState state = new CycleState();
    p.preFilter(state, incoming, cluster);
    assertThat(p.filter(state, incoming, cluster.get("nodeA"))).isEqualTo(Status.success());
    assertThat(p.filter(state, incoming, cluster.get("nodeB"))).isEqualTo(AFFINITY);

    p.preFilterExtensions().removePod(state, incoming, PodInfo.of(db), cluster.get("nodeA"));
    assertThat(p.filter(state, incoming, cluster.get("nodeA"))).isEqualTo(AFFINITY);

    p.preFilterExtensions().addPod(state, incoming, PodInfo.of(db), cluster.get("nodeA"));
    assertThat(p.filter(state, incoming, cluster.get("nodeA"))).isEqualTo(Status.success());
  }

  @Test
  void adding_a_pod_matching_the_pods_anti_affinity_blocks_that_domain() {
    Cluster cluster = TestClusters.cluster(List.of(labelled("nodeA", "hostname", "a"), labelled("nodeB", "hostname", "b")),
        List.of(pod("web0").label("app", "web").node("nodeB").build()));
    InterPodAffinity p = new InterPodAffinity(null, Features.DEFAULTS);
    PodInfo incoming = PodInfo.of(pod("p").label("app", "web").podAntiAffinityIn("app", "hostname", "web").build());
    CycleState state = new CycleState();
    p.preFilter(state, incoming, cluster);
    assertThat(p.filter(state, incoming, cluster.get("nodeA"))).isEqualTo(Status.success());
    assertThat(p.filter(state, incoming, cluster.get("nodeB"))).isEqualTo(ANTI_AFFINITY);

    p.preFilterExtensions().addPod(state, incoming, PodInfo.of(pod("web1").label("app", "web").node("nodeA").build()), cluster.get("nodeA"));
    assertThat(p.filter(state, incoming, cluster.get("nodeA"))).isEqualTo(ANTI_AFFINITY);
  }

  @Test
  void add_and_remove_pod_are_no_ops_when_prefilter_skipped() {
    Cluster cluster = TestClusters.cluster(List.of(labelled("nodeA", "zone", "az1")), List.of());
    InterPodAffinity p = new InterPodAffinity(null, Features.DEFAULTS);
    PodInfo incoming = PodInfo.of(pod("p").build());
    CycleState state = new CycleState();
    assertThat(p.preFilter(state, incoming, cluster).status()).isEqualTo(Status.skip());
    PodInfo other = PodInfo.of(pod("o").node("nodeA").podAntiAffinityExists("x", "zone").build());
    assertThat(p.addPod(state, incoming, other, cluster.get("nodeA"))).isEqualTo(Status.success());
    assertThat(p.removePod(state, incoming, other, cluster.get("nodeA"))).isEqualTo(Status.success());
  }
}
