package io.kubesim.reports.html;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Rectangle;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.category.StackedBarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.renderer.xy.XYStepRenderer;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.svg.SVGGraphics2D;

/**
 * The report's charts, drawn by JFreeChart into JFreeSVG: inline SVG that needs no script or font
 * from anywhere. Every chart is a step chart over simulated minutes (values hold until the next
 * sample) or a bar chart.
 */
public final class Charts {
  private Charts() {}

  static {
    System.setProperty("java.awt.headless", "true");
  }

  public static final int WIDTH = 760;
  public static final int HEIGHT = 300;
  private static final Color[] PALETTE = {new Color(0x1f77b4), new Color(0xd62728), new Color(0x2ca02c), new Color(0xff7f0e),
      new Color(0x9467bd), new Color(0x8c564b), new Color(0xe377c2), new Color(0x17becf)};

  /** A line over time: x in simulated ms, y a value. */
  public record Line(String name, List<double[]> points) {}

  /** A moment on the time axis (a timeline event), drawn as a labelled vertical line. */
  public record Mark(long timeMs, String label) {}

  /** A phase on the time axis (a rollout in progress), drawn as a shaded band. */
  public record Band(long fromMs, long toMs, String label) {}

  /**
   * A step chart of {@code lines} over simulated minutes, with {@code limit} (e.g. maxSkew) as a
   * dashed horizontal line when not null and the marks as vertical lines.
   */
  public static String steps(String title, String yLabel, List<Line> lines, Double limit, String limitLabel, List<Mark> marks) {
    return svg(stepChart(title, yLabel, lines, limit, limitLabel, marks, List.of()), WIDTH, HEIGHT);
  }

  public static String steps(String title, String yLabel, List<Line> lines, Double limit, String limitLabel, List<Mark> marks,
      List<Band> bands) {
    return svg(stepChart(title, yLabel, lines, limit, limitLabel, marks, bands), WIDTH, HEIGHT);
  }

