package io.kubesim.gui.view;

import io.kubesim.api.Taint;
import io.kubesim.controllers.SimTime;
import io.kubesim.gui.model.ClusterLayout;
import io.kubesim.gui.model.ClusterLayout.Box;
import io.kubesim.gui.model.ClusterLayout.Tile;
import io.kubesim.gui.model.Frame;
import io.kubesim.gui.model.NodeView;
import io.kubesim.gui.model.PodView;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.TextAlignment;

/**
 * The cluster by topology: region → zone → node tiles with their pods. Large tiles show each
 * pod as a square (workload hue; old revisions pale and struck through); small tiles show how
 * full the node is, split into new- and old-revision shares. Cordoned nodes have an orange
 * border, NotReady nodes a red one and a cross, tainted nodes a purple corner.
 */
public final class ClusterView extends CanvasView {
  static final double TITLE = 22;
  static final double LEGEND = 22;
  static final int LEGEND_WORKLOADS = 8;
  static final double PENDING = 24;
  /** Aggregated tiles whose pods belong to many workloads. */
  static final Color MIXED = Color.rgb(90, 110, 150);

  private final StringProperty selectedNode = new SimpleStringProperty(this, "selectedNode");
  private String title = "";
  private long time;
  private Frame frame;
  private Palette palette;
  private ClusterLayout layout;

  public ClusterView() {
    setId("cluster-view");
    canvas.setOnMouseClicked(e -> {
      if (layout == null) return;
      Tile t = layout.tileAt(e.getX(), e.getY() - TITLE);
      if (t != null) selectedNode.set(t.node().name());
    });
    selectedNode.addListener((o, a, b) -> redraw());
    javafx.scene.control.Tooltip tip = new javafx.scene.control.Tooltip();
    tip.setShowDelay(javafx.util.Duration.millis(150));
    javafx.scene.control.Tooltip.install(canvas, tip);
    canvas.setOnMouseMoved(e -> tip.setText(describe(e.getX(), e.getY())));
  }

  public StringProperty selectedNodeProperty() {
    return selectedNode;
  }

  /** Shows the frame current at {@code time}. */
  public void show(String title, Frame frame, Palette palette, long time) {
    this.title = title;
    this.time = time;
    this.frame = frame;
    this.palette = palette;
    redraw();
  }

  /** The current layout (null before the first frame): where each node's tile is, in canvas coordinates below the title. */
  public ClusterLayout tiles() {
    return layout;
  }

  private double layoutBottom() {
    double bottom = 0;
    for (Box b : layout.headers()) bottom = Math.max(bottom, b.y() + b.h());
    return bottom;
  }

  /** The height the last drawing used: title, zones, pending strip and legend (snapshots crop to it). */
  public double contentHeight() {
    if (layout == null) return getHeight();
    return TITLE + layoutBottom() + (frame.pending().isEmpty() ? 0 : PENDING + 4) + LEGEND + 6;
  }

  /** What hovering shows at a point: the node, its zone, state, taints and pods by workload. */
  public String describe(double x, double y) {
    Tile t = layout == null ? null : layout.tileAt(x, y - TITLE);
    if (t == null) return "";
    NodeView n = t.node();
    List<PodView> pods = frame.podsOn(n.name());
    Map<String, Integer> byWorkload = new TreeMap<>();
    for (PodView p : pods) byWorkload.merge(p.workload().isEmpty() ? "(no workload)" : p.workload(), 1, Integer::sum);
    StringBuilder s = new StringBuilder(n.name() + "  (zone " + n.zone() + ")\n");
    s.append(n.notReady() ? "NotReady" : "Ready").append(n.unschedulable() ? ", cordoned" : "").append("\ntaints: ").append(taints(n));
    s.append("\n").append(pods.size()).append(" pods");
    byWorkload.forEach((w, c) -> s.append("\n  ").append(w).append(": ").append(c));
    return s.toString();
  }

  /** The centre of a node's tile in this view's coordinates, for tests that click it. */
  public double[] centreOf(String node) {
    Tile t = layout.tileOf(node);
    return new double[] {t.x() + t.size() / 2, TITLE + t.y() + t.size() / 2};
  }

  @Override
  protected void draw(GraphicsContext g, double w, double h) {
    if (frame == null) return;
    palette.follow(frame);
    g.setTextBaseline(VPos.TOP);
    g.setTextAlign(TextAlignment.LEFT);
    g.setFill(Palette.TEXT);
    g.setFont(Font.font("System", FontWeight.BOLD, 14));
    g.fillText(title + "   t=" + SimTime.human(time) + "   " + frame.nodes().size() + " nodes, " + (frame.pods().size() - frame.pending().size())
        + " pods bound, " + frame.pending().size() + " pending", 6, 3, w - 12);
    double pendingStrip = frame.pending().isEmpty() ? 0 : PENDING;
    layout = ClusterLayout.of(frame.nodes(), w, h - TITLE - LEGEND - pendingStrip);
    g.save();
    g.translate(0, TITLE);
    int maxPods = 1;
    for (NodeView n : frame.nodes()) maxPods = Math.max(maxPods, frame.podsOn(n.name()).size());
    for (Box b : layout.headers()) drawHeader(g, b);
    for (Tile t : layout.tiles()) drawTile(g, t, maxPods);
    g.restore();
    if (pendingStrip > 0) drawPending(g, w, TITLE + layoutBottom() + 4);
    drawLegend(g, w, h);
  }

