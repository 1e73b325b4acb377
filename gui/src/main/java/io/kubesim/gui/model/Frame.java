package io.kubesim.gui.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The cluster as it stood after the simulation settled at {@code time}: immutable, so the JavaFX
 * thread reads it while the simulation thread builds the next one.
 *
 * @param nodes every node, in name order
 * @param pods every pod, in key order
 * @param cpus the CPUs of nodes whose kubelets pin them
 * @param events timeline events that ran since the previous frame
 */
public record Frame(long time, List<NodeView> nodes, List<PodView> pods, Map<String, NodeCpus> cpus, Alignment alignment, List<String> events,
    Map<String, List<PodView>> podsByNode, List<PodView> pending) {

  public static Frame of(long time, List<NodeView> nodes, List<PodView> pods, Map<String, NodeCpus> cpus, Alignment alignment, List<String> events) {
    Map<String, List<PodView>> byNode = new HashMap<>();
    List<PodView> pending = new ArrayList<>();
    for (PodView p : pods) {
      if (p.isPending()) pending.add(p);
      else if (!p.node().isEmpty()) byNode.computeIfAbsent(p.node(), n -> new ArrayList<>()).add(p);
    }
    byNode.replaceAll((n, l) -> Collections.unmodifiableList(l));
    return new Frame(time, List.copyOf(nodes), List.copyOf(pods), Map.copyOf(cpus), alignment, List.copyOf(events),
        Collections.unmodifiableMap(byNode), List.copyOf(pending));
  }

  public List<PodView> podsOn(String node) {
    return podsByNode.getOrDefault(node, List.of());
  }

  /** The node called {@code name}, or null. */
  public NodeView node(String name) {
    for (NodeView n : nodes) if (n.name().equals(name)) return n;
    return null;
  }
}
