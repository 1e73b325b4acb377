package io.kubesim.cluster;

import io.kubesim.api.Node;
import io.kubesim.api.labels.ZoneKey;
import io.kubesim.scheduler.framework.NodeInfo;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Upstream's {@code nodeTree}: nodes grouped by zone (zones in the order first seen, nodes in
 * insertion order) and listed round-robin across zones, so a partial scan of the list
 * ({@code percentageOfNodesToScore}) still samples every zone.
 */
final class NodeTree {
  private NodeTree() {}

  static String zoneOf(Node node) {
    return ZoneKey.of(node);
  }

  static List<NodeInfo> interleaveZones(Collection<NodeInfo> nodes) {
    Map<String, List<NodeInfo>> byZone = new LinkedHashMap<>();
    for (NodeInfo n : nodes) byZone.computeIfAbsent(zoneOf(n.node()), z -> new ArrayList<>()).add(n);
    List<Iterator<NodeInfo>> zones = new ArrayList<>();
    for (List<NodeInfo> z : byZone.values()) zones.add(z.iterator());
    List<NodeInfo> out = new ArrayList<>(nodes.size());
    while (out.size() < nodes.size()) {
      for (Iterator<NodeInfo> z : zones) {
        if (z.hasNext()) out.add(z.next());
      }
    }
    return List.copyOf(out);
  }
}
