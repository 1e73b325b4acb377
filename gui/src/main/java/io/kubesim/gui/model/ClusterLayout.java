package io.kubesim.gui.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Where the cluster view puts each node: regions stacked, zones side by side in a region, nodes
 * in a grid in their zone. The tile size is the largest that fits the whole cluster in the view,
 * so 5,000 nodes fit at a few pixels each; below {@link #DETAIL_TILE} a tile shows a summary
 * instead of its pods.
 */
public record ClusterLayout(double tile, List<Box> headers, List<Tile> tiles) {
  public static final double DETAIL_TILE = 28;
  static final double MAX_TILE = 200;
  static final double GAP = 3;
  static final double HEADER = 18;
  static final double PAD = 6;

  /** A node's tile. */
  public record Tile(NodeView node, double x, double y, double size) {
    public boolean contains(double px, double py) {
      return px >= x && px < x + size && py >= y && py < y + size;
    }
  }

  /** A region's or zone's heading, the area it spans and its nodes. */
  public record Box(String label, double x, double y, double w, double h, boolean region, List<NodeView> nodes) {}

  public boolean detailed() {
    return tile >= DETAIL_TILE;
  }

  /** The tile at a point, or null. */
  public Tile tileAt(double x, double y) {
    for (Tile t : tiles) if (t.contains(x, y)) return t;
    return null;
  }

  public Tile tileOf(String node) {
    for (Tile t : tiles) if (t.node().name().equals(node)) return t;
    return null;
  }

  public static ClusterLayout of(List<NodeView> nodes, double width, double height) {
    Map<String, Map<String, List<NodeView>>> byRegion = new TreeMap<>();
    for (NodeView n : nodes) byRegion.computeIfAbsent(n.region(), r -> new TreeMap<>()).computeIfAbsent(n.zone(), z -> new ArrayList<>()).add(n);
    // The largest whole-pixel size that fits (height only shrinks as tiles shrink).
    int lo = 2, hi = (int) MAX_TILE;
    while (lo < hi) {
      int mid = (lo + hi + 1) / 2;
      if (heightFor(byRegion, width, mid) <= height) lo = mid;
      else hi = mid - 1;
    }
    return place(byRegion, width, lo);
  }

  private static double heightFor(Map<String, Map<String, List<NodeView>>> byRegion, double width, double size) {
    double h = 0;
    for (Map<String, List<NodeView>> zones : byRegion.values()) h += regionHeight(zones, width, size);
    return h;
  }

  private static double regionHeight(Map<String, List<NodeView>> zones, double width, double size) {
    int perRow = perRow(width / zones.size(), size);
    int rows = 0;
    for (List<NodeView> z : zones.values()) rows = Math.max(rows, (z.size() + perRow - 1) / perRow);
    return 2 * HEADER + rows * (size + gap(size)) + 2 * PAD;
  }

  private static double gap(double size) {
    return size < 8 ? 1 : GAP;
  }

  private static int perRow(double columnWidth, double size) {
    return Math.max(1, (int) ((columnWidth - 2 * PAD) / (size + gap(size))));
  }

  private static ClusterLayout place(Map<String, Map<String, List<NodeView>>> byRegion, double width, double size) {
    List<Box> headers = new ArrayList<>();
    List<Tile> tiles = new ArrayList<>();
    double y = 0;
    for (Map.Entry<String, Map<String, List<NodeView>>> region : byRegion.entrySet()) {
      Map<String, List<NodeView>> zones = region.getValue();
      double h = regionHeight(zones, width, size);
      List<NodeView> all = new ArrayList<>();
      zones.values().forEach(all::addAll);
      headers.add(new Box(region.getKey().isEmpty() ? "(no region)" : region.getKey(), 0, y, width, h, true, List.copyOf(all)));
      double columnWidth = width / zones.size();
      int perRow = perRow(columnWidth, size);
      double x = 0;
      for (Map.Entry<String, List<NodeView>> zone : zones.entrySet()) {
        List<NodeView> ns = zone.getValue();
        headers.add(new Box(zone.getKey().isEmpty() ? "(no zone)" : zone.getKey(), x + 2, y + HEADER, columnWidth - 4, h - HEADER - 2, false, List.copyOf(ns)));
        for (int i = 0; i < ns.size(); i++) {
          double tx = x + PAD + (i % perRow) * (size + gap(size));
          double ty = y + 2 * HEADER + PAD + (i / perRow) * (size + gap(size));
          tiles.add(new Tile(ns.get(i), tx, ty, size));
        }
        x += columnWidth;
      }
      y += h;
    }
    return new ClusterLayout(size, List.copyOf(headers), List.copyOf(tiles));
  }
}
