package io.kubesim.scheduler.plugins.noderesources;

import static io.kubesim.scheduler.plugins.noderesources.ScoreCases.cpuAndMemory;
import static io.kubesim.scheduler.plugins.noderesources.ScoreCases.cpuOnly;
import static io.kubesim.scheduler.plugins.noderesources.ScoreCases.emptyNode;
import static io.kubesim.scheduler.plugins.noderesources.ScoreCases.node;
import static io.kubesim.scheduler.plugins.noderesources.ScoreCases.on;
import static io.kubesim.scheduler.plugins.noderesources.ScoreCases.req;
import static io.kubesim.testing.Pods.pod;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kubesim.api.Node;
import io.kubesim.api.Pod;
import io.kubesim.scheduler.framework.Features;
import io.kubesim.scheduler.framework.Status;
import io.kubesim.scheduler.testing.PluginRunner;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class BalancedAllocationTest {

  private static final String GPU = "nvidia.com/gpu";

  record Case(String name, Pod pod, List<Node> nodes, List<Pod> existing, NodeResourcesBalancedAllocationArgs args,
      Status wantPreScore, long[] want) {
    @Override
    public String toString() {
      return name;
    }
  }

  private static Case c(String name, Pod pod, List<Node> nodes, List<Pod> existing, long[] want) {
    return new Case(name, pod, nodes, existing, null, Status.success(), want);
  }

  // Upstream TestNodeResourcesBalancedAllocation (balanced_allocation_test.go), with its arithmetic.
  static Stream<Case> cases() {
    Pod existingCpuOnly1 = on("node1", req("cpu", "3000", "memory", "0"));
    Pod existingCpuAndMemory2 = on("node2", req("cpu", "3000", "memory", "5000"));
    NodeResourcesBalancedAllocationArgs withGpu = new NodeResourcesBalancedAllocationArgs(
        List.of(new ResourceSpec("cpu", 1), new ResourceSpec("memory", 1), new ResourceSpec(GPU, 1)));
    return Stream.of(
        new Case("nothing scheduled, nothing requested, skip for best effort pod", pod("incoming").container().build(),
            List.of(node("node1", "4000", "10000"), node("node2", "4000", "10000")), List.of(), null, Status.skip(), new long[] {0, 0}),
        // node1: cpu 3000/4000 = 0.75, memory 5000/10000 = 0.5, std 0.125 → 87; node2: 0.5, 0.5 → 100.
        c("nothing scheduled, resources requested, differently sized nodes", cpuAndMemory().build(),
            List.of(node("node1", "4000", "10000"), node("node2", "6000", "10000")), List.of(), new long[] {87, 100}),
        // node1: cpu 6000/10000 = 0.6, memory 5000/20000 = 0.25, std 0.175 → 82; node2: 0.6, 0.5, std 0.05 → 95.
        c("resources requested, pods scheduled with resources", cpuAndMemory().build(),
            List.of(node("node1", "10000", "20000"), node("node2", "10000", "20000")),
            List.of(existingCpuOnly1, existingCpuAndMemory2), new long[] {82, 95}),
        // node2: cpu 0.6, memory 10000/50000 = 0.2, std 0.2 → 80.
        c("resources requested, pods scheduled with resources, differently sized nodes", cpuAndMemory().build(),
            List.of(node("node1", "10000", "20000"), node("node2", "10000", "50000")),
            List.of(existingCpuOnly1, existingCpuAndMemory2), new long[] {82, 80}),
        // node1: cpu 6000/6000 = 1, memory 0.5 → 75; node2: 1, 1 → 100.
        c("requested resources at node capacity", cpuAndMemory().build(),
            List.of(node("node1", "6000", "10000"), node("node2", "6000", "10000")),
            List.of(existingCpuOnly1, existingCpuAndMemory2), new long[] {75, 100}),
        // Fractions are capped at 1: node1 cpu 9000/6000 → 1, memory 0 → 50.
        c("fractions above 1 are capped", cpuOnly().build(),
            List.of(node("node1", "6000", "10000")), List.of(on("node1", req("cpu", "6000", "memory", "0"))), new long[] {50}),
        // No allocatable at all: no fractions, std 0.
        c("zero node resources, pods scheduled with resources", cpuAndMemory().build(),
            List.of(emptyNode("node1"), emptyNode("node2")), List.of(existingCpuOnly1, existingCpuAndMemory2), new long[] {100, 100}),
        // Actual requests: a container without requests adds nothing (no 100m / 200Mi defaults), cpu 0.5 vs memory 0.
        c("actual requests are used, not the non-zero defaults", pod("incoming").requests(req("cpu", "2000", "memory", "0")).container().build(),
            List.of(node("node1", "4000", "10000")), List.of(), new long[] {75}),
        // Three resources: node1 0.25 each → 100; node2 gpu 1/1 → mean 0.5, std sqrt(0.125) = 0.3536 → 64.
        new Case("three resources use the population standard deviation",
            pod("incoming").requests(req("cpu", "1000", "memory", "2000", GPU, "1")).build(),
            List.of(node("node1", "4000", "8000", GPU, "4"), node("node2", "4000", "8000", GPU, "1")), List.of(), withGpu,
            Status.success(), new long[] {100, 64}),
        // The pod does not request the GPU: only cpu and memory count, 0.25 and 0.5 → 87.
        new Case("an extended resource the pod does not request is left out",
            pod("incoming").requests(req("cpu", "1000", "memory", "4000")).build(),
            List.of(node("node1", "4000", "8000", GPU, "4")), List.of(), withGpu, Status.success(), new long[] {87}),
        new Case("a pod requesting only resources outside the configured ones is best-effort",
            pod("incoming").requests(req(GPU, "1")).build(),
            List.of(node("node1", "4000", "8000", GPU, "4")), List.of(), null, Status.skip(), new long[] {0}));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void scores(Case c) {
    PluginRunner.Scores got = ScoreCases.score(new BalancedAllocation(c.args(), Features.DEFAULTS), c.pod(), c.nodes(), c.existing());
    assertThat(got.preScore()).isEqualTo(c.wantPreScore());
    assertThat(got.scores()).containsExactly(c.want());
  }

  record ArgsCase(String name, NodeResourcesBalancedAllocationArgs args, String wantError) {
    @Override
    public String toString() {
      return name;
    }
  }

  // Upstream TestValidateNodeResourcesBalancedAllocationArgs.
  static Stream<ArgsCase> argsCases() {
    return Stream.of(
        new ArgsCase("valid config", new NodeResourcesBalancedAllocationArgs(
            List.of(new ResourceSpec("cpu", 1), new ResourceSpec("memory", 1))), null),
        new ArgsCase("invalid config", new NodeResourcesBalancedAllocationArgs(
            List.of(new ResourceSpec("cpu", 2), new ResourceSpec("memory", 1))),
            "resources[0].weight: Invalid value: 2: must be 1"),
        new ArgsCase("repeated resources", new NodeResourcesBalancedAllocationArgs(
            List.of(new ResourceSpec("cpu", 1), new ResourceSpec("cpu", 1))),
            "resources[1].name: Duplicate value: \"cpu\""),
        new ArgsCase("no resources", new NodeResourcesBalancedAllocationArgs(List.of()), "resources not found"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("argsCases")
  void validates_args(ArgsCase c) {
    if (c.wantError() == null) {
      new BalancedAllocation(c.args(), Features.DEFAULTS);
    } else {
      assertThatThrownBy(() -> new BalancedAllocation(c.args(), Features.DEFAULTS)).isInstanceOf(IllegalArgumentException.class)
          .hasMessage(c.wantError());
    }
  }

  @Test
  void v1_defaulting_fills_resources_and_zero_weights() {
    assertThat(new NodeResourcesBalancedAllocationArgs(null).withV1Defaults()).isEqualTo(NodeResourcesBalancedAllocationArgs.DEFAULTS);
    assertThat(new NodeResourcesBalancedAllocationArgs(List.of(new ResourceSpec(GPU, 0))).withV1Defaults().resources())
        .containsExactly(new ResourceSpec(GPU, 1));
  }
}
