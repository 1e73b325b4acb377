package io.kubesim.reports.plan;

import io.kubesim.api.Node;
import io.kubesim.api.Pod;
import io.kubesim.api.ResourceNames;
import io.kubesim.reports.plan.solver.NodeSlot;
import io.kubesim.reports.plan.solver.Placement;
import io.kubesim.reports.plan.solver.PodSlot;
import io.kubesim.scenarios.NodePool;
import io.kubesim.scenarios.Plan;
import io.kubesim.scenarios.Scenario;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.optaplanner.core.api.score.buildin.hardmediumsoft.HardMediumSoftScore;

/** Answers a scenario's plan questions, variant by variant. */
public final class Planner {
  private final Solve.Limits limits;
  private final Consumer<String> progress;

  /** @param timeLimitMs overrides the file's time limit when not null */
  public Planner(Scenario s, Long timeLimitMs, Consumer<String> progress) {
    Plan p = s.plan();
    this.limits = new Solve.Limits(timeLimitMs != null ? timeLimitMs : p.timeLimitMs(), p.stepLimit(), s.seed());
    this.progress = progress;
  }

  public List<Answer> answer(Scenario s) {
    List<Answer> out = new ArrayList<>();
    for (Plan.Question q : s.plan().questions()) {
      progress.accept("== " + s.variant() + " / " + q.name());
      out.add(q instanceof Plan.FewestNodes f ? fewest(s, f) : headroom(s, (Plan.Headroom) q));
    }
    return out;
  }

  // ---------------------------------------------------------------- fewest nodes

  private Answer fewest(Scenario s, Plan.FewestNodes q) {
    Sizing z = Sizing.of(s, q);
    List<PlanPod> pods = PlanPods.of(s.objects(), null, 0);
    Bounds lb = Bounds.fewest(z, pods);
    int lbSize = Math.max(1, z.sizeForNodes(lb.nodes()));
    String unit = q.per() == Plan.Per.zone ? "nodes per zone" : "nodes";
    Integer greedy = null;
    String greedyNote = "";
    GreedyRun.Outcome greedyRun = null;
    for (int n = Math.min(lbSize, q.max()); n <= q.max(); n++) {
      List<Node> nodes = z.nodes(n);
      GreedyRun.Outcome o = GreedyRun.run(s, nodes, z.poolOfNode(), null, 0, pods.size(), q.aligned());
      progress.accept("greedy " + n + " " + unit + ": " + (o.success() ? "every pod runs" : o.why()));
      if (o.success()) {
        greedy = n;
        greedyRun = o;
        break;
      }
      greedyNote = "fails up to " + n + ": " + o.why();
    }
    int size = greedy != null ? greedy : q.max();
    List<Node> nodes = z.nodes(size);
    Map<String, NodePool> poolOfNode = z.poolOfNode();
    Set<String> counted = new HashSet<>();
    for (Node n : z.survivors(size)) counted.add(n.name());
    boolean perZone = q.per() == Plan.Per.zone;
    Placement problem = Problem.build(s, nodes, poolOfNode, pods, q.aligned(), perZone ? new Problem.Weights(1000, 1) : new Problem.Weights(0, 1),
        counted);
    if (greedyRun != null) warmStart(problem, greedyRun.placement());
    int zonesUp = Math.max(1, z.pool().zones().size() - q.zonesLost());
    int lbZone = perZone ? (lb.nodes() + zonesUp - 1) / zonesUp : 0;
    // Stop once the answer's unit meets the bound: the fullest zone (however many nodes the others use), or the nodes used.
    HardMediumSoftScore bound = HardMediumSoftScore.of(0, -(perZone ? lbZone * 1000 + lbZone * zonesUp : lb.nodes()), Integer.MIN_VALUE);
    if (lb.infeasible() != null && greedy == null) {
      progress.accept("solver: skipped, " + lb.infeasible());
      return new Answer(q.name(), "fewestNodes", s.variant(), unit, null, greedyNote, null, "not run: the bound proves no size works", lbSize,
          "infeasible: " + lb.infeasible(), false, 0, "", true, List.of(), Map.of(), lb.infeasible());
    }
    Solve.Outcome solved = Solve.run(problem, limits, bound, m -> progress.accept("solver: " + m));
    Placement best = solved.best();
    Integer optimal = null;
    String optimalNote = "";
    Map<String, Integer> used = new java.util.TreeMap<>();
    Verifier.Result check = new Verifier.Result(List.of());
    if (best.getScore().hardScore() < 0) {
      optimalNote = "no valid placement found on " + size + " " + unit + " within the limits (score " + best.getScore() + ")";
    } else {
      Set<NodeSlot> usedNodes = new HashSet<>();
      for (PodSlot p : best.getPods()) if (p.getNode() != null && counted.contains(p.getNode().name())) usedNodes.add(p.getNode());
      for (NodeSlot n : usedNodes) used.merge(n.labels().getOrDefault(ResourceNames.LABEL_ZONE, ""), 1, Integer::sum);
      optimal = z.smallestSize(used);
      check = Verifier.check(s, nodes, poolOfNode, assignment(best), q.aligned());
      optimalNote = usedNodes.size() + " pool nodes used" + (used.size() > 1 ? " " + used : "");
    }
    String boundNote = lb.infeasible() != null ? "infeasible: " + lb.infeasible() : "from " + lb.why() + " (" + lb.nodes() + " pool nodes up)";
    boolean proven = optimal != null && optimal <= lbSize;
    return new Answer(q.name(), "fewestNodes", s.variant(), unit, greedy, greedy != null ? "" : greedyNote, optimal, optimalNote, lbSize,
        boundNote, proven, solved.millis(), String.valueOf(best.getScore()), check.passed(), check.rejected(), used, lb.infeasible());
  }

