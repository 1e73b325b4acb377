package io.kubesim.gui.view;

import io.kubesim.controllers.SimTime;
import io.kubesim.gui.model.Charts;
import io.kubesim.gui.model.Series;
import io.kubesim.metrics.Recorder;
import java.util.ArrayList;
import java.util.List;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.TextAlignment;

/**
 * Charts over the whole run, stacked: skew per spread constraint with its {@code maxSkew} as a
 * dashed line, pending pods, and (when nodes pin CPUs) the NUMA/socket-aligned share. Timeline
 * events are dotted lines; the selected moment is a blue line through every chart.
 */
public final class ChartsView extends CanvasView {
  static final double LEFT = 52, RIGHT = 16, TOP = 22, BOTTOM = 22;

  /** Line colours, none of them the blue of the selected moment. */
  static final Color[] LINES = {Color.rgb(230, 120, 0), Color.rgb(30, 150, 60), Color.rgb(150, 60, 180), Color.rgb(200, 40, 40),
    Color.rgb(0, 150, 150), Color.rgb(140, 100, 40), Color.rgb(220, 60, 160), Color.rgb(90, 90, 90)};

  private String title = "";
  private Charts charts;
  private List<Recorder.TimelineMark> marks = List.of();
  private long duration;
  private long time;

  /** A chart panel: its title, its lines, and the unit of its axis. */
  private record Panel(String title, List<Series> series, String unit) {}

  private java.util.function.LongConsumer onTimeClicked = t -> {};

  public ChartsView() {
    setId("charts-view");
    canvas.setOnMouseClicked(e -> {
      double pw = canvas.getWidth() - LEFT - RIGHT;
      if (charts == null || pw <= 0) return;
      double f = (e.getX() - LEFT) / pw;
      if (f >= 0 && f <= 1) onTimeClicked.accept(timeAt(f));
    });
  }

  /** Called with the time under a click, so a click on a chart moves every view there. */
  public void setOnTimeClicked(java.util.function.LongConsumer action) {
    onTimeClicked = action;
  }

  /** The time at a fraction of the time axis. */
  long timeAt(double fraction) {
    return Math.round(fraction * duration);
  }

  /** The x coordinate of a time, for tests that click it. */
  public double xOf(long t) {
    return LEFT + (canvas.getWidth() - LEFT - RIGHT) * t / duration;
  }

  public void show(String title, Charts charts, List<Recorder.TimelineMark> marks, long duration, long time) {
    this.title = title;
    this.charts = charts;
    this.marks = marks;
    this.duration = Math.max(1, duration);
    this.time = time;
    redraw();
  }

  @Override
  protected void draw(GraphicsContext g, double w, double h) {
    if (charts == null) return;
    List<Panel> panels = new ArrayList<>();
    boolean rollout = charts.skew().stream().anyMatch(x -> x.limit() == null);
    if (!charts.skew().isEmpty()) {
      panels.add(new Panel("skew per spread constraint" + (rollout ? ", all revisions and the new revision alone" : "") + " (dashed: maxSkew)", charts.skew(), "pods"));
    }
    panels.add(new Panel("pending pods", List.of(charts.pending()), "pods"));
    if (!charts.alignment().isEmpty()) panels.add(new Panel("pinned containers aligned to one NUMA node / socket", charts.alignment(), "%"));
    g.setTextBaseline(VPos.TOP);
    g.setFill(Palette.TEXT);
    g.setFont(Font.font("System", FontWeight.BOLD, 14));
    g.setTextAlign(TextAlignment.LEFT);
    g.fillText(title + "   t=" + SimTime.human(time), 6, 3);
    if (charts.skew().isEmpty()) {
      g.setFont(Font.font("System", 12));
      g.setFill(Palette.MUTED);
      g.fillText("(no workload has topology spread constraints)", 6 + CanvasView.textWidth(title + "   t=" + SimTime.human(time), Font.font("System", FontWeight.BOLD, 14)) + 20, 5);
    }
    double ph = (h - 22) / panels.size();
    for (int i = 0; i < panels.size(); i++) drawPanel(g, panels.get(i), 0, 22 + i * ph, w, ph);
  }

