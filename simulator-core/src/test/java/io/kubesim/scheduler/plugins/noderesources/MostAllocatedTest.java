package io.kubesim.scheduler.plugins.noderesources;

import static io.kubesim.scheduler.plugins.noderesources.LeastAllocatedTest.EXTENDED;
import static io.kubesim.scheduler.plugins.noderesources.LeastAllocatedTest.EXTENDED_SET;
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

class MostAllocatedTest {

  record Case(String name, Pod pod, List<Node> nodes, List<Pod> existing, List<ResourceSpec> resources, long[] want) {
    @Override
    public String toString() {
      return name;
    }
  }

  // After upstream TestMostAllocatedScoringStrategy (most_allocated_test.go).
  static Stream<Case> cases() {
    List<ResourceSpec> defaults = ResourceSpec.DEFAULT_RESOURCES;
    return Stream.of(
        new Case("nothing scheduled, nothing requested", pod("incoming").build(),
            List.of(node("node1", "4000", "10000"), node("node2", "4000", "10000")), List.of(), defaults, new long[] {0, 0}),
        // node1: cpu 3000*100/4000 = 75, memory 5000*100/10000 = 50 → 62; node2: 50, 50 → 50.
        new Case("nothing scheduled, resources requested, differently sized nodes", cpuAndMemory().build(),
            List.of(node("node1", "4000", "10000"), node("node2", "6000", "10000")), List.of(), defaults, new long[] {62, 50}),
        // node1: cpu 6000*100/10000 = 60, memory 0 → 30; node2: 60, 5000*100/20000 = 25 → 42.
        new Case("no resources requested, pods scheduled with resources", pod("incoming").build(),
            List.of(node("node1", "10000", "20000"), node("node2", "10000", "20000")),
            List.of(on("node1", req("cpu", "3000", "memory", "0")), on("node1", req("cpu", "3000", "memory", "0")),
                on("node2", req("cpu", "3000", "memory", "0")), on("node2", req("cpu", "3000", "memory", "5000"))),
            defaults, new long[] {30, 42}),
        // node1: cpu 60, memory 5000*100/20000 = 25 → 42; node2: 60, 10000*100/20000 = 50 → 55.
        new Case("resources requested, pods scheduled with resources", cpuAndMemory().build(),
            List.of(node("node1", "10000", "20000"), node("node2", "10000", "20000")),
            List.of(on("node1", req("cpu", "3000", "memory", "0")), on("node2", req("cpu", "3000", "memory", "5000"))),
            defaults, new long[] {42, 55}),
        // cpu 8000 of 4000 is capped at 100; memory 0 / 50 → 50, 75.
        new Case("requested resources exceed node capacity are capped at capacity", pod("incoming").requests(req("cpu", "5000", "memory", "0")).build(),
            List.of(node("node1", "4000", "10000"), node("node2", "4000", "10000")),
            List.of(on("node1", req("cpu", "3000", "memory", "0")), on("node2", req("cpu", "3000", "memory", "5000"))),
            defaults, new long[] {50, 75}),
        new Case("zero node resources, pods scheduled with resources", pod("incoming").build(),
            List.of(emptyNode("node1"), emptyNode("node2")),
            List.of(on("node1", req("cpu", "3000", "memory", "0")), on("node2", req("cpu", "3000", "memory", "5000"))),
            defaults, new long[] {0, 0}),
        // node1: (75*1 + 50*2) / 3 = 58; node2: (50 + 100) / 3 = 50.
        new Case("nothing scheduled, resources requested with different weight on CPU and memory, differently sized nodes",
            cpuAndMemory().build(), List.of(node("node1", "4000", "10000"), node("node2", "6000", "10000")), List.of(),
            List.of(new ResourceSpec("memory", 2), new ResourceSpec("cpu", 1)), new long[] {58, 50}),
        // Extended: node1 2*100/4 = 50, node2 2*100/10 = 20 → (50+50+50)/3 = 50, (50+50+20)/3 = 40.
        new Case("honor extended resource if the pod requests", pod("incoming").requests(req("cpu", "3000", "memory", "5000", EXTENDED, "2")).build(),
            List.of(node("node1", "6000", "10000", EXTENDED, "4"), node("node2", "6000", "10000", EXTENDED, "10")), List.of(), EXTENDED_SET,
            new long[] {50, 40}),
        // cpu 100*100/1000 = 10, memory 200Mi*100/1Gi = 19 → 14.
        new Case("a container without requests counts the non-zero defaults", pod("incoming").container().build(),
            List.of(node("node1", "1", "1Gi")), List.of(), defaults, new long[] {14}));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void scores(Case c) {
    Fit fit = new Fit(NodeResourcesFitArgs.of(new NodeResourcesFitArgs.ScoringStrategy(NodeResourcesFitArgs.MOST_ALLOCATED, c.resources(), null)),
        Features.DEFAULTS);
    PluginRunner.Scores got = ScoreCases.score(fit, c.pod(), c.nodes(), c.existing());
    assertThat(got.preScore()).isEqualTo(Status.success());
    assertThat(got.scores()).containsExactly(c.want());
  }
}
