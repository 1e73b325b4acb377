package io.kubesim.gui.view;

import io.kubesim.controllers.SimTime;
import io.kubesim.gui.model.Frame;
import io.kubesim.gui.model.NodeCpus;
import io.kubesim.gui.model.NodeView;
import io.kubesim.gui.model.PodView;
import io.kubesim.kubelet.cm.topology.CpuInfo;
import io.kubesim.kubelet.cm.topology.CpuTopology;
import io.kubesim.kubelet.cm.topology.NumaDistances;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Tooltip;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.util.Duration;

/**
 * A node's inside: its state and pods, and for a node whose kubelet pins CPUs the grid sockets →
 * NUMA nodes → cores → SMT threads, each thread coloured by the container pinned to it, the
 * shared pool pale green and reserved CPUs dark grey. Hovering a NUMA node shows its distances.
 */
public final class NodeCpuView extends CanvasView {
  static final double HEAD = 64;

  private final Tooltip tooltip = new Tooltip();
  private final List<NumaBox> numaBoxes = new ArrayList<>();
  private Frame frame;
  private long time;
  private Palette palette;
  private NodeView node;
  private CpuTopology topology;
  private NodeCpus cpus;

  private final List<ThreadBox> threadBoxes = new ArrayList<>();
  private final Map<String, Integer> podShade = new HashMap<>();

  private record ThreadBox(int cpu, double x, double y, double w, double h) {
    boolean contains(double px, double py) {
      return px >= x && px < x + w && py >= y && py < y + h;
    }
  }

  private record NumaBox(int numa, int socket, double x, double y, double w, double h) {
    boolean contains(double px, double py) {
      return px >= x && px < x + w && py >= y && py < y + h;
    }
  }

  public NodeCpuView() {
    setId("node-view");
    tooltip.setShowDelay(Duration.millis(100));
    Tooltip.install(canvas, tooltip);
    canvas.setOnMouseMoved(e -> tooltip.setText(hoverText(e.getX(), e.getY())));
  }

  /** Shows {@code nodeName} at the frame; topology is null when the node does not pin CPUs. */
  public void show(Frame frame, Palette palette, String nodeName, CpuTopology topology, long time) {
    this.frame = frame;
    this.time = time;
    this.palette = palette;
    this.node = nodeName == null ? null : frame.node(nodeName);
    this.topology = topology;
    this.cpus = nodeName == null ? null : frame.cpus().get(nodeName);
    redraw();
  }

  /** The node shown, or null. */
  public NodeView node() {
    return node;
  }

  /** Whether the CPU grid is drawn (the node pins CPUs). */
  public boolean showsCpuGrid() {
    return topology != null && cpus != null;
  }

  /** The text shown when hovering a NUMA node: its id, socket and distance row. */
  public String hoverText(double x, double y) {
    for (NumaBox b : numaBoxes) {
      if (!b.contains(x, y)) continue;
      NumaDistances d = topology.numaDistances();
      StringBuilder s = new StringBuilder("NUMA node " + b.numa() + " (socket " + b.socket() + ")\n");
      for (ThreadBox t : threadBoxes) {
        if (t.contains(x, y)) s.append("CPU ").append(t.cpu()).append(" (core ").append(topology.info(t.cpu()).core()).append("): ").append(cpuOwner(t.cpu())).append('\n');
      }
      s.append("distances:");
      for (int other : d.nodes()) s.append("\n  to node ").append(other).append(": ").append(d.distance(b.numa(), other));
      return s.toString();
    }
    return node == null ? "" : node.name();
  }

  private String cpuOwner(int cpu) {
    if (cpus.reserved().contains(cpu)) return "reserved";
    String owner = cpus.owners().get(cpu);
    if (owner != null) return owner;
    return cpus.shared().contains(cpu) ? "shared pool" : "unassigned";
  }