  private void drawHeader(GraphicsContext g, Box b) {
    g.setFont(Font.font("System", b.region() ? FontWeight.BOLD : FontWeight.NORMAL, 12));
    if (b.region()) {
      g.setFill(Palette.MUTED);
      g.fillText("region " + b.label(), b.x() + 4, b.y() + 2);
    } else {
      g.setStroke(Palette.TILE_BORDER);
      g.setLineWidth(1);
      g.strokeRoundRect(b.x(), b.y(), b.w(), b.h(), 6, 6);
      g.setFill(Palette.TEXT);
      int pods = 0;
      for (NodeView n : b.nodes()) pods += frame.podsOn(n.name()).size();
      // Pods per zone: what the zone spread constraints compare.
      g.fillText("zone " + b.label() + "   " + b.nodes().size() + " nodes, " + pods + " pods", b.x() + 6, b.y() + 2, b.w() - 12);
    }
  }

  private void drawTile(GraphicsContext g, Tile t, int maxPods) {
    NodeView n = t.node();
    double x = t.x(), y = t.y(), s = t.size();
    List<PodView> pods = frame.podsOn(n.name());
    g.setFill(n.notReady() ? Color.rgb(250, 225, 225) : Palette.TILE);
    g.fillRect(x, y, s, s);
    if (layout.detailed()) drawPods(g, t, pods);
    else drawFill(g, t, pods, maxPods);
    boolean selected = n.name().equals(selectedNode.get());
    Color border = selected ? Palette.SELECTED : n.notReady() ? Palette.NOT_READY : n.unschedulable() ? Palette.CORDONED : Palette.TILE_BORDER;
    double lw = selected ? 3 : (n.notReady() || n.unschedulable()) ? 2 : 1;
    if (s >= 4 || selected || n.notReady() || n.unschedulable()) {
      g.setStroke(border);
      g.setLineWidth(Math.min(lw, Math.max(1, s / 4)));
      g.strokeRect(x + 0.5, y + 0.5, s - 1, s - 1);
    }
    if (n.notReady() && s >= 6) {
      g.setStroke(Palette.NOT_READY);
      g.setLineWidth(1.5);
      g.strokeLine(x + 2, y + 2, x + s - 2, y + s - 2);
      g.strokeLine(x + s - 2, y + 2, x + 2, y + s - 2);
    }
    if (n.unschedulable() && layout.detailed()) {
      g.setStroke(Palette.CORDONED);
      g.setLineDashes(4, 3);
      g.setLineWidth(1);
      g.strokeRect(x + 3.5, y + 3.5, s - 7, s - 7);
      g.setLineDashes(null);
    }
    if (!n.userTaints().isEmpty() && s >= 6) {
      double c = Math.max(4, s / 5);
      g.setFill(Palette.TAINTED);
      g.fillPolygon(new double[] {x + s - c, x + s, x + s}, new double[] {y, y, y + c}, 3);
    }
    if (layout.detailed()) {
      g.setFill(Palette.TEXT);
      g.setFont(Font.font("System", Math.max(8, Math.min(11, s / 7))));
      g.fillText(shortName(n.name(), s), x + 2, y + s - 13, s - 4);
      String state = (n.notReady() ? "NotReady " : "") + (n.unschedulable() ? "cordoned " : "");
      if (!n.userTaints().isEmpty()) state += n.userTaints().get(0) + (n.userTaints().size() > 1 ? " +" + (n.userTaints().size() - 1) : "");
      if (!state.isEmpty() && s >= 60) {
        g.setFill(n.notReady() ? Palette.NOT_READY : Palette.TAINTED);
        g.fillText(state.trim(), x + 2, y + s - 26, s - 4);
      }
    }
  }

  /** One square per pod, in a grid filling the upper part of the tile. */
  private void drawPods(GraphicsContext g, Tile t, List<PodView> pods) {
    if (pods.isEmpty()) return;
    double inner = t.size() - 6, area = inner - 12;
    int perRow = (int) Math.ceil(Math.sqrt(pods.size() * inner / Math.max(1, area)));
    double cell = Math.min(inner / perRow, Math.max(30, t.size() / 5));
    for (int i = 0; i < pods.size(); i++) {
      PodView p = pods.get(i);
      double px = t.x() + 3 + (i % perRow) * cell, py = t.y() + 3 + (i / perRow) * cell;
      if (py + cell > t.y() + t.size() - 12) break;
      g.setFill(palette.pod(p));
      g.fillRect(px + 1, py + 1, cell - 2, cell - 2);
      if (!palette.isNewest(p)) {
        // Old revision: pale, outlined in the workload's hue and struck through.
        g.setStroke(palette.workload(p.workload()).darker());
        g.setLineWidth(1.5);
        g.strokeRect(px + 1.5, py + 1.5, cell - 3, cell - 3);
        g.strokeLine(px + 2, py + cell - 2, px + cell - 2, py + 2);
      }
      if (p.terminating() && cell >= 10) {
        g.setStroke(Palette.TEXT);
        g.setLineDashes(2, 2);
        g.setLineWidth(1);
        g.strokeRect(px + 1.5, py + 1.5, cell - 3, cell - 3);
        g.setLineDashes(null);
      }
    }
  }

