package io.kubesim.gui.model;

import java.util.List;

/**
 * One line of a chart: values over time.
 *
 * @param limit a horizontal line drawn with it (e.g. the constraint's {@code maxSkew}), or null
 */
public record Series(String name, List<Point> points, Integer limit) {
  public Series {
    points = List.copyOf(points);
  }

  public record Point(long time, double value) {}

  /** The value at {@code time}: the last point at or before it (0 before the first). */
  public double valueAt(long time) {
    double v = 0;
    for (Point p : points) {
      if (p.time() > time) break;
      v = p.value();
    }
    return v;
  }

  public double max() {
    double m = limit == null ? 0 : limit;
    for (Point p : points) m = Math.max(m, p.value());
    return m;
  }
}
