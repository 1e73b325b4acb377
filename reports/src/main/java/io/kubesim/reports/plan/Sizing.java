package io.kubesim.reports.plan;

import io.kubesim.api.Node;
import io.kubesim.api.ResourceNames;
import io.kubesim.scenarios.NodePool;
import io.kubesim.scenarios.Plan;
import io.kubesim.scenarios.Scenario;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The nodes a fewest-nodes question tries at a given size: the scenario's other nodes as they
 * are, plus the sized pool's first nodes (numbered and zoned as the pool numbers them), minus
 * the lost zones (the first ones in the pool's list, which hold the most nodes) and the nodes
 * down for maintenance (the first remaining ones by number).
 */
public record Sizing(Scenario scenario, Plan.FewestNodes question, NodePool pool) {

  public static Sizing of(Scenario s, Plan.FewestNodes q) {
    return new Sizing(s, q, s.nodePools().stream().filter(p -> p.name().equals(q.pool())).findFirst().orElseThrow());
  }

  public int poolCount(int size) {
    return question.per() == Plan.Per.zone ? size * pool.zones().size() : size;
  }

  /** The sized pool's nodes that are up at this size. */
  public List<Node> survivors(int size) {
    List<String> lost = pool.zones().subList(0, question.zonesLost());
    List<Node> up = new ArrayList<>();
    for (int i = 0; i < poolCount(size); i++) {
      Node n = pool.node(i);
      String zone = n.labels().get(ResourceNames.LABEL_ZONE);
      if (zone == null || !lost.contains(zone)) up.add(n);
    }
    return up.subList(Math.min(up.size(), question.nodesDown()), up.size());
  }

  public List<Node> others() {
    return scenario.nodes().stream().filter(n -> scenario.poolOfNode().get(n.name()) == null
        || !scenario.poolOfNode().get(n.name()).name().equals(pool.name())).toList();
  }

  public List<Node> nodes(int size) {
    List<Node> out = new ArrayList<>(others());
    out.addAll(survivors(size));
    return out;
  }

  /** The scenario's node → pool map, with every node the sized pool may get. */
  public Map<String, NodePool> poolOfNode() {
    Map<String, NodePool> out = new HashMap<>(scenario.poolOfNode());
    for (int i = 0; i < poolCount(question.max()); i++) out.put(pool.nodeName(i), pool);
    return out;
  }

  /** Zone → nodes (zone "" when unlabelled). */
  public static Map<String, Integer> perZone(List<String> nodeZones) {
    Map<String, Integer> out = new TreeMap<>();
    for (String z : nodeZones) out.merge(z == null ? "" : z, 1, Integer::sum);
    return out;
  }

  /** The smallest size whose surviving nodes hold at least {@code used} nodes in every zone; max + 1 when none. */
  public int smallestSize(Map<String, Integer> used) {
    for (int m = 1; m <= question.max(); m++) {
      Map<String, Integer> up = perZone(survivors(m).stream().map(n -> n.labels().get(ResourceNames.LABEL_ZONE)).toList());
      if (used.entrySet().stream().allMatch(e -> up.getOrDefault(e.getKey(), 0) >= e.getValue())) return m;
    }
    return question.max() + 1;
  }

  /** The smallest size with at least {@code count} surviving nodes; max + 1 when none. */
  public int sizeForNodes(int count) {
    for (int m = 1; m <= question.max(); m++) if (survivors(m).size() >= count) return m;
    return question.max() + 1;
  }
}