  private void drawPanel(GraphicsContext g, Panel p, double x, double y, double w, double h) {
    double px = x + LEFT, py = y + TOP, pw = w - LEFT - RIGHT, ph = h - TOP - BOTTOM;
    double max = 1;
    for (Series s : p.series()) max = Math.max(max, s.max());
    max = p.unit().equals("%") ? 100 : Math.max(4, 4 * Math.ceil(max * 1.1 / 4));
    g.setFont(Font.font("System", FontWeight.BOLD, 12));
    g.setFill(Palette.TEXT);
    g.setTextAlign(TextAlignment.LEFT);
    g.fillText(p.title(), px, y + 4);
    g.setStroke(Palette.TILE_BORDER);
    g.setLineWidth(1);
    g.strokeRect(px, py, pw, ph);
    g.setFont(Font.font("System", 10));
    g.setFill(Palette.MUTED);
    g.setTextAlign(TextAlignment.RIGHT);
    for (int k = 0; k <= 4; k++) {
      double v = max * k / 4, ly = py + ph - ph * k / 4;
      g.fillText(fmt(v), px - 4, ly - 6);
      g.setStroke(Color.rgb(235, 235, 240));
      if (k > 0 && k < 4) g.strokeLine(px, ly, px + pw, ly);
    }
    g.setTextAlign(TextAlignment.CENTER);
    for (int k = 0; k <= 6; k++) g.fillText(SimTime.human(duration * k / 6), px + pw * k / 6, py + ph + 4);
    g.setStroke(Palette.MUTED);
    g.setLineDashes(2, 3);
    for (Recorder.TimelineMark m : marks) {
      double mx = px + pw * m.time() / duration;
      g.strokeLine(mx, py, mx, py + ph);
    }
    g.setLineDashes(null);
    for (int i = 0; i < p.series().size(); i++) {
      Series s = p.series().get(i);
      Color c = LINES[i % LINES.length];
      drawSeries(g, s, c, px, py, pw, ph, max);
      legend(g, s.name() + " = " + fmt(s.valueAt(time)), c, px + pw - 8, py + 4 + i * 13);
    }
    g.setStroke(Palette.SELECTED);
    g.setLineWidth(2);
    double tx = px + pw * Math.min(time, duration) / duration;
    g.strokeLine(tx, py, tx, py + ph);
  }

  private void drawSeries(GraphicsContext g, Series s, Color c, double px, double py, double pw, double ph, double max) {
    if (s.limit() != null) {
      g.setStroke(c.deriveColor(0, 0.6, 1.2, 0.8));
      g.setLineDashes(6, 4);
      g.setLineWidth(1.2);
      double ly = py + ph - ph * s.limit() / max;
      g.strokeLine(px, ly, px + pw, ly);
      g.setLineDashes(null);
    }
    g.setStroke(c);
    g.setLineWidth(1.8);
    g.setLineCap(javafx.scene.shape.StrokeLineCap.BUTT);
    g.beginPath();
    boolean first = true;
    double lastY = py + ph;
    for (Series.Point pt : s.points()) {
      double sx = px + pw * pt.time() / duration, sy = py + ph - ph * pt.value() / max;
      if (first) g.moveTo(sx, sy);
      else {
        g.lineTo(sx, lastY);
        g.lineTo(sx, sy);
      }
      first = false;
      lastY = sy;
    }
    // The last value holds to the end of the run.
    if (!first) g.lineTo(px + pw, lastY);
    g.stroke();
  }

  private static void legend(GraphicsContext g, String text, Color c, double right, double y) {
    Font font = Font.font("System", 11);
    g.setFont(font);
    g.setTextAlign(TextAlignment.RIGHT);
    double tw = CanvasView.textWidth(text, font);
    g.setFill(Color.rgb(255, 255, 255, 0.85));
    g.fillRect(right - tw - 18, y - 1, tw + 20, 14);
    g.setFill(c);
    g.fillRect(right - tw - 15, y + 2, 10, 10);
    g.setFill(Palette.TEXT);
    g.fillText(text, right, y);
  }

  private static String fmt(double v) {
    return v == Math.rint(v) ? Long.toString((long) v) : String.format("%.1f", v);
  }
}
