package io.kubesim.scheduler;

import io.kubesim.scheduler.framework.NodeInfo;
import io.kubesim.scheduler.framework.Status;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The nodes Filter rejected in one cycle with their statuses, in the order they were filtered.
 * Kept as two arrays because most cycles reject hundreds of nodes and only need the count and the
 * rejecting plugins; the node name → status map upstream builds is made only when it is read (a
 * failed cycle, or a scheduler that records details).
 */
final class Rejections {
  private NodeInfo[] nodes = new NodeInfo[16];
  private Status[] statuses = new Status[16];
  private int size;

  void add(NodeInfo node, Status status) {
    if (size == nodes.length) {
      nodes = Arrays.copyOf(nodes, size * 2);
      statuses = Arrays.copyOf(statuses, size * 2);
    }
    nodes[size] = node;
    statuses[size] = status;
    size++;
  }

  /** Empties it for the next cycle, keeping its arrays. */
  void clear() {
    Arrays.fill(nodes, 0, size, null);
    Arrays.fill(statuses, 0, size, null);
    size = 0;
  }

  int size() {
    return size;
  }

  /** Node name → status, in filtering order (node names are unique within a cycle). */
  Map<String, Status> toMap() {
    Map<String, Status> out = new LinkedHashMap<>();
    for (int i = 0; i < size; i++) out.put(nodes[i].name(), statuses[i]);
    return out;
  }

  /** Adds the rejecting plugins' names in order of first rejection. */
  void addPluginsTo(Set<String> names) {
    String last = null;
    for (int i = 0; i < size; i++) {
      String plugin = statuses[i].plugin();
      // Consecutive rejections mostly come from the same plugin: skip the set lookup for a repeat.
      if (plugin != null && plugin != last) names.add(plugin);
      last = plugin;
    }
  }
}
