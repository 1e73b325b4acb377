package io.kubesim.scheduler.plugins.helper;

import java.util.List;

/**
 * A piecewise-linear function through points sorted by utilization (upstream
 * {@code helper.FunctionShape} and {@code BuildBrokenLinearFunction}). Below the first point it is
 * the first score, above the last point the last score; in between it interpolates with integer
 * division.
 */
public record FunctionShape(List<Point> points) {

  /** @param utilization 0..100 @param score already scaled to the scheduler's 0..100 */
  public record Point(long utilization, long score) {}

  public FunctionShape {
    if (points.isEmpty()) throw new IllegalArgumentException("a function shape needs at least one point");
    points = List.copyOf(points);
  }

  public long apply(long p) {
    for (int i = 0; i < points.size(); i++) {
      Point cur = points.get(i);
      if (p <= cur.utilization()) {
        if (i == 0) return cur.score();
        Point prev = points.get(i - 1);
        return prev.score() + (cur.score() - prev.score()) * (p - prev.utilization()) / (cur.utilization() - prev.utilization());
      }
    }
    return points.get(points.size() - 1).score();
  }
}
