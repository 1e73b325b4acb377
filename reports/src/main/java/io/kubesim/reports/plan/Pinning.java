package io.kubesim.reports.plan;

import io.kubesim.api.Container;
import io.kubesim.api.Pod;
import io.kubesim.api.Quantity;
import io.kubesim.kubelet.KubeletConfiguration;
import io.kubesim.kubelet.NodeCpuAdmission;
import io.kubesim.kubelet.cm.cpuset.CpuSet;
import io.kubesim.kubelet.cm.topologymanager.TopologyManagerPolicyName;
import io.kubesim.scenarios.NodePool;
import io.kubesim.scenarios.Plan;
import java.util.Map;
import java.util.TreeMap;

/** What the solver needs to know of the kubelet's CPU pinning: exclusive CPUs per pod, CPUs per alignment cell. */
final class Pinning {
  private Pinning() {}

  /**
   * CPUs the static policy gives a pod exclusively: the integer CPU requests of a Guaranteed pod
   * (every container's requests equal its limits; a missing request defaults to the limit).
   */
  static int exclusiveCpus(Pod pod) {
    int cpus = 0;
    for (Container c : pod.spec().containers()) {
      Map<String, Quantity> lim = c.resources().limits();
      Map<String, Quantity> req = c.resources().requests();
      for (String r : new String[] {"cpu", "memory"}) {
        Quantity l = lim.get(r);
        if (l == null) return 0;
        Quantity q = req.getOrDefault(r, l);
        if (q.milliValue() != l.milliValue()) return 0;
      }
      Quantity cpu = lim.get("cpu");
      if (cpu.isInteger()) cpus += (int) cpu.value();
    }
    return cpus;
  }

  /**
   * Exclusive CPUs per alignment cell in cell order, or null when the node's kubelet does not
   * pin, or neither the question nor the Topology Manager asks for alignment.
   */
  static int[] cells(NodePool pool, Plan.Alignment aligned) {
    if (pool == null || !pool.pinsCpus()) return null;
    String policy = pool.kubelet().topologyManagerPolicy();
    boolean kubeletAligns = policy.equals(TopologyManagerPolicyName.SINGLE_NUMA_NODE.value())
        || policy.equals(TopologyManagerPolicyName.RESTRICTED.value());
    if (aligned == Plan.Alignment.none && !kubeletAligns) return null;
    boolean bySocket = aligned == Plan.Alignment.socket
        || (aligned == Plan.Alignment.none && "true".equals(pool.kubelet().cpuManagerPolicyOptions().get("align-by-socket")));
    CpuSet free = new NodeCpuAdmission(pool.hardware(), pool.kubelet()).allocatableCpus();
    Map<Integer, Integer> perCell = new TreeMap<>();
    for (int cpu : free.ids()) {
      var info = pool.hardware().info(cpu);
      perCell.merge(bySocket ? info.socket() : info.numaNode(), 1, Integer::sum);
    }
    return perCell.values().stream().mapToInt(Integer::intValue).toArray();
  }

  static boolean pins(KubeletConfiguration k) {
    return k.cpuManagerPolicy().equals(KubeletConfiguration.STATIC_POLICY);
  }
}