  /**
   * Small tiles aggregate: a bar from the bottom as high as the node is full (against the fullest
   * node), solid for the newest revisions and pale for older ones, in the hue of the node's main
   * workload (slate when no workload has half its pods). Two rectangles per node, whatever it runs.
   */
  private void drawFill(GraphicsContext g, Tile t, List<PodView> pods, int maxPods) {
    if (pods.isEmpty()) return;
    // Boyer-Moore majority vote: the workload with more than half the pods, without a map per tile.
    int fresh = 0, votes = 0;
    String main = null;
    for (PodView p : pods) {
      if (palette.isNewest(p)) fresh++;
      if (votes == 0) main = p.workload();
      votes += p.workload().equals(main) ? 1 : -1;
    }
    int mainCount = 0;
    for (PodView p : pods) if (p.workload().equals(main)) mainCount++;
    Color c = 2 * mainCount >= pods.size() ? palette.workload(main) : MIXED;
    double s = t.size(), unit = s / maxPods, hNew = fresh * unit, hOld = (pods.size() - fresh) * unit;
    g.setFill(c);
    g.fillRect(t.x(), t.y() + s - hNew, s, hNew);
    g.setFill(c.deriveColor(0, 0.35, 1.15, 1));
    g.fillRect(t.x(), t.y() + s - hNew - hOld, s, hOld);
  }

  /** Pending pods as a strip of squares, oldest first, so waiting shows without opening the pods tab. */
  private void drawPending(GraphicsContext g, double w, double y) {
    g.setFont(Font.font("System", FontWeight.BOLD, 12));
    g.setFill(Palette.NOT_READY);
    String label = frame.pending().size() + " pending:";
    g.fillText(label, 6, y + 4);
    double x = 14 + textWidth(label, g.getFont());
    for (PodView p : frame.pending()) {
      if (x > w - 16) break;
      g.setFill(palette.pod(p));
      g.fillRect(x, y + 3, 14, 14);
      g.setStroke(Palette.NOT_READY);
      g.setLineWidth(1);
      g.strokeRect(x + 0.5, y + 3.5, 13, 13);
      x += 17;
    }
  }

  private static String shortName(String name, double size) {
    int max = (int) (size / 6);
    return name.length() <= max ? name : "…" + name.substring(name.length() - Math.max(1, max - 1));
  }

  private void drawLegend(GraphicsContext g, double w, double h) {
    double x = 6, y = h - LEGEND + 5;
    g.setFont(Font.font("System", 11));
    int shown = 0, hidden = 0;
    for (Map.Entry<String, Color> e : new TreeMap<>(palette.workloads()).entrySet()) {
      if (e.getKey().isEmpty()) continue;
      // Room is kept for the state items that follow.
      if (shown < LEGEND_WORKLOADS && x + textWidth(e.getKey(), g.getFont()) < w - 520) {
        x = legendItem(g, x, y, e.getValue(), e.getKey());
        shown++;
      } else {
        hidden++;
      }
    }
    if (hidden > 0) {
      g.setFill(Palette.MUTED);
      g.fillText("+" + hidden + " more", x, y);
      x += textWidth("+" + hidden + " more", g.getFont()) + 12;
    }
    if (!layout.detailed()) x = legendItem(g, x, y, MIXED, "mixed workloads");
    Color any = palette.workloads().values().stream().findFirst().orElse(Color.GRAY);
    double oldX = x + 8;
    x = legendItem(g, oldX, y, any.deriveColor(0, 0.35, 1.15, 1), "old revision");
    g.setStroke(any.darker());
    g.setLineWidth(1.5);
    g.strokeRect(oldX + 0.5, y + 1.5, 10, 10);
    g.strokeLine(oldX + 1, y + 11, oldX + 10, y + 2);
    x = legendItem(g, x, y, Palette.CORDONED, "cordoned");
    x = legendItem(g, x, y, Palette.NOT_READY, "NotReady");
    legendItem(g, x, y, Palette.TAINTED, "tainted");
  }

  static double legendItem(GraphicsContext g, double x, double y, Color c, String label) {
    g.setTextBaseline(VPos.TOP);
    g.setFill(c);
    g.fillRect(x, y + 1, 11, 11);
    g.setFill(Palette.TEXT);
    g.fillText(label, x + 15, y);
    return x + 15 + textWidth(label, g.getFont()) + 14;
  }

  /** The taints of a node as text, for the node panel. */
  static String taints(NodeView n) {
    return n.taints().isEmpty() ? "none" : String.join(", ", n.taints().stream().map(Taint::toString).toList());
  }
}
