package io.kubesim.scheduler.plugins.noderesources;

import static io.kubesim.scheduler.plugins.noderesources.ScoreCases.cpuAndMemory;
import static io.kubesim.scheduler.plugins.noderesources.ScoreCases.node;
import static io.kubesim.scheduler.plugins.noderesources.ScoreCases.on;
import static io.kubesim.scheduler.plugins.noderesources.ScoreCases.req;
import static io.kubesim.testing.Pods.pod;
import static org.assertj.core.api.Assertions.assertThat;

import io.kubesim.api.Node;
import io.kubesim.api.Pod;
import io.kubesim.scheduler.framework.Features;
import io.kubesim.scheduler.framework.Status;
import io.kubesim.scheduler.plugins.noderesources.NodeResourcesFitArgs.UtilizationShapePoint;
import io.kubesim.scheduler.testing.PluginRunner;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class RequestedToCapacityRatioTest {

  /** Prefers empty nodes: score 10 at 0 % utilization down to 0 at 100 %. */
  private static final List<UtilizationShapePoint> SPREAD = List.of(new UtilizationShapePoint(0, 10), new UtilizationShapePoint(100, 0));
  /** Prefers full nodes (bin packing). */
  private static final List<UtilizationShapePoint> PACK = List.of(new UtilizationShapePoint(0, 0), new UtilizationShapePoint(100, 10));

  private static final String GPU = "example.com/gpu";

  record Case(String name, Pod pod, List<Node> nodes, List<Pod> existing, List<ResourceSpec> resources,
      List<UtilizationShapePoint> shape, long[] want) {
    @Override
    public String toString() {
      return name;
    }
  }

  // After upstream TestRequestedToCapacityRatioScoringStrategy and TestResourceBinPackingSingleExtended.
  static Stream<Case> cases() {
    List<ResourceSpec> defaults = ResourceSpec.DEFAULT_RESOURCES;
    List<ResourceSpec> gpuOnly = List.of(new ResourceSpec(GPU, 1));
    return Stream.of(
        new Case("nothing scheduled, nothing requested (default - least requested nodes have priority)", pod("incoming").build(),
            List.of(node("node1", "4000", "10000"), node("node2", "4000", "10000")), List.of(), defaults, SPREAD, new long[] {100, 100}),
        // node1: cpu utilization 75 → 25, memory 50 → 50, round(75 / 2) = 38; node2: 50, 50 → 50.
        new Case("nothing scheduled, resources requested, differently sized nodes", cpuAndMemory().build(),
            List.of(node("node1", "4000", "10000"), node("node2", "6000", "10000")), List.of(), defaults, SPREAD, new long[] {38, 50}),
        // cpu over-committed scores shape(100) = 0 and drops out of the average: memory alone, 100 and 50.
        new Case("a resource scoring 0 is left out of the average", pod("incoming").requests(req("cpu", "3000", "memory", "0")).build(),
            List.of(node("node1", "4000", "10000"), node("node2", "4000", "10000")),
            List.of(on("node1", req("cpu", "3000", "memory", "0")), on("node2", req("cpu", "3000", "memory", "5000"))),
            defaults, SPREAD, new long[] {100, 50}),
        // Bin packing: node1 cpu 75, memory 50 → round(62.5) = 63 (MostAllocated's integer average gives 62).
        new Case("bin packing rounds the weighted average", cpuAndMemory().build(),
            List.of(node("node1", "4000", "10000"), node("node2", "6000", "10000")), List.of(), defaults, PACK, new long[] {63, 50}),
        // Weights memory 3, cpu 1: node1 (75 + 50*3) / 4 = 56.25 → 56; node2 50.
        new Case("bin packing with weights", cpuAndMemory().build(),
            List.of(node("node1", "4000", "10000"), node("node2", "6000", "10000")), List.of(),
            List.of(new ResourceSpec("cpu", 1), new ResourceSpec("memory", 3)), PACK, new long[] {56, 50}),
        // node1: (1 + 1)*100/4 = 50 → 50; node2: 1*100/8 = 12 → 12.
        new Case("bin packing on an extended resource", pod("incoming").requests(req(GPU, "1")).build(),
            List.of(node("node1", "4000", "10000", GPU, "4"), node("node2", "4000", "10000", GPU, "8")),
            List.of(on("node1", req(GPU, "1"))), gpuOnly, PACK, new long[] {50, 12}),
        new Case("an extended resource the pod does not request is not scored", pod("incoming").requests(req("cpu", "1000")).build(),
            List.of(node("node1", "4000", "10000", GPU, "4"), node("node2", "4000", "10000", GPU, "8")),
            List.of(on("node1", req(GPU, "1"))), gpuOnly, PACK, new long[] {0, 0}),
        // Shape (10,1) (30,5) (70,2), scores ×10: cpu utilization 50 → 50 + (20-50)*(50-30)/40 = 35; memory 20 → 10 + 40*10/20 = 30;
        // round(65 / 2) = 33.
        new Case("a broken-linear shape interpolates between points", pod("incoming").requests(req("cpu", "2000", "memory", "2000")).build(),
            List.of(node("node1", "4000", "10000")), List.of(), defaults,
            List.of(new UtilizationShapePoint(10, 1), new UtilizationShapePoint(30, 5), new UtilizationShapePoint(70, 2)), new long[] {33}));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void scores(Case c) {
    Fit fit = new Fit(NodeResourcesFitArgs.of(new NodeResourcesFitArgs.ScoringStrategy(NodeResourcesFitArgs.REQUESTED_TO_CAPACITY_RATIO,
        c.resources(), new NodeResourcesFitArgs.RequestedToCapacityRatioParam(c.shape()))), Features.DEFAULTS);
    PluginRunner.Scores got = ScoreCases.score(fit, c.pod(), c.nodes(), c.existing());
    assertThat(got.preScore()).isEqualTo(Status.success());
    assertThat(got.scores()).containsExactly(c.want());
  }
}
