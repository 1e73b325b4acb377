package io.kubesim.reports.plan;

import io.kubesim.api.Node;
import io.kubesim.api.PodSpec;
import io.kubesim.api.ResourceNames;
import io.kubesim.api.TopologySpreadConstraint;
import io.kubesim.api.labels.RequiredNodeAffinity;
import io.kubesim.cluster.Cluster;
import io.kubesim.reports.plan.solver.NodeSlot;
import io.kubesim.reports.plan.solver.Placement;
import io.kubesim.reports.plan.solver.PodSlot;
import io.kubesim.reports.plan.solver.SpreadGroup;
import io.kubesim.scenarios.NodePool;
import io.kubesim.scenarios.Plan;
import io.kubesim.scenarios.Scenario;
import io.kubesim.scheduler.Framework;
import io.kubesim.scheduler.Registry;
import io.kubesim.scheduler.framework.CycleState;
import io.kubesim.scheduler.framework.NodeInfo;
import io.kubesim.scheduler.framework.PodInfo;
import io.kubesim.scheduler.framework.PreFilterResult;
import io.kubesim.scheduler.framework.Resource;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Builds the solver's problem from a scenario, the candidate nodes and the pods. Which node a
 * pod may go to at all is asked of the scheduler's own Filter plugins on the empty cluster (so
 * taints, affinity, selectors, ports and a request larger than the node come from the simulator,
 * not from a second implementation); what depends on other pods (resources in use, spread,
 * CPU cells) is the solver's constraints.
 */
public final class Problem {
  /** Medium-level weights: the fullest zone, each node used. */
  public record Weights(int zone, int node) {
    public static final Weights NONE = new Weights(0, 0);
  }

  private Problem() {}

  public static Placement build(Scenario s, List<Node> nodes, Map<String, NodePool> poolOfNode, List<PlanPod> pods, Plan.Alignment aligned,
      Weights weights, Set<String> countedNodes) {
    Cluster cluster = new Cluster();
    for (Node n : nodes) cluster.addNode(n);
    Framework framework = Registry.framework(s.scheduler().plugins(), s.features());
    Map<String, NodeSlot.Zone> zones = new HashMap<>();
    List<NodeSlot> slots = new ArrayList<>();
    Map<String, NodeSlot> byName = new HashMap<>();
    for (NodeInfo ni : cluster.nodeInfos()) {
      Node n = ni.node();
      Resource a = ni.allocatable();
      boolean counted = countedNodes.contains(n.name());
      String zone = n.labels().get(ResourceNames.LABEL_ZONE);
      NodeSlot.Zone z = zone == null || !counted ? null : zones.computeIfAbsent(zone, k -> new NodeSlot.Zone(k, weights.zone()));
      NodeSlot slot = new NodeSlot(slots.size(), n.name(), n.labels(), a.milliCpu(), a.memory(), a.allowedPodNumber(),
          Pinning.cells(poolOfNode.get(n.name()), aligned), counted ? weights.node() : 0, z);
      slots.add(slot);
      byName.put(n.name(), slot);
    }
    Map<PodSpec, BitSet> eligibility = new HashMap<>();
    Map<String, List<SpreadGroup>> groups = new LinkedHashMap<>();
    List<PodSlot> podSlots = new ArrayList<>();
    for (PlanPod p : pods) {
      BitSet eligible = eligibility.computeIfAbsent(p.pod().spec(), spec -> eligible(framework, cluster, p, slots));
      List<SpreadGroup> g = p.workload().isEmpty() ? List.of() : groups.computeIfAbsent(p.workload(), w -> groups(w, p, nodes));
      PodInfo info = PodInfo.of(p.pod());
      podSlots.add(new PodSlot(p.pod(), info.requests().milliCpu(), info.requests().memory(), Pinning.exclusiveCpus(p.pod()), p.extra(),
          eligible, g, p.fixed() ? byName.get(p.pod().spec().nodeName()) : null));
    }
    List<SpreadGroup> all = new ArrayList<>();
    groups.values().forEach(all::addAll);
    return new Placement(slots, all, podSlots);
  }

  private static BitSet eligible(Framework framework, Cluster cluster, PlanPod p, List<NodeSlot> slots) {
    BitSet out = new BitSet();
    PodInfo info = PodInfo.of(p.pod());
    CycleState state = new CycleState(cluster);
    PreFilterResult pre = framework.runPreFilterPlugins(state, info, cluster);
    if (!pre.status().isSuccess()) return out;
    for (NodeInfo ni : cluster.nodeInfos()) {
      if (pre.nodeNames() != null && !pre.nodeNames().contains(ni.name())) continue;
      if (framework.runFilterPlugins(state, info, ni).isSuccess()) out.set(indexOf(slots, ni.name()));
    }
    return out;
  }

  private static int indexOf(List<NodeSlot> slots, String name) {
    for (NodeSlot s : slots) if (s.name().equals(name)) return s.index();
    throw new IllegalStateException(name);
  }

  /** The workload's DoNotSchedule constraints; domains from the nodes its node inclusion policies admit. */
  private static List<SpreadGroup> groups(String workload, PlanPod p, List<Node> nodes) {
    List<SpreadGroup> out = new ArrayList<>();
    List<TopologySpreadConstraint> cs = p.pod().spec().topologySpreadConstraints();
    RequiredNodeAffinity affinity = RequiredNodeAffinity.of(p.pod());
    for (int i = 0; i < cs.size(); i++) {
      TopologySpreadConstraint c = cs.get(i);
      if (!TopologySpreadConstraint.DO_NOT_SCHEDULE.equals(c.whenUnsatisfiable())) continue;
      boolean honorAffinity = !TopologySpreadConstraint.IGNORE.equals(c.nodeAffinityPolicy());
      boolean honorTaints = TopologySpreadConstraint.HONOR.equals(c.nodeTaintsPolicy());
      Map<String, String> domainOfNode = new HashMap<>();
      for (Node n : nodes) {
        String d = n.labels().get(c.topologyKey());
        if (d == null) continue;
        if (honorAffinity && !affinity.matches(n)) continue;
        if (honorTaints && !n.spec().taints().isEmpty()) continue;
        domainOfNode.put(n.name(), d);
      }
      int domains = (int) domainOfNode.values().stream().distinct().count();
      out.add(new SpreadGroup(workload + "#" + i, c.topologyKey(), c.maxSkew(), c.minDomains() == null ? 1 : c.minDomains(), domainOfNode, domains));
    }
    return out;
  }
}
