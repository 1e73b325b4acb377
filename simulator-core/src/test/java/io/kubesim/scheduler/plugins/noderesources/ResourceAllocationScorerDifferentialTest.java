package io.kubesim.scheduler.plugins.noderesources;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubesim.scheduler.framework.NodeInfo;
import io.kubesim.scheduler.framework.PodInfo;
import io.kubesim.testing.Nodes;
import io.kubesim.testing.Pods;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The scorer's per-cycle paths (the array-free one for cpu and memory, the one reusing its work
 * arrays otherwise) against its generic node-by-node score, for every strategy, on random nodes
 * (allocatable 0 or missing, over-committed, extended resources) and pods (with and without
 * requests), under random weights.
 */
class ResourceAllocationScorerDifferentialTest {
  private static final List<String> RESOURCE_NAMES =
      List.of("cpu", "memory", "ephemeral-storage", "example.com/gpu", "hugepages-2Mi", "not-a-scalar");

  @Test
  void cpuAndMemoryPathScoresExactlyAsTheGenericPath() {
    long seed = io.kubesim.PropertySeed.base();
    Random r = new Random(seed);
    for (int round = 0; round < 2000; round++) {
      boolean defaultWeights = r.nextBoolean();
      List<ResourceSpec> resources = List.of(new ResourceSpec("cpu", defaultWeights ? 1 : 1 + r.nextInt(100)),
          new ResourceSpec("memory", defaultWeights ? 1 : 1 + r.nextInt(100)));
      compare(r, resources, "seed " + seed + ", round " + round);
    }
  }

  @Test
  void scoreAllScoresExactlyAsTheGenericPathForAnyResources() {
    long seed = io.kubesim.PropertySeed.base();
    Random r = new Random(seed);
    for (int round = 0; round < 2000; round++) {
      List<String> names = new ArrayList<>(RESOURCE_NAMES);
      Collections.shuffle(names, r);
      List<ResourceSpec> resources = new ArrayList<>();
      for (String name : names.subList(0, 1 + r.nextInt(names.size()))) resources.add(new ResourceSpec(name, 1 + r.nextInt(100)));
      compare(r, resources, "seed " + seed + ", round " + round);
    }
  }

  /** Scores random nodes for a random pod under each strategy, through scoreAll and node by node. */
  private static void compare(Random r, List<ResourceSpec> resources, String round) {
    List<NodeInfo> nodes = new ArrayList<>();
    int nodeCount = 1 + r.nextInt(12);
    for (int i = 0; i < nodeCount; i++) nodes.add(randomNode(r, "n" + i));
    PodInfo pod = PodInfo.of(Pods.pod("incoming").requests(randomRequests(r)).build());
    List<NodeResourcesFitArgs.UtilizationShapePoint> shape = List.of(
        new NodeResourcesFitArgs.UtilizationShapePoint(r.nextInt(30), r.nextInt(11)),
        new NodeResourcesFitArgs.UtilizationShapePoint(30 + r.nextInt(71), r.nextInt(11)));
    Map<String, ResourceAllocationScorer.Strategy> strategies = Map.of(
        "LeastAllocated", Strategies.leastAllocated(resources),
        "MostAllocated", Strategies.mostAllocated(resources),
        "RequestedToCapacityRatio " + shape, Strategies.requestedToCapacityRatio(resources, shape),
        "BalancedAllocation", BalancedAllocation.STRATEGY);
    for (Map.Entry<String, ResourceAllocationScorer.Strategy> strategy : strategies.entrySet()) {
      for (boolean useRequested : new boolean[] {false, true}) {
        ResourceAllocationScorer scorer = new ResourceAllocationScorer(resources, useRequested, strategy.getValue());
        long[] podRequests = scorer.podRequests(pod);
        long[] all = new long[nodes.size()];
        scorer.scoreAll(nodes, podRequests, all);
        for (int i = 0; i < all.length; i++) {
          NodeInfo node = nodes.get(i);
          long generic = scorer.score(node, podRequests, new long[resources.size()], new long[resources.size()]);
          String why = round + ", " + strategy.getKey() + ", useRequested " + useRequested + ", " + resources + ": pod "
              + pod.requests() + " on " + node.allocatable() + " with " + node.requested() + " (non-zero " + node.nonZeroRequested() + ")";
          assertThat(all[i]).as(why + ", scoreAll").isEqualTo(generic);
          assertThat(scorer.score(node, podRequests)).as(why + ", score").isEqualTo(generic);
        }
      }
    }
  }

  /** Allocatable sometimes 0 or missing; existing pods may over-commit it, or request nothing (non-zero defaults). */
  private static NodeInfo randomNode(Random r, String name) {
    Map<String, String> alloc = new HashMap<>(Map.of("pods", "110"));
    if (r.nextInt(6) > 0) alloc.put("cpu", r.nextInt(5) == 0 ? "0" : r.nextInt(8000) + "m");
    if (r.nextInt(6) > 0) alloc.put("memory", r.nextInt(5) == 0 ? "0" : r.nextInt(8192) + "Mi");
    if (r.nextBoolean()) alloc.put("ephemeral-storage", r.nextInt(5) + "Gi");
    if (r.nextBoolean()) alloc.put("example.com/gpu", String.valueOf(r.nextInt(4)));
    if (r.nextInt(3) == 0) alloc.put("hugepages-2Mi", r.nextInt(8) + "Mi");
    NodeInfo node = new NodeInfo(0, Nodes.node(name).allocatable(alloc).build());
    int existing = r.nextInt(6);
    for (int i = 0; i < existing; i++) node.addPod(PodInfo.of(Pods.pod("e" + i).requests(randomRequests(r)).build()));
    return node;
  }

  private static Map<String, String> randomRequests(Random r) {
    Map<String, String> out = new HashMap<>();
    if (r.nextInt(4) == 0) return out;
    if (r.nextInt(4) > 0) out.put("cpu", r.nextInt(4000) + "m");
    if (r.nextInt(4) > 0) out.put("memory", r.nextInt(4000) + "Mi");
    if (r.nextInt(4) == 0) out.put("ephemeral-storage", r.nextInt(3) + "Gi");
    if (r.nextInt(3) == 0) out.put("example.com/gpu", String.valueOf(r.nextInt(3)));
    if (r.nextInt(4) == 0) out.put("hugepages-2Mi", r.nextInt(4) + "Mi");
    return out;
  }
}
