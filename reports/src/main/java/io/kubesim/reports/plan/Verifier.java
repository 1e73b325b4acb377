package io.kubesim.reports.plan;

import io.kubesim.api.Node;
import io.kubesim.api.Pod;
import io.kubesim.cluster.Cluster;
import io.kubesim.kubelet.NodeCpuAdmission;
import io.kubesim.kubelet.PinningQuality;
import io.kubesim.scenarios.NodePool;
import io.kubesim.scenarios.Plan;
import io.kubesim.scenarios.Scenario;
import io.kubesim.scheduler.Framework;
import io.kubesim.scheduler.Registry;
import io.kubesim.scheduler.framework.CycleState;
import io.kubesim.scheduler.framework.PodInfo;
import io.kubesim.scheduler.framework.PreFilterResult;
import io.kubesim.scheduler.framework.Status;
import io.kubesim.sim.KubeletAdmitter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Re-checks a placement with the simulator itself: the nodes in a fresh cluster, the kubelets of
 * pools that pin CPUs, then the pods bound one by one, each only after the profile's PreFilter and
 * Filter plugins accept its node at that moment and its kubelet admits it (aligned, when asked).
 * Pods go in passes, largest exclusive request first, until every pod is bound or a pass binds
 * none: a placement passes when some order exists in which the scheduler and the kubelets accept
 * every step. A solver answer that fails here is a bug in the solver's model, never a result.
 */
public final class Verifier {
  private Verifier() {}

  /** Pods that could not be bound, each with why; empty when the placement passes. */
  public record Result(List<String> rejected) {
    public boolean passed() {
      return rejected.isEmpty();
    }
  }

  public static Result check(Scenario s, List<Node> nodes, Map<String, NodePool> poolOfNode, Map<Pod, String> placement,
      Plan.Alignment aligned) {
    Cluster cluster = new Cluster();
    KubeletAdmitter kubelets = new KubeletAdmitter();
    for (Node n : nodes) {
      cluster.addNode(n);
      NodePool pool = poolOfNode.get(n.name());
      if (pool != null && pool.pinsCpus()) kubelets.put(n.name(), new NodeCpuAdmission(pool.hardware(), pool.kubelet()));
    }
    Framework framework = Registry.framework(s.scheduler().plugins(), s.features());
    List<Map.Entry<Pod, String>> left = new ArrayList<>(placement.entrySet());
    left.sort(Comparator.comparingInt((Map.Entry<Pod, String> e) -> -Pinning.exclusiveCpus(e.getKey())).thenComparing(e -> e.getKey().key()));
    Map<String, String> lastReason = new java.util.HashMap<>();
    boolean progress = true;
    while (!left.isEmpty() && progress) {
      progress = false;
      for (var it = left.iterator(); it.hasNext(); ) {
        Map.Entry<Pod, String> e = it.next();
        String why = tryBind(cluster, kubelets, framework, e.getKey(), e.getValue(), aligned);
        if (why == null) {
          it.remove();
          progress = true;
        } else {
          lastReason.put(e.getKey().key(), why);
        }
      }
    }
    List<String> rejected = new ArrayList<>();
    for (Map.Entry<Pod, String> e : left) rejected.add(e.getKey().key() + " on " + e.getValue() + ": " + lastReason.get(e.getKey().key()));
    return new Result(rejected);
  }

  /** Binds the pod to the node as the scheduler and kubelet would; null when done, else why not. */
  private static String tryBind(Cluster cluster, KubeletAdmitter kubelets, Framework framework, Pod pod, String node, Plan.Alignment aligned) {
    if (cluster.node(node) == null) return "no node " + node;
    Pod unbound = pod.withNodeName(null);
    cluster.addPod(unbound);
    PodInfo info = PodInfo.of(unbound);
    CycleState state = new CycleState(cluster);
    PreFilterResult pre = framework.runPreFilterPlugins(state, info, cluster);
    String why = null;
    if (!pre.status().isSuccess()) {
      why = String.join("; ", pre.status().reasons());
    } else if (pre.nodeNames() != null && !pre.nodeNames().contains(node)) {
      why = "PreFilter " + framework.narrowedBy(state) + " leaves out the node";
    } else {
      Status st = framework.runFilterPlugins(state, info, cluster.get(node));
      if (!st.isSuccess()) why = st.plugin() + ": " + String.join("; ", st.reasons());
    }
    if (why == null) {
      io.kubesim.sim.PodAdmitter.Result r = kubelets.admit(unbound, cluster.node(node));
      if (!r.admitted()) {
        why = "kubelet: " + r.reason() + " " + r.message();
      } else if (aligned != Plan.Alignment.none && kubelets.node(node) != null && !alignedOn(kubelets.node(node), pod, aligned)) {
        kubelets.node(node).release(pod.metadata().uid());
        why = "kubelet admitted it but not " + aligned + "-aligned";
      }
    }
    if (why != null) {
      cluster.deletePod(unbound.key());
      return why;
    }
    cluster.bind(unbound.key(), node);
    return null;
  }

  private static boolean alignedOn(NodeCpuAdmission kubelet, Pod pod, Plan.Alignment aligned) {
    for (PinningQuality q : kubelet.pinning(pod.metadata().uid())) {
      if (!q.exclusive()) continue;
      int cells = aligned == Plan.Alignment.numa ? q.numaNodes().size() : q.sockets().size();
      if (cells != 1) return false;
    }
    return true;
  }
}
