package io.kubesim.kubelet;

import io.kubesim.kubelet.cm.cpumanager.CpuManagerState;
import io.kubesim.kubelet.cm.cpumanager.StaticPolicy;
import io.kubesim.kubelet.cm.topologymanager.HintProvider;
import io.kubesim.kubelet.cm.topologymanager.TopologyHint;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The CPU manager as a Topology Manager hint provider (upstream {@code cpu_manager.go} with the
 * static policy's pod-aware parts): decides how many exclusive CPUs a container wants and hands
 * the rest to {@link StaticPolicy}. With policy {@code none} ({@code policy == null}) it has no
 * preference and allocates nothing.
 */
final class CpuManager implements HintProvider<PodResources, ContainerResources> {
  private final StaticPolicy policy;
  private final CpuManagerState state;

  CpuManager(StaticPolicy policy, CpuManagerState state) {
    this.policy = policy;
    this.state = state;
  }

  /**
   * Exclusive CPUs wanted: the CPU request when the pod is Guaranteed and the request is a whole
   * number of CPUs ({@code 2000m} yes, {@code 977m} no), else 0 (upstream {@code guaranteedCPUs}).
   */
  static int guaranteedCpus(PodResources pod, ContainerResources c) {
    if (!pod.guaranteed()) return 0;
    if (c.cpuRequestMillis() % 1000 != 0) return 0;
    return (int) (c.cpuRequestMillis() / 1000);
  }

  /**
   * The pod's total: the larger of the biggest init container (plus the sidecars started before
   * it) and all app containers plus all sidecars (upstream {@code podGuaranteedCPUs}).
   */
  static int podGuaranteedCpus(PodResources pod) {
    int byInit = 0;
    int bySidecars = 0;
    for (ContainerResources c : pod.admissionOrder()) {
      if (!c.init()) continue;
      int n = guaranteedCpus(pod, c);
      if (c.restartable()) bySidecars += n;
      else if (bySidecars + n > byInit) byInit = bySidecars + n;
    }
    int byApps = 0;
    for (ContainerResources c : pod.admissionOrder()) if (!c.init()) byApps += guaranteedCpus(pod, c);
    return Math.max(byInit, byApps + bySidecars);
  }

  @Override
  public Map<String, List<TopologyHint>> getTopologyHints(PodResources pod, ContainerResources container) {
    if (policy == null) return null;
    return policy.getTopologyHints(state, pod.uid(), container.name(), guaranteedCpus(pod, container));
  }

  @Override
  public Map<String, List<TopologyHint>> getPodTopologyHints(PodResources pod) {
    if (policy == null) return null;
    Map<String, Integer> requested = new LinkedHashMap<>();
    for (ContainerResources c : pod.admissionOrder()) requested.put(c.name(), guaranteedCpus(pod, c));
    return policy.getPodTopologyHints(state, pod.uid(), requested, podGuaranteedCpus(pod));
  }

  @Override
  public void allocate(PodResources pod, ContainerResources container, TopologyHint affinity) {
    if (policy == null) return;
    policy.allocate(state, pod.uid(), container.name(), guaranteedCpus(pod, container), container.regularInit(),
        affinity.numaNodeAffinity());
  }
}
