package io.kubesim.gui;

/**
 * Which view a snapshot renders: {@code cluster}, {@code node:NAME} or {@code charts}.
 *
 * @param node the node's name for the node view, else null
 */
public record ViewSpec(Kind kind, String node) {
  public enum Kind { cluster, node, charts }

  public static final ViewSpec CLUSTER = new ViewSpec(Kind.cluster, null);

  /** @throws IllegalArgumentException naming what is accepted */
  public static ViewSpec parse(String text) {
    if (text.equals("cluster")) return CLUSTER;
    if (text.equals("charts")) return new ViewSpec(Kind.charts, null);
    if (text.startsWith("node:") && text.length() > "node:".length()) return new ViewSpec(Kind.node, text.substring("node:".length()));
    throw new IllegalArgumentException("--view: unknown view \"" + text + "\"; use cluster, node:NAME or charts");
  }
}