  // ---------------------------------------------------------------- headroom

  private Answer headroom(Scenario s, Plan.Headroom q) {
    List<PlanPod> base = PlanPods.of(s.objects(), q.workload(), 0);
    String workload = q.workload().key();
    int ub = Bounds.headroom(s.nodes(), n -> Pinning.cells(s.poolOfNode().get(n), Plan.Alignment.none), base, workload, q.max());
    GreedyRun.Outcome zero = GreedyRun.run(s, s.nodes(), s.poolOfNode(), q.workload(), 0, base.size(), Plan.Alignment.none);
    Integer greedy = null;
    GreedyRun.Outcome best = null;
    String greedyNote = "";
    if (!zero.success()) {
      greedyNote = "the workloads do not all run today: " + zero.why();
    } else {
      int lo = 0, hi = q.max();
      best = zero;
      while (lo < hi) {
        int mid = (lo + hi + 1) / 2;
        GreedyRun.Outcome o = GreedyRun.run(s, s.nodes(), s.poolOfNode(), q.workload(), mid, base.size() + mid, Plan.Alignment.none);
        progress.accept("greedy +" + mid + ": " + (o.success() ? "every pod runs" : o.why()));
        if (o.success()) {
          lo = mid;
          best = o;
        } else {
          hi = mid - 1;
        }
      }
      greedy = lo;
    }
    List<PlanPod> pods = PlanPods.of(s.objects(), q.workload(), q.max());
    Placement problem = Problem.build(s, s.nodes(), s.poolOfNode(), pods, Plan.Alignment.none, Problem.Weights.NONE, Set.of());
    if (best != null) warmStart(problem, best.placement());
    HardMediumSoftScore bound = HardMediumSoftScore.of(0, -(q.max() - ub), Integer.MIN_VALUE);
    Solve.Outcome solved = Solve.run(problem, limits, bound, m -> progress.accept("solver: " + m));
    Integer optimal = null;
    String optimalNote = "";
    Verifier.Result check = new Verifier.Result(List.of());
    if (solved.score().hardScore() < 0) {
      optimalNote = "no valid placement of today's pods found within the limits (score " + solved.score() + ")";
    } else {
      optimal = (int) solved.best().getPods().stream().filter(p -> p.extra() && p.getNode() != null).count();
      check = Verifier.check(s, s.nodes(), s.poolOfNode(), assignment(solved.best()), Plan.Alignment.none);
    }
    return new Answer(q.name(), "headroom", s.variant(), "extra replicas of " + q.workload(), greedy, greedyNote, optimal, optimalNote, ub,
        "upper bound from free resources and spread", optimal != null && optimal >= ub, solved.millis(), String.valueOf(solved.score()),
        check.passed(), check.rejected(), Map.of(), null);
  }

  // ---------------------------------------------------------------- helpers

  /** Starts the solver from the default scheduler's placement: each workload's pods on the nodes its Running pods had. */
  static void warmStart(Placement problem, Map<String, List<String>> placement) {
    Map<String, NodeSlot> byName = new HashMap<>();
    for (NodeSlot n : problem.getNodes()) byName.put(n.name(), n);
    Map<String, Integer> next = new HashMap<>();
    for (PodSlot p : problem.getPods()) {
      if (p.isPinned()) continue;
      String w = workloadOf(p);
      List<String> nodes = placement.getOrDefault(w, List.of());
      int i = next.merge(w, 1, Integer::sum) - 1;
      if (i < nodes.size()) p.setNode(byName.get(nodes.get(i)));
    }
  }

  private static String workloadOf(PodSlot p) {
    Pod pod = p.pod();
    var o = pod.metadata().controllerRef();
    if (o == null) return "";
    if (o.kind().equals("StatefulSet")) return PlanPods.key("StatefulSet", pod.namespace(), o.name());
    String rs = o.name();
    String hash = pod.labels().get(io.kubesim.controllers.deployment.PodTemplateHash.LABEL);
    if (hash != null && rs.endsWith("-" + hash)) return PlanPods.key("Deployment", pod.namespace(), rs.substring(0, rs.length() - hash.length() - 1));
    return PlanPods.key("ReplicaSet", pod.namespace(), rs);
  }

  static Map<Pod, String> assignment(Placement p) {
    Map<Pod, String> out = new LinkedHashMap<>();
    for (PodSlot s : p.getPods()) if (s.getNode() != null) out.put(s.pod(), s.getNode().name());
    return out;
  }
}