  @Override
  protected void draw(GraphicsContext g, double w, double h) {
    numaBoxes.clear();
    threadBoxes.clear();
    podShade.clear();
    g.setTextBaseline(VPos.TOP);
    g.setFill(Palette.TEXT);
    if (node == null) {
      g.setFont(Font.font("System", 14));
      g.fillText(frame == null ? "" : "Select a node in the cluster view.", 10, 10);
      return;
    }
    palette.follow(frame);
    List<PodView> pods = frame.podsOn(node.name());
    long used = pods.stream().mapToLong(PodView::cpuMilli).sum();
    g.setFont(Font.font("System", FontWeight.BOLD, 14));
    g.fillText("node " + node.name() + "   zone " + node.zone() + "   t=" + SimTime.human(time), 8, 4);
    g.setFont(Font.font("System", 12));
    String state = (node.notReady() ? "NotReady" : "Ready") + (node.unschedulable() ? ", cordoned" : "");
    g.fillText(state + "   taints: " + ClusterView.taints(node) + "   pods: " + pods.size() + "   CPU requested " + used / 1000.0 + " of "
        + node.cpuMilli() / 1000.0, 8, 24);
    if (topology == null || cpus == null) {
      g.fillText("CPU manager policy none: every container shares all CPUs.", 8, 44);
      drawPodList(g, pods, 8, HEAD + 6, h);
      return;
    }
    g.fillText(topology.numSockets() + " socket(s), " + topology.numNumaNodes() + " NUMA node(s), " + topology.numCores() + " cores, "
        + topology.numCpus() + " CPUs;   exclusive " + cpus.owners().size() + ", shared pool " + cpus.shared().size() + ", reserved "
        + cpus.reserved().size(), 8, 42);
    double legendY = h - 20;
    drawGrid(g, 8, HEAD, w - 16, legendY - HEAD - 6);
    drawLegend(g, legendY);
  }

  private void drawPodList(GraphicsContext g, List<PodView> pods, double x, double y, double h) {
    for (PodView p : pods) {
      if (y > h - 16) break;
      g.setFill(palette.pod(p));
      g.fillRect(x, y + 2, 11, 11);
      g.setFill(Palette.TEXT);
      g.fillText(p.key() + "  " + p.phase() + (p.ready() ? "" : " (not ready)") + "  cpu " + p.cpuMilli() + "m  " + p.workload()
          + (p.revision().isEmpty() ? "" : " rev " + p.revision()), x + 16, y);
      y += 16;
    }
  }

  private void drawGrid(GraphicsContext g, double x0, double y0, double w, double h) {
    Map<String, PodView> byKey = new HashMap<>();
    for (PodView p : frame.podsOn(node.name())) byKey.put(p.key(), p);
    Map<Integer, Map<Integer, Map<Integer, List<CpuInfo>>>> tree = new TreeMap<>();
    for (CpuInfo c : topology.cpuInfos()) {
      tree.computeIfAbsent(c.socket(), s -> new TreeMap<>()).computeIfAbsent(c.numaNode(), n -> new TreeMap<>())
          .computeIfAbsent(c.core(), k -> new ArrayList<>()).add(c);
    }
    double socketW = w / tree.size();
    int si = 0;
    for (Map.Entry<Integer, Map<Integer, Map<Integer, List<CpuInfo>>>> socket : tree.entrySet()) {
      double sx = x0 + si++ * socketW;
      g.setStroke(Palette.TEXT);
      g.setLineWidth(1.5);
      g.strokeRoundRect(sx + 2, y0, socketW - 4, h, 8, 8);
      g.setFill(Palette.TEXT);
      g.setFont(Font.font("System", FontWeight.BOLD, 12));
      g.fillText("socket " + socket.getKey(), sx + 8, y0 + 3);
      int numas = socket.getValue().size();
      int cols = (int) Math.ceil(Math.sqrt(numas));
      int rows = (numas + cols - 1) / cols;
      double nw = (socketW - 16) / cols, nh = (h - 24) / rows;
      int ni = 0;
      for (Map.Entry<Integer, Map<Integer, List<CpuInfo>>> numa : socket.getValue().entrySet()) {
        double nx = sx + 8 + (ni % cols) * nw, ny = y0 + 20 + (ni / cols) * nh;
        ni++;
        numaBoxes.add(new NumaBox(numa.getKey(), socket.getKey(), nx, ny, nw - 4, nh - 4));
        g.setStroke(Palette.MUTED);
        g.setLineWidth(1);
        g.strokeRect(nx, ny, nw - 4, nh - 4);
        g.setFill(Palette.MUTED);
        g.setFont(Font.font("System", 11));
        g.fillText("NUMA " + numa.getKey(), nx + 4, ny + 2);
        drawCores(g, new ArrayList<>(numa.getValue().values()), nx + 4, ny + 18, nw - 12, nh - 26, byKey);
      }
    }
  }

