package io.kubesim.scheduler.plugins.noderesources;

import static io.kubesim.scheduler.plugins.noderesources.ScoreCases.cpuAndMemory;
import static io.kubesim.scheduler.plugins.noderesources.ScoreCases.emptyNode;
import static io.kubesim.scheduler.plugins.noderesources.ScoreCases.node;
import static io.kubesim.scheduler.plugins.noderesources.ScoreCases.on;
import static io.kubesim.scheduler.plugins.noderesources.ScoreCases.req;
import static io.kubesim.testing.Pods.pod;
import static org.assertj.core.api.Assertions.assertThat;

import io.kubesim.api.Node;
import io.kubesim.api.Pod;
import io.kubesim.scheduler.framework.Features;
import io.kubesim.scheduler.framework.Status;
import io.kubesim.scheduler.testing.PluginRunner;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class LeastAllocatedTest {

  static final String EXTENDED = "abc.com/xyz";
  static final List<ResourceSpec> EXTENDED_SET = List.of(new ResourceSpec("cpu", 1), new ResourceSpec("memory", 1), new ResourceSpec(EXTENDED, 1));

  record Case(String name, Pod pod, List<Node> nodes, List<Pod> existing, List<ResourceSpec> resources, long[] want) {
    @Override
    public String toString() {
      return name;
    }
  }

  // Upstream TestLeastAllocatedScoringStrategy (least_allocated_test.go), with its worked arithmetic.
  static Stream<Case> cases() {
    List<ResourceSpec> defaults = ResourceSpec.DEFAULT_RESOURCES;
    return Stream.of(
        // cpu (4000-0)*100/4000 = 100, memory 100 → 100 on both.
        new Case("nothing scheduled, nothing requested", pod("incoming").build(),
            List.of(node("node1", "4000", "10000"), node("node2", "4000", "10000")), List.of(), defaults, new long[] {100, 100}),
        // node1: cpu (4000-3000)*100/4000 = 25, memory (10000-5000)*100/10000 = 50 → 37; node2: 50, 50 → 50.
        new Case("nothing scheduled, resources requested, differently sized nodes", cpuAndMemory().build(),
            List.of(node("node1", "4000", "10000"), node("node2", "6000", "10000")), List.of(), defaults, new long[] {37, 50}),
        new Case("no resources requested, pods scheduled", pod("incoming").build(),
            List.of(node("node1", "4000", "10000"), node("node2", "4000", "10000")),
            List.of(pod().node("node1").build(), pod().node("node1").build(), pod().node("node2").build(), pod().node("node2").build()),
            defaults, new long[] {100, 100}),
        // node1: cpu (10000-6000)*100/10000 = 40, memory 100 → 70; node2: 40, (20000-5000)*100/20000 = 75 → 57.
        new Case("no resources requested, pods scheduled with resources", pod("incoming").build(),
            List.of(node("node1", "10000", "20000"), node("node2", "10000", "20000")),
            List.of(on("node1", req("cpu", "3000", "memory", "0")), on("node1", req("cpu", "3000", "memory", "0")),
                on("node2", req("cpu", "3000", "memory", "0")), on("node2", req("cpu", "3000", "memory", "5000"))),
            defaults, new long[] {70, 57}),
        // node1: cpu 40, memory 75 → 57; node2: cpu 40, memory (20000-10000)*100/20000 = 50 → 45.
        new Case("resources requested, pods scheduled with resources", cpuAndMemory().build(),
            List.of(node("node1", "10000", "20000"), node("node2", "10000", "20000")),
            List.of(on("node1", req("cpu", "3000", "memory", "0")), on("node2", req("cpu", "3000", "memory", "5000"))),
            defaults, new long[] {57, 45}),
        // node2: cpu 40, memory (50000-10000)*100/50000 = 80 → 60.
        new Case("resources requested, pods scheduled with resources, differently sized nodes", cpuAndMemory().build(),
            List.of(node("node1", "10000", "20000"), node("node2", "10000", "50000")),
            List.of(on("node1", req("cpu", "3000", "memory", "0")), on("node2", req("cpu", "3000", "memory", "5000"))),
            defaults, new long[] {57, 60}),
        // cpu 6000 > 4000 → 0; memory 100 (node1) / 50 (node2) → 50, 25.
        new Case("requested resources exceed node capacity", pod("incoming").requests(req("cpu", "3000", "memory", "0")).build(),
            List.of(node("node1", "4000", "10000"), node("node2", "4000", "10000")),
            List.of(on("node1", req("cpu", "3000", "memory", "0")), on("node2", req("cpu", "3000", "memory", "5000"))),
            defaults, new long[] {50, 25}),
        new Case("zero node resources, pods scheduled with resources", pod("incoming").build(),
            List.of(emptyNode("node1"), emptyNode("node2")),
            List.of(on("node1", req("cpu", "3000", "memory", "0")), on("node2", req("cpu", "3000", "memory", "5000"))),
            defaults, new long[] {0, 0}),
        // node1: (25*1 + 50*2) / 3 = 41; node2: (50 + 100) / 3 = 50.
        new Case("nothing scheduled, resources requested with different weight on CPU and memory, differently sized nodes",
            cpuAndMemory().build(), List.of(node("node1", "4000", "10000"), node("node2", "6000", "10000")), List.of(),
            List.of(new ResourceSpec("memory", 2), new ResourceSpec("cpu", 1)), new long[] {41, 50}),
        // The pod does not request the extended resource: it is left out, (50 + 50) / 2 on both.
        new Case("bypass extended resource if the pod does not request", cpuAndMemory().build(),
            List.of(node("node1", "6000", "10000"), node("node2", "6000", "10000", EXTENDED, "4")), List.of(), EXTENDED_SET,
            new long[] {50, 50}),
        // Extended: node1 (4-2)*100/4 = 50, node2 (10-2)*100/10 = 80 → (50+50+50)/3 = 50, (50+50+80)/3 = 60.
        new Case("honor extended resource if the pod requests", pod("incoming").requests(req("cpu", "3000", "memory", "5000", EXTENDED, "2")).build(),
            List.of(node("node1", "6000", "10000", EXTENDED, "4"), node("node2", "6000", "10000", EXTENDED, "10")), List.of(), EXTENDED_SET,
            new long[] {50, 60}),
        // cpu (6000-3000)*100/6000 = 50, memory (10000-4000)*100/10000 = 60 → 55 on both.
        new Case("if the node doesn't have a resource", pod("incoming").requests(req("cpu", "3000", "memory", "4000")).build(),
            List.of(node("node1", "6000", "10000"), node("node2", "6000", "10000", EXTENDED, "4")), List.of(),
            List.of(new ResourceSpec(EXTENDED, 2), new ResourceSpec("cpu", 1), new ResourceSpec("memory", 1)), new long[] {55, 55}),
        // A container without requests counts 100m and 200Mi: cpu (1000-100)*100/1000 = 90, memory (1Gi-200Mi)*100/1Gi = 80 → 85.
        new Case("a container without requests counts the non-zero defaults", pod("incoming").container().build(),
            List.of(node("node1", "1", "1Gi")), List.of(), defaults, new long[] {85}));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void scores(Case c) {
    Fit fit = new Fit(NodeResourcesFitArgs.of(new NodeResourcesFitArgs.ScoringStrategy(NodeResourcesFitArgs.LEAST_ALLOCATED, c.resources(), null)),
        Features.DEFAULTS);
    PluginRunner.Scores got = ScoreCases.score(fit, c.pod(), c.nodes(), c.existing());
    assertThat(got.preScore()).isEqualTo(Status.success());
    assertThat(got.scores()).containsExactly(c.want());
  }
}
