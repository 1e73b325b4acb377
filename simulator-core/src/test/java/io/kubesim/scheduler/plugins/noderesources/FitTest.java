package io.kubesim.scheduler.plugins.noderesources;

import static io.kubesim.testing.Nodes.node;
import static io.kubesim.testing.Pods.pod;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kubesim.api.Node;
import io.kubesim.api.Pod;
import io.kubesim.scheduler.framework.CycleState;
import io.kubesim.scheduler.framework.Features;
import io.kubesim.scheduler.framework.NodeInfo;
import io.kubesim.scheduler.framework.PodInfo;
import io.kubesim.scheduler.framework.Status;
import io.kubesim.scheduler.testing.TestClusters;
import io.kubesim.testing.Nodes;
import io.kubesim.testing.Pods;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class FitTest {

  private static final String EXTENDED_A = "example.com/aaa";
  private static final String EXTENDED_B = "example.com/bbb";
  private static final String KUBERNETES_IO_A = "kubernetes.io/something";
  private static final String KUBERNETES_IO_B = "subdomain.kubernetes.io/something";
  private static final String HUGEPAGES_A = "hugepages-2Mi";

  /** Upstream {@code makeAllocatableResources(10, 20, 32, 5, 20, 5)}: cpu in millicores. */
  private static Node allocatable(long pods) {
    return node("n").allocatable(Map.of("cpu", "10m", "memory", "20", "pods", Long.toString(pods), EXTENDED_A, "5",
        "ephemeral-storage", "20", HUGEPAGES_A, "5")).build();
  }

  /** A request map from {@code name, value} pairs, cpu given in millicores. */
  private static Map<String, String> r(Object... kv) {
    Map<String, String> m = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      String name = (String) kv[i];
      String v = kv[i + 1].toString();
      m.put(name, name.equals("cpu") ? v + "m" : v);
    }
    return m;
  }

  /** Upstream {@code newResourcePod}: one container per request map. */
  @SafeVarargs
  private static Pods.Builder resourcePod(Map<String, String>... containers) {
    Pods.Builder b = pod("p");
    for (Map<String, String> c : containers) b.requests(c);
    return b;
  }

  private static Pod usage(Map<String, String> requests) {
    return pod("existing").requests(requests).build();
  }

  private static String insufficient(String resource) {
    return "Insufficient " + resource;
  }

  record Case(String name, Pod pod, Pod existing, long allowedPods, NodeResourcesFitArgs args, Status want) {
    @Override
    public String toString() {
      return name;
    }
  }

  private static Case c(String name, Pod pod, Pod existing, Status want) {
    return new Case(name, pod, existing, 32, null, want);
  }

  // Upstream TestEnoughRequests (fit_test.go); the node is makeAllocatableResources(10, 20, 32, 5, 20, 5).
  static Stream<Case> enoughRequests() {
    return Stream.of(
        c("no resources requested always fits", pod("p").build(), usage(r("cpu", 10, "memory", 20)), Status.success()),
        c("too many resources fails", resourcePod(r("cpu", 1, "memory", 1)).build(), usage(r("cpu", 10, "memory", 20)),
            Status.unschedulable(insufficient("cpu"), insufficient("memory"))),
        c("too many resources fails due to init container cpu",
            resourcePod(r("cpu", 1, "memory", 1)).initContainerRequests(r("cpu", 3, "memory", 1)).build(), usage(r("cpu", 8, "memory", 19)),
            Status.unschedulable(insufficient("cpu"))),
        c("too many resources fails due to highest init container cpu",
            resourcePod(r("cpu", 1, "memory", 1)).initContainerRequests(r("cpu", 3, "memory", 1)).initContainerRequests(r("cpu", 2, "memory", 1)).build(),
            usage(r("cpu", 8, "memory", 19)), Status.unschedulable(insufficient("cpu"))),
        c("too many resources fails due to init container memory",
            resourcePod(r("cpu", 1, "memory", 1)).initContainerRequests(r("cpu", 1, "memory", 3)).build(), usage(r("cpu", 9, "memory", 19)),
            Status.unschedulable(insufficient("memory"))),
        c("init container fits because it's the max, not sum, of containers and init containers",
            resourcePod(r("cpu", 1, "memory", 1)).initContainerRequests(r("cpu", 1, "memory", 1)).build(), usage(r("cpu", 9, "memory", 19)),
            Status.success()),
        c("multiple init containers fit because it's the max, not sum, of containers and init containers",
            resourcePod(r("cpu", 1, "memory", 1)).initContainerRequests(r("cpu", 1, "memory", 1)).initContainerRequests(r("cpu", 1, "memory", 1)).build(),
            usage(r("cpu", 9, "memory", 19)), Status.success()),
        c("both resources fit", resourcePod(r("cpu", 1, "memory", 1)).build(), usage(r("cpu", 5, "memory", 5)), Status.success()),
        c("one resource memory fits", resourcePod(r("cpu", 2, "memory", 1)).build(), usage(r("cpu", 9, "memory", 5)),
            Status.unschedulable(insufficient("cpu"))),
        c("one resource cpu fits", resourcePod(r("cpu", 1, "memory", 2)).build(), usage(r("cpu", 5, "memory", 19)),
            Status.unschedulable(insufficient("memory"))),
        c("equal edge case", resourcePod(r("cpu", 5, "memory", 1)).build(), usage(r("cpu", 5, "memory", 19)), Status.success()),
        c("equal edge case for init container", resourcePod(r("cpu", 4, "memory", 1)).initContainerRequests(r("cpu", 5, "memory", 1)).build(),
            usage(r("cpu", 5, "memory", 19)), Status.success()),
        c("extended resource fits", resourcePod(r(EXTENDED_A, 1)).build(), null, Status.success()),
        c("extended resource fits for init container", pod("p").initContainerRequests(r(EXTENDED_A, 1)).build(), null, Status.success()),
        c("extended resource capacity enforced", resourcePod(r("cpu", 1, "memory", 1, EXTENDED_A, 10)).build(),
            usage(r(EXTENDED_A, 0)), Status.unresolvable(insufficient(EXTENDED_A))),
        c("extended resource capacity enforced for init container",
            pod("p").initContainerRequests(r("cpu", 1, "memory", 1, EXTENDED_A, 10)).build(), usage(r(EXTENDED_A, 0)),
            Status.unresolvable(insufficient(EXTENDED_A))),
        c("extended resource allocatable enforced", resourcePod(r("cpu", 1, "memory", 1, EXTENDED_A, 1)).build(),
            usage(r(EXTENDED_A, 5)), Status.unschedulable(insufficient(EXTENDED_A))),
        c("extended resource allocatable enforced for multiple containers",
            resourcePod(r("cpu", 1, "memory", 1, EXTENDED_A, 3), r("cpu", 1, "memory", 1, EXTENDED_A, 3)).build(),
            usage(r(EXTENDED_A, 2)), Status.unresolvable(insufficient(EXTENDED_A))),
        c("extended resource allocatable admits multiple init containers",
            pod("p").initContainerRequests(r("cpu", 1, "memory", 1, EXTENDED_A, 3)).initContainerRequests(r("cpu", 1, "memory", 1, EXTENDED_A, 3)).build(),
            usage(r(EXTENDED_A, 2)), Status.success()),
        c("extended resource allocatable enforced for multiple init containers",
            pod("p").initContainerRequests(r("cpu", 1, "memory", 1, EXTENDED_A, 6)).initContainerRequests(r("cpu", 1, "memory", 1, EXTENDED_A, 3)).build(),
            usage(r(EXTENDED_A, 2)), Status.unresolvable(insufficient(EXTENDED_A))),
        c("extended resource allocatable enforced for unknown resource", resourcePod(r("cpu", 1, "memory", 1, EXTENDED_B, 1)).build(),
            null, Status.unresolvable(insufficient(EXTENDED_B))),
        c("kubernetes.io resource capacity enforced", resourcePod(r("cpu", 1, "memory", 1, KUBERNETES_IO_A, 10)).build(),
            null, Status.unresolvable(insufficient(KUBERNETES_IO_A))),
        c("kubernetes.io resource capacity enforced for init container",
            pod("p").initContainerRequests(r("cpu", 1, "memory", 1, KUBERNETES_IO_B, 10)).build(), null, Status.unresolvable(insufficient(KUBERNETES_IO_B))),
        c("hugepages resource capacity enforced", resourcePod(r("cpu", 1, "memory", 1, HUGEPAGES_A, 10)).build(),
            usage(r(HUGEPAGES_A, 0)), Status.unresolvable(insufficient(HUGEPAGES_A))),
        c("hugepages resource allocatable enforced for multiple containers",
            resourcePod(r("cpu", 1, "memory", 1, HUGEPAGES_A, 3), r("cpu", 1, "memory", 1, HUGEPAGES_A, 3)).build(),
            usage(r(HUGEPAGES_A, 2)), Status.unresolvable(insufficient(HUGEPAGES_A))),
        new Case("skip checking ignored extended resource", resourcePod(r("cpu", 1, "memory", 1, EXTENDED_B, 1)).build(), null, 32,
            new NodeResourcesFitArgs(List.of(EXTENDED_B), List.of(), NodeResourcesFitArgs.DEFAULTS.scoringStrategy()), Status.success()),
        c("resources + pod overhead fits", resourcePod(r("cpu", 1, "memory", 1)).overhead(Map.of("cpu", "3m", "memory", "13")).build(),
            usage(r("cpu", 5, "memory", 5)), Status.success()),
        c("requests + overhead does not fit for memory",
            resourcePod(r("cpu", 1, "memory", 1)).overhead(Map.of("cpu", "1m", "memory", "15")).build(),
            usage(r("cpu", 5, "memory", 5)), Status.unschedulable(insufficient("memory"))),
        new Case("skip checking ignored extended resource via resource groups",
            resourcePod(r("cpu", 1, "memory", 1, EXTENDED_B, 1, KUBERNETES_IO_A, 1)).build(), null, 32,
            new NodeResourcesFitArgs(List.of(), List.of("example.com"), NodeResourcesFitArgs.DEFAULTS.scoringStrategy()),
            Status.unresolvable(insufficient(KUBERNETES_IO_A))),
        c("skip checking extended resource request with quantity zero via resource groups",
            resourcePod(r("cpu", 1, "memory", 1, EXTENDED_A, 0)).build(), usage(r(EXTENDED_A, 6)), Status.success()),
        // Upstream TestNotEnoughRequests: the node has room for one pod, and one runs there.
        new Case("even without specified resources, predicate fails when there's no space for additional pod",
            pod("p").build(), usage(r("cpu", 10, "memory", 20)), 1, null, Status.unschedulable("Too many pods")),
        new Case("even if both resources fit, predicate fails when there's no space for additional pod",
            resourcePod(r("cpu", 1, "memory", 1)).build(), usage(r("cpu", 5, "memory", 5)), 1, null, Status.unschedulable("Too many pods")),
        new Case("even for equal edge case, predicate fails when there's no space for additional pod",
            resourcePod(r("cpu", 5, "memory", 1)).build(), usage(r("cpu", 5, "memory", 19)), 1, null, Status.unschedulable("Too many pods")),
        new Case("too many pods is reported first, with the insufficient resources after it",
            resourcePod(r("cpu", 1, "memory", 1)).build(), usage(r("cpu", 10, "memory", 20)), 1, null,
            Status.unschedulable("Too many pods", insufficient("cpu"), insufficient("memory"))),
        // Upstream TestStorageRequests.
        c("ephemeral local storage request exceeds allocatable", resourcePod(r("ephemeral-storage", 25)).build(),
            usage(r("cpu", 2, "memory", 2)), Status.unresolvable(insufficient("ephemeral-storage"))),
        c("ephemeral local storage is sufficient", resourcePod(r("ephemeral-storage", 10)).build(),
            usage(r("cpu", 2, "memory", 2)), Status.success()),
        c("ephemeral local storage request exceeds what is free", resourcePod(r("ephemeral-storage", 10)).build(),
            usage(r("ephemeral-storage", 15)), Status.unschedulable(insufficient("ephemeral-storage"))),
        c("a request above the whole allocatable makes every reason unresolvable",
            resourcePod(r("cpu", 11, "memory", 1)).build(), usage(r("cpu", 0, "memory", 20)),
            Status.unresolvable(insufficient("cpu"), insufficient("memory"))),
        c("resource names that are not scalar resources are ignored", resourcePod(r("cpu", 1, "foo", 10)).build(), null,
            Status.success()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("enoughRequests")
  void filters(Case c) {
    NodeInfo node = c.existing() == null ? TestClusters.nodeInfo(allocatable(c.allowedPods()))
        : TestClusters.nodeInfo(allocatable(c.allowedPods()), c.existing());
    Fit fit = new Fit(c.args(), Features.DEFAULTS);
    CycleState state = new CycleState();
    PodInfo pod = PodInfo.of(c.pod());
    assertThat(fit.preFilter(state, pod, null).status()).isEqualTo(Status.success());
    assertThat(fit.filter(state, pod, node)).isEqualTo(c.want());
  }

  @Test
  void fits_lists_what_is_missing_with_amounts() {
    NodeInfo node = TestClusters.nodeInfo(allocatable(32), usage(r("cpu", 8, "memory", 19)));
    List<InsufficientResource> got = Fit.fits(PodInfo.of(resourcePod(r("cpu", 3, "memory", 1)).build()), node);
    assertThat(got).containsExactly(new InsufficientResource("cpu", "Insufficient cpu", 3, 8, 10, false));
  }

  @Test
  void terminating_pods_still_hold_their_resources() {
    Pod terminating = pod("old").requests(r("cpu", 8, "memory", 1)).terminating().build();
    NodeInfo node = TestClusters.nodeInfo(allocatable(32), terminating);
    assertThat(Fit.fits(PodInfo.of(resourcePod(r("cpu", 3)).build()), node)).extracting(InsufficientResource::reason)
        .containsExactly("Insufficient cpu");
  }

  record ArgsCase(String name, NodeResourcesFitArgs args, String wantError) {
    @Override
    public String toString() {
      return name;
    }
  }

  private static final String NAME_REGEX_ERR = "name part must consist of alphanumeric characters, '-', '_' or '.', and must"
      + " start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for"
      + " validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')";

  private static NodeResourcesFitArgs strategy(String type, List<ResourceSpec> resources, List<NodeResourcesFitArgs.UtilizationShapePoint> shape) {
    return NodeResourcesFitArgs.of(new NodeResourcesFitArgs.ScoringStrategy(type, resources,
        shape == null ? null : new NodeResourcesFitArgs.RequestedToCapacityRatioParam(shape)));
  }

  private static NodeResourcesFitArgs.UtilizationShapePoint point(int u, int s) {
    return new NodeResourcesFitArgs.UtilizationShapePoint(u, s);
  }

  // Upstream TestValidateFitArgs (validation_pluginargs_test.go).
  static Stream<ArgsCase> argsCases() {
    String longName = "a".repeat(64);
    return Stream.of(
        new ArgsCase("defaults are valid", NodeResourcesFitArgs.DEFAULTS, null),
        new ArgsCase("IgnoredResources: too long value", new NodeResourcesFitArgs(List.of(longName), List.of(), NodeResourcesFitArgs.DEFAULTS.scoringStrategy()),
            "ignoredResources[0]: Invalid value: \"" + longName + "\": name part must be no more than 63 characters"),
        new ArgsCase("IgnoredResources: name is empty", new NodeResourcesFitArgs(List.of("example.com/"), List.of(), NodeResourcesFitArgs.DEFAULTS.scoringStrategy()),
            "[ignoredResources[0]: Invalid value: \"example.com/\": name part must be non-empty, "
                + "ignoredResources[0]: Invalid value: \"example.com/\": " + NAME_REGEX_ERR + "]"),
        new ArgsCase("IgnoredResources: name has too many slash", new NodeResourcesFitArgs(List.of("example.com/aaa/bbb"), List.of(), NodeResourcesFitArgs.DEFAULTS.scoringStrategy()),
            "ignoredResources[0]: Invalid value: \"example.com/aaa/bbb\": a qualified name must consist of alphanumeric characters, '-', '_' or '.',"
                + " and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for"
                + " validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]') with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')"),
        new ArgsCase("IgnoredResources: valid args", new NodeResourcesFitArgs(List.of("example.com"), List.of(), NodeResourcesFitArgs.DEFAULTS.scoringStrategy()), null),
        new ArgsCase("IgnoredResourceGroups: valid args", new NodeResourcesFitArgs(List.of(), List.of("example.com"), NodeResourcesFitArgs.DEFAULTS.scoringStrategy()), null),
        new ArgsCase("IgnoredResourceGroups: name is too long", new NodeResourcesFitArgs(List.of(), List.of(longName), NodeResourcesFitArgs.DEFAULTS.scoringStrategy()),
            "ignoredResourceGroups[0]: Invalid value: \"" + longName + "\": name part must be no more than 63 characters"),
        new ArgsCase("IgnoredResourceGroups: name cannot contain slashes", new NodeResourcesFitArgs(List.of(), List.of("example.com/aa"), NodeResourcesFitArgs.DEFAULTS.scoringStrategy()),
            "ignoredResourceGroups[0]: Invalid value: \"example.com/aa\": resource group name can't contain '/'"),
        new ArgsCase("ScoringStrategy: field is required", new NodeResourcesFitArgs(List.of(), List.of(), null), "scoring strategy not specified"),
        new ArgsCase("ScoringStrategy: type is unsupported", strategy("Invalid", ResourceSpec.DEFAULT_RESOURCES, null),
            "scoringStrategy.type: Unsupported value: \"Invalid\": supported values: \"LeastAllocated\", \"MostAllocated\", \"RequestedToCapacityRatio\""),
        new ArgsCase("ScoringStrategy: resources weight is negative", strategy(NodeResourcesFitArgs.MOST_ALLOCATED,
            List.of(new ResourceSpec("cpu", -1)), null),
            "scoringStrategy.resources[0].weight: Invalid value: -1: resource weight of cpu not in valid range (0, 100]"),
        new ArgsCase("ScoringStrategy: resources weight is zero", strategy(NodeResourcesFitArgs.LEAST_ALLOCATED,
            List.of(new ResourceSpec("memory", 1), new ResourceSpec("cpu", 0)), null),
            "scoringStrategy.resources[1].weight: Invalid value: 0: resource weight of cpu not in valid range (0, 100]"),
        new ArgsCase("ScoringStrategy: resources weight larger than MaxNodeScore", strategy(NodeResourcesFitArgs.LEAST_ALLOCATED,
            List.of(new ResourceSpec("memory", 1), new ResourceSpec("cpu", 101)), null),
            "scoringStrategy.resources[1].weight: Invalid value: 101: resource weight of cpu not in valid range (0, 100]"),
        new ArgsCase("ScoringStrategy: valid shape", strategy(NodeResourcesFitArgs.REQUESTED_TO_CAPACITY_RATIO,
            ResourceSpec.DEFAULT_RESOURCES, List.of(point(30, 3), point(70, 8))), null),
        new ArgsCase("ScoringStrategy: shape is empty", strategy(NodeResourcesFitArgs.REQUESTED_TO_CAPACITY_RATIO,
            ResourceSpec.DEFAULT_RESOURCES, List.of()), "scoringStrategy.shape: Required value: at least one point must be specified"),
        new ArgsCase("ScoringStrategy: utilization values are not sorted, and out of range", strategy(NodeResourcesFitArgs.REQUESTED_TO_CAPACITY_RATIO,
            ResourceSpec.DEFAULT_RESOURCES, List.of(point(30, 3), point(20, 5), point(110, 11))),
            "[scoringStrategy.shape[1].utilization: Invalid value: 20: utilization values must be sorted in increasing order, "
                + "scoringStrategy.shape[2].utilization: Invalid value: 110: not in valid range [0, 100], "
                + "scoringStrategy.shape[2].score: Invalid value: 11: not in valid range [0, 10]]"),
        new ArgsCase("ScoringStrategy: RequestedToCapacityRatio needs a shape", strategy(NodeResourcesFitArgs.REQUESTED_TO_CAPACITY_RATIO,
            ResourceSpec.DEFAULT_RESOURCES, null),
            "scoringStrategy.requestedToCapacityRatio: Required value: scoring strategy RequestedToCapacityRatio needs a shape"),
        new ArgsCase("ScoringStrategy: resources must not be empty", strategy(NodeResourcesFitArgs.LEAST_ALLOCATED, List.of(), null),
            "resources not found"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("argsCases")
  void validates_args(ArgsCase c) {
    if (c.wantError() == null) {
      new Fit(c.args(), Features.DEFAULTS);
    } else {
      assertThatThrownBy(() -> new Fit(c.args(), Features.DEFAULTS)).isInstanceOf(IllegalArgumentException.class).hasMessage(c.wantError());
    }
  }

  @Test
  void v1_defaulting_fills_strategy_resources_and_zero_weights() {
    assertThat(new NodeResourcesFitArgs(null, null, null).withV1Defaults()).isEqualTo(NodeResourcesFitArgs.DEFAULTS);
    NodeResourcesFitArgs most = strategy(NodeResourcesFitArgs.MOST_ALLOCATED, List.of(), null).withV1Defaults();
    assertThat(most.scoringStrategy().resources()).isEqualTo(ResourceSpec.DEFAULT_RESOURCES);
    NodeResourcesFitArgs zero = strategy(NodeResourcesFitArgs.LEAST_ALLOCATED, List.of(new ResourceSpec("cpu", 0), new ResourceSpec("memory", 3)), null)
        .withV1Defaults();
    assertThat(zero.scoringStrategy().resources()).containsExactly(new ResourceSpec("cpu", 1), new ResourceSpec("memory", 3));
  }
}