  /** Cores in a grid; each core a box with its hardware threads side by side. */
  private void drawCores(GraphicsContext g, List<List<CpuInfo>> cores, double x, double y, double w, double h, Map<String, PodView> pods) {
    int threads = cores.stream().mapToInt(List::size).max().orElse(1);
    int perRow = 1;
    while (true) {
      double cw = w / perRow, rows = Math.ceil(cores.size() / (double) perRow);
      if (cw / threads <= (h / rows) * 1.6 || perRow >= cores.size()) break;
      perRow++;
    }
    double cw = w / perRow, ch = Math.min(h / Math.ceil(cores.size() / (double) perRow), cw / threads * 1.4 + 4);
    g.setFont(Font.font("System", Math.max(7, Math.min(10, cw / threads / 2.6))));
    for (int i = 0; i < cores.size(); i++) {
      double cx = x + (i % perRow) * cw, cy = y + (i / perRow) * ch;
      List<CpuInfo> core = cores.get(i);
      double tw = (cw - 4) / threads;
      for (int t = 0; t < core.size(); t++) {
        int cpu = core.get(t).cpu();
        g.setFill(threadColour(cpu, pods));
        g.fillRect(cx + 1 + t * tw, cy + 1, tw - 1, ch - 4);
        threadBoxes.add(new ThreadBox(cpu, cx + 1 + t * tw, cy + 1, tw - 1, ch - 4));
        if (tw >= 14 && ch >= 12) {
          g.setFill(cpus.reserved().contains(cpu) ? Color.WHITE : Palette.TEXT);
          g.fillText(Integer.toString(cpu), cx + 2 + t * tw, cy + 2);
        }
      }
      g.setStroke(Palette.TEXT);
      g.setLineWidth(1);
      g.strokeRect(cx + 0.5, cy + 0.5, cw - 2, ch - 2);
    }
  }

  private Color threadColour(int cpu, Map<String, PodView> pods) {
    if (cpus.reserved().contains(cpu)) return Palette.RESERVED;
    String owner = cpus.owners().get(cpu);
    if (owner != null) {
      PodView p = pods.get(owner.substring(0, owner.lastIndexOf('/')));
      if (p == null) return Color.GRAY;
      // Pods of one workload share its hue; alternating shades tell neighbouring containers apart.
      int shade = podShade.computeIfAbsent(owner, o -> podShade.size() % 4);
      return palette.pod(p).deriveColor(0, 1, 0.7 + 0.12 * shade, 1);
    }
    return cpus.shared().contains(cpu) ? Palette.SHARED_POOL : Color.WHITE;
  }

  private void drawLegend(GraphicsContext g, double y) {
    g.setFont(Font.font("System", 11));
    double x = 8;
    x = ClusterView.legendItem(g, x, y, Palette.SHARED_POOL, "shared pool");
    x = ClusterView.legendItem(g, x, y, Palette.RESERVED, "reserved");
    TreeMap<String, Color> used = new TreeMap<>();
    for (PodView p : frame.podsOn(node.name())) if (!p.workload().isEmpty()) used.put(p.workload(), palette.workload(p.workload()));
    for (Map.Entry<String, Color> e : used.entrySet()) x = ClusterView.legendItem(g, x, y, e.getValue(), e.getKey());
  }
}