  public static JFreeChart stepChart(String title, String yLabel, List<Line> lines, Double limit, String limitLabel, List<Mark> marks,
      List<Band> bands) {
    XYSeriesCollection data = new XYSeriesCollection();
    for (Line l : lines) {
      XYSeries s = new XYSeries(l.name(), true, true);
      for (double[] p : l.points()) s.addOrUpdate(p[0] / 60_000.0, p[1]);
      data.addSeries(s);
    }
    JFreeChart chart = ChartFactory.createXYLineChart(title, "simulated minutes", yLabel, data, PlotOrientation.VERTICAL, true, false, false);
    XYPlot plot = chart.getXYPlot();
    XYStepRenderer r = new XYStepRenderer();
    for (int i = 0; i < lines.size(); i++) {
      r.setSeriesPaint(i, PALETTE[i % PALETTE.length]);
      r.setSeriesStroke(i, new BasicStroke(2f));
    }
    plot.setRenderer(r);
    ((NumberAxis) plot.getRangeAxis()).setStandardTickUnits(NumberAxis.createIntegerTickUnits());
    if (limit != null) {
      ValueMarker m = new ValueMarker(limit, new Color(0xb00020), new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 1f,
          new float[] {6f, 4f}, 0f));
      m.setLabel(limitLabel);
      m.setLabelAnchor(RectangleAnchor.TOP_RIGHT);
      m.setLabelTextAnchor(TextAnchor.BOTTOM_RIGHT);
      plot.addRangeMarker(m);
      NumberAxis axis = (NumberAxis) plot.getRangeAxis();
      axis.setUpperBound(Math.max(axis.getUpperBound(), limit + 1));
    }
    for (Mark mk : marks) {
      ValueMarker m = new ValueMarker(mk.timeMs() / 60_000.0, Color.GRAY, new BasicStroke(1f));
      m.setLabel(shorten(mk.label()));
      m.setLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 9));
      m.setLabelAnchor(RectangleAnchor.TOP_LEFT);
      m.setLabelTextAnchor(TextAnchor.TOP_LEFT);
      plot.addDomainMarker(m);
    }
    for (Band b : bands) {
      org.jfree.chart.plot.IntervalMarker m = new org.jfree.chart.plot.IntervalMarker(b.fromMs() / 60_000.0, b.toMs() / 60_000.0,
          new Color(255, 200, 0, 50));
      m.setLabel(shorten(b.label()));
      m.setLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 9));
      m.setLabelAnchor(RectangleAnchor.BOTTOM_LEFT);
      m.setLabelTextAnchor(TextAnchor.BOTTOM_LEFT);
      plot.addDomainMarker(m, org.jfree.chart.ui.Layer.BACKGROUND);
    }
    style(chart);
    return chart;
  }

  /** Stacked bars: categories along x, one stacked segment per series. */
  public static String stackedBars(String title, String yLabel, DefaultCategoryDataset data) {
    JFreeChart chart = ChartFactory.createStackedBarChart(title, null, yLabel, data, PlotOrientation.VERTICAL, true, false, false);
    CategoryPlot plot = chart.getCategoryPlot();
    StackedBarRenderer r = (StackedBarRenderer) plot.getRenderer();
    r.setBarPainter(new StandardBarPainter());
    r.setShadowVisible(false);
    for (int i = 0; i < data.getRowCount(); i++) r.setSeriesPaint(i, PALETTE[i % PALETTE.length]);
    ((NumberAxis) plot.getRangeAxis()).setStandardTickUnits(NumberAxis.createIntegerTickUnits());
    if (data.getColumnCount() > 6) plot.getDomainAxis().setCategoryLabelPositions(CategoryLabelPositions.UP_45);
    style(chart);
    return svg(chart, WIDTH, HEIGHT);
  }

  /** Grouped bars: one bar per series within each category. */
  public static String bars(String title, String yLabel, DefaultCategoryDataset data) {
    return svg(barChart(title, yLabel, data), WIDTH, HEIGHT);
  }

  public static JFreeChart barChart(String title, String yLabel, DefaultCategoryDataset data) {
    JFreeChart chart = ChartFactory.createBarChart(title, null, yLabel, data, PlotOrientation.VERTICAL, true, false, false);
    CategoryPlot plot = chart.getCategoryPlot();
    org.jfree.chart.renderer.category.BarRenderer r = (org.jfree.chart.renderer.category.BarRenderer) plot.getRenderer();
    r.setBarPainter(new StandardBarPainter());
    r.setShadowVisible(false);
    for (int i = 0; i < data.getRowCount(); i++) r.setSeriesPaint(i, PALETTE[i % PALETTE.length]);
    style(chart);
    return chart;
  }

  private static void style(JFreeChart chart) {
    chart.setBackgroundPaint(Color.WHITE);
    chart.getTitle().setFont(new Font(Font.SANS_SERIF, Font.BOLD, 13));
    chart.getPlot().setBackgroundPaint(new Color(0xfafafa));
    if (chart.getPlot() instanceof XYPlot p) {
      p.setDomainGridlinePaint(new Color(0xdddddd));
      p.setRangeGridlinePaint(new Color(0xdddddd));
    } else if (chart.getPlot() instanceof CategoryPlot p) {
      p.setRangeGridlinePaint(new Color(0xdddddd));
    }
  }

  private static String shorten(String s) {
    return s.length() <= 28 ? s : s.substring(0, 27) + "…";
  }

  /**
   * The chart as an SVG element (no XML declaration, no external references). Its ids (clip
   * paths) derive from the title, not from the clock, so the same run gives the same page.
   */
  public static String svg(JFreeChart chart, int width, int height) {
    SVGGraphics2D g = new SVGGraphics2D(width, height);
    String title = chart.getTitle() == null ? "" : chart.getTitle().getText();
    g.setDefsKeyPrefix("c" + Integer.toHexString(title.hashCode()) + "-");
    chart.draw(g, new Rectangle(0, 0, width, height));
    return g.getSVGElement();
  }

  /** The chart as PNG bytes (for pictures in the README). */
  public static byte[] png(JFreeChart chart, int width, int height) throws java.io.IOException {
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    org.jfree.chart.ChartUtils.writeChartAsPNG(out, chart, width, height);
    return out.toByteArray();
  }
}
