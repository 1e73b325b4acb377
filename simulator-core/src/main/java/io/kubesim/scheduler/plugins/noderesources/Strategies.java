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
    long[] weights = weights(resources);
    return (requested, allocatable) -> weightedAverage(weights, requested, allocatable, Strategies::leastRequestedScore);
  }

  /** Used share: {@code min(requested, capacity) * 100 / capacity}. */
  static ResourceAllocationScorer.Strategy mostAllocated(List<ResourceSpec> resources) {
    long[] weights = weights(resources);
    return (requested, allocatable) -> weightedAverage(weights, requested, allocatable, Strategies::mostRequestedScore);
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
    FunctionShape fn = new FunctionShape(points);
    return (requested, allocatable) -> {
      long nodeScore = 0;
      long weightSum = 0;
      for (int i = 0; i < requested.length; i++) {
        if (allocatable[i] == 0) continue;
        long capacity = allocatable[i];
        long score = requested[i] > capacity ? fn.apply(MAX_UTILIZATION) : fn.apply(requested[i] * MAX_UTILIZATION / capacity);
        if (score > 0) {
          long weight = resources.get(i).weight();
          nodeScore += score * weight;
          weightSum += weight;
        }
      }
      if (weightSum == 0) return 0;
      return Math.round((double) nodeScore / (double) weightSum);
    };
  }

  private interface ResourceScore {
    long score(long requested, long capacity);
  }

  private static long[] weights(List<ResourceSpec> resources) {
    long[] out = new long[resources.size()];
    for (int i = 0; i < out.length; i++) out[i] = resources.get(i).weight();
    return out;
  }

  private static long weightedAverage(long[] weights, long[] requested, long[] allocatable, ResourceScore fn) {
    long nodeScore = 0;
    long weightSum = 0;
    for (int i = 0; i < requested.length; i++) {
      if (allocatable[i] == 0) continue;
      long weight = weights[i];
      nodeScore += fn.score(requested[i], allocatable[i]) * weight;
      weightSum += weight;
    }
    return weightSum == 0 ? 0 : nodeScore / weightSum;
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
