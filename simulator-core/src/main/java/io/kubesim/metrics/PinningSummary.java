package io.kubesim.metrics;

import io.kubesim.api.Pod;
import io.kubesim.kubelet.NodeCpuAdmission;
import io.kubesim.kubelet.PinningQuality;
import io.kubesim.sim.KubeletAdmitter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * CPU pinning quality over the nodes that pin CPUs: how many Guaranteed pods with exclusive CPUs
 * sit within one NUMA node and within one socket, what admission rejected and why, and how many
 * free CPUs are stranded for a request size.
 *
 * @param pinnedPods pods holding exclusive CPUs
 * @param numaAlignedPods of those, pods whose exclusive CPUs all lie in one NUMA node
 * @param socketAlignedPods of those, pods whose exclusive CPUs all lie in one socket
 * @param sharedCorePods of those, pods with a container sharing a physical core with another container
 * @param meanMemoryAccessCost average over pinned containers (1.0 = all local)
 * @param admissionFailures reason (e.g. TopologyAffinityError) → pods rejected by the kubelet
 * @param strandedRequestSize the request size stranded CPUs are counted for
 * @param strandedCpus free CPUs per node that no further pod of that size could get
 */
public record PinningSummary(
    int pinnedPods,
    int numaAlignedPods,
    int socketAlignedPods,
    int sharedCorePods,
    double meanMemoryAccessCost,
    Map<String, Integer> admissionFailures,
    int strandedRequestSize,
    Map<String, Integer> strandedCpus) {

  public double numaAlignedShare() {
    return pinnedPods == 0 ? 1.0 : (double) numaAlignedPods / pinnedPods;
  }

  public double socketAlignedShare() {
    return pinnedPods == 0 ? 1.0 : (double) socketAlignedPods / pinnedPods;
  }

  public int totalStrandedCpus() {
    return strandedCpus.values().stream().mapToInt(Integer::intValue).sum();
  }

  /**
   * @param pods every pod of the cluster (failed ones carry the kubelet's reason)
   * @param strandedRequestSize CPUs per hypothetical pod when counting stranded CPUs
   */
  public static PinningSummary of(KubeletAdmitter kubelets, Collection<Pod> pods, int strandedRequestSize) {
    int pinned = 0, numa = 0, socket = 0, shared = 0, containers = 0;
    double cost = 0;
    Map<String, Integer> stranded = new TreeMap<>();
    for (Map.Entry<String, NodeCpuAdmission> e : kubelets.nodes().entrySet()) {
      NodeCpuAdmission node = e.getValue();
      for (String uid : node.admittedPods()) {
        List<PinningQuality> exclusive = new ArrayList<>();
        for (PinningQuality q : node.pinning(uid)) {
          if (q.exclusive()) exclusive.add(q);
        }
        if (exclusive.isEmpty()) continue;
        pinned++;
        if (exclusive.stream().map(PinningQuality::numaNodes).reduce(io.kubesim.kubelet.cm.cpuset.CpuSet::union).orElseThrow().size() == 1) numa++;
        if (exclusive.stream().map(PinningQuality::sockets).reduce(io.kubesim.kubelet.cm.cpuset.CpuSet::union).orElseThrow().size() == 1) socket++;
        if (exclusive.stream().anyMatch(PinningQuality::sharesPhysicalCore)) shared++;
        for (PinningQuality q : exclusive) {
          cost += q.memoryAccessCost();
          containers++;
        }
      }
      stranded.put(e.getKey(), node.strandedCpus(strandedRequestSize).size());
    }
    Map<String, Integer> failures = new TreeMap<>();
    for (Pod p : pods) {
      if ("Failed".equals(p.status().phase()) && p.status().reason() != null) failures.merge(p.status().reason(), 1, Integer::sum);
    }
    return new PinningSummary(pinned, numa, socket, shared, containers == 0 ? 1.0 : cost / containers, failures, strandedRequestSize, stranded);
  }
}
