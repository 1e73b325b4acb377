package io.kubesim.reports.plan;

import io.kubesim.api.Deployment;
import io.kubesim.api.Node;
import io.kubesim.api.OwnerReference;
import io.kubesim.api.Pod;
import io.kubesim.api.ReplicaSet;
import io.kubesim.api.StatefulSet;
import io.kubesim.cluster.Cluster;
import io.kubesim.metrics.PinningSummary;
import io.kubesim.scenarios.NodePool;
import io.kubesim.scenarios.ObjectRef;
import io.kubesim.scenarios.Plan;
import io.kubesim.scenarios.Scenario;
import io.kubesim.scenarios.run.Engines;
import io.kubesim.scenarios.run.ScenarioRunner;
import io.kubesim.scenarios.run.VariantResult;
import io.kubesim.sim.Simulation;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the default scheduler achieves with pods arriving in order, as in production: the scenario
 * replayed by the simulator (controllers, scheduling queue, kubelet admission and its retries) on
 * the given nodes, without its timeline, for its duration. It succeeds when every pod runs at the
 * end (and, when asked, every pinned pod is aligned).
 */
public final class GreedyRun {
  private GreedyRun() {}

  /**
   * @param placement workload key ("" for bare pods) → nodes of its Running pods
   */
  public record Outcome(boolean success, int running, int expected, String why, Map<String, List<String>> placement) {}

  public static Outcome run(Scenario s, List<Node> nodes, Map<String, NodePool> poolOfNode, ObjectRef grow, int extra, int expectedPods,
      Plan.Alignment aligned) {
    List<Object> objects = new ArrayList<>();
    for (Object o : s.objects()) objects.add(grown(o, grow, extra));
    Scenario derived = new Scenario(s.file(), s.name(), s.description(), s.variant(), s.variantDescription(), s.settings(), s.seed(),
        s.durationMs(), s.sampleIntervalMs(), Scenario.SampleOn.events, s.podTiming(), s.scheduler(), s.features(), s.nodePools(),
        nodes, poolOfNode, objects, List.of(), List.of(), null);
    Simulation[] sim = new Simulation[1];
    VariantResult r = new ScenarioRunner(Engines.DEFAULT).run(derived, ScenarioRunner.Progress.NONE, (x, k) -> sim[0] = x);
    Map<String, List<String>> placement = placement(sim[0].cluster());
    String why = null;
    if (r.runningAtEnd() < expectedPods) {
      why = (expectedPods - r.runningAtEnd()) + " of " + expectedPods + " pods not running"
          + (r.pendingReasonsAtEnd().isEmpty() ? "" : ": " + r.pendingReasonsAtEnd().keySet().iterator().next())
          + (r.admissionFailures().isEmpty() ? "" : "; admission failures " + r.admissionFailures());
    } else if (aligned != Plan.Alignment.none && r.pinning() != null) {
      PinningSummary p = r.pinning();
      int ok = aligned == Plan.Alignment.numa ? p.numaAligned() : p.socketAligned();
      if (ok < p.pinnedPods()) why = (p.pinnedPods() - ok) + " pinned pods not " + aligned + "-aligned";
    }
    return new Outcome(why == null, r.runningAtEnd(), expectedPods, why, placement);
  }

  private static Object grown(Object o, ObjectRef grow, int extra) {
    if (grow == null || extra == 0) return o;
    if (o instanceof Deployment d && grow.key().equals(PlanPods.key("Deployment", d.metadata().namespace(), d.metadata().name()))) {
      return d.withReplicas(d.spec().replicas() + extra);
    }
    if (o instanceof StatefulSet st && grow.key().equals(PlanPods.key("StatefulSet", st.metadata().namespace(), st.metadata().name()))) {
      return st.withReplicas(st.spec().replicas() + extra);
    }
    if (o instanceof ReplicaSet rs && grow.key().equals(PlanPods.key("ReplicaSet", rs.metadata().namespace(), rs.metadata().name()))) {
      return rs.withReplicas(rs.spec().replicas() + extra);
    }
    return o;
  }

  /** Running pods' nodes per workload, in pod name order. */
  private static Map<String, List<String>> placement(Cluster cluster) {
    Map<String, List<String>> out = new LinkedHashMap<>();
    List<Pod> pods = new ArrayList<>(cluster.pods());
    pods.sort(java.util.Comparator.comparing(Pod::key));
    Map<String, String> rsOwner = new HashMap<>();
    for (ReplicaSet rs : cluster.replicaSets()) {
      OwnerReference o = rs.metadata().controllerRef();
      rsOwner.put(rs.metadata().namespace() + "/" + rs.metadata().name(), o == null
          ? PlanPods.key("ReplicaSet", rs.metadata().namespace(), rs.metadata().name())
          : PlanPods.key(o.kind(), rs.metadata().namespace(), o.name()));
    }
    for (Pod p : pods) {
      if (!"Running".equals(p.status().phase()) || !p.isBound()) continue;
      OwnerReference o = p.metadata().controllerRef();
      String key = o == null ? "" : o.kind().equals("ReplicaSet") ? rsOwner.getOrDefault(p.namespace() + "/" + o.name(), "")
          : PlanPods.key(o.kind(), p.namespace(), o.name());
      out.computeIfAbsent(key, k -> new ArrayList<>()).add(p.spec().nodeName());
    }
    return out;
  }
}
