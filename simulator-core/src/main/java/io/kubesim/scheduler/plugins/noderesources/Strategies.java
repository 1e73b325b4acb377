package io.kubesim.scheduler.plugins.noderesources;

import io.kubesim.scheduler.framework.ScorePlugin;
import io.kubesim.scheduler.plugins.helper.FunctionShape;
import java.util.ArrayList;
import java.util.List;

/**
 * NodeResourcesFit's scoring strategies (upstream {@code least_allocated.go},
 * {@code most_allocated.go}, {@code requested_to_capacity_ratio.go}). Each scores a resource on
 * 0..100 and takes the weighted average over resources the node has (integer arithmetic, except
 * RequestedToCapacityRatio which rounds a float average).
 */
final class Strategies {
  private Strategies() {}

  private static final long MAX = ScorePlugin.MAX_NODE_SCORE;
  private static final long MAX_UTILIZATION = 100;

  /** Free share: {@code (capacity - requested) * 100 / capacity}, 0 when over-committed. */
  static ResourceAllocationScorer.Strategy leastAllocated(List<ResourceSpec> resources) {
    return new WeightedAverage(weights(resources), true);
  }

  /** Used share: {@code min(requested, capacity) * 100 / capacity}. */
  static ResourceAllocationScorer.Strategy mostAllocated(List<ResourceSpec> resources) {
    return new WeightedAverage(weights(resources), false);
  }

  /**
   * The shape function of utilization ({@code requested * 100 / capacity}, 100 when over-committed);
   * shape scores 0..10 are scaled by 10. Resources scoring 0 drop out of the average, which is rounded.
   */
  static ResourceAllocationScorer.Strategy requestedToCapacityRatio(List<ResourceSpec> resources,
      List<NodeResourcesFitArgs.UtilizationShapePoint> shape) {
    List<FunctionShape.Point> points = new ArrayList<>();
    for (NodeResourcesFitArgs.UtilizationShapePoint p : shape) {
      points.add(new FunctionShape.Point(p.utilization(), (long) p.score() * (MAX / NodeResourcesFitArgs.MAX_CUSTOM_PRIORITY_SCORE)));
    }
    return new RequestedToCapacityRatio(weights(resources), new FunctionShape(points));
  }

  private static long[] weights(List<ResourceSpec> resources) {
    long[] out = new long[resources.size()];
    for (int i = 0; i < out.length; i++) out[i] = resources.get(i).weight();
    return out;
  }

  /**
   * LeastAllocated or MostAllocated: the weighted average (integer division) of the per-resource
   * score over the resources the node has. A class, not lambdas, so the per-node call is direct.
   */
  private record WeightedAverage(long[] weights, boolean least) implements ResourceAllocationScorer.Strategy {
    @Override
    public long score(long[] requested, long[] allocatable) {
      long nodeScore = 0;
      long weightSum = 0;
      for (int i = 0; i < requested.length; i++) {
        if (allocatable[i] == 0) continue;
        nodeScore += resourceScore(requested[i], allocatable[i]) * weights[i];
        weightSum += weights[i];
      }
      return weightSum == 0 ? 0 : nodeScore / weightSum;
    }

    @Override
    public long scoreCpuAndMemory(long requestedCpu, long allocatableCpu, long requestedMemory, long allocatableMemory) {
      long nodeScore = 0;
      long weightSum = 0;
      if (allocatableCpu != 0) {
        nodeScore += resourceScore(requestedCpu, allocatableCpu) * weights[0];
        weightSum += weights[0];
      }
      if (allocatableMemory != 0) {
        nodeScore += resourceScore(requestedMemory, allocatableMemory) * weights[1];
        weightSum += weights[1];
      }
      return weightSum == 0 ? 0 : nodeScore / weightSum;
    }

    private long resourceScore(long requested, long capacity) {
      return least ? leastRequestedScore(requested, capacity) : mostRequestedScore(requested, capacity);
    }
  }

  private record RequestedToCapacityRatio(long[] weights, FunctionShape fn) implements ResourceAllocationScorer.Strategy {
    @Override
    public long score(long[] requested, long[] allocatable) {
      long nodeScore = 0;
      long weightSum = 0;
      for (int i = 0; i < requested.length; i++) {
        long score = resourceScore(requested[i], allocatable[i]);
        if (score > 0) {
          nodeScore += score * weights[i];
          weightSum += weights[i];
        }
      }
      return weightSum == 0 ? 0 : Math.round((double) nodeScore / (double) weightSum);
    }

    @Override
    public long scoreCpuAndMemory(long requestedCpu, long allocatableCpu, long requestedMemory, long allocatableMemory) {
      long cpu = resourceScore(requestedCpu, allocatableCpu);
      long memory = resourceScore(requestedMemory, allocatableMemory);
      long nodeScore = 0;
      long weightSum = 0;
      if (cpu > 0) {
        nodeScore += cpu * weights[0];
        weightSum += weights[0];
      }
      if (memory > 0) {
        nodeScore += memory * weights[1];
        weightSum += weights[1];
      }
      return weightSum == 0 ? 0 : Math.round((double) nodeScore / (double) weightSum);
    }

    /** The shape's score of the utilization; 0 (left out) when the node has none of the resource. */
    private long resourceScore(long requested, long capacity) {
      if (capacity == 0) return 0;
      return requested > capacity ? fn.apply(MAX_UTILIZATION) : fn.apply(requested * MAX_UTILIZATION / capacity);
    }
  }

  static long leastRequestedScore(long requested, long capacity) {
    if (capacity == 0 || requested > capacity) return 0;
    return (capacity - requested) * MAX / capacity;
  }

  static long mostRequestedScore(long requested, long capacity) {
    if (capacity == 0) return 0;
    // Requested can exceed capacity because pods without requests count the non-zero defaults.
    return Math.min(requested, capacity) * MAX / capacity;
  }
}
