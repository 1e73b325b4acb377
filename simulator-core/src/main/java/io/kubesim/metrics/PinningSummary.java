package io.kubesim.metrics;

import io.kubesim.api.Pod;
import io.kubesim.kubelet.NodeCpuAdmission;
import io.kubesim.kubelet.PinningQuality;
import io.kubesim.sim.KubeletAdmitter;
import java.util.Collection;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * CPU pinning quality over the nodes whose kubelet pins CPUs (static CPU manager policy): how
 * many pods with exclusive CPUs stay within one NUMA node and one socket, what the kubelets
 * rejected and why, how many CPUs are still free for exclusive use and how many of those are
 * stranded for a request size.
 *
 * @param nodes nodes whose kubelet pins CPUs
 * @param pinnedPods admitted pods with at least one container on exclusive CPUs
 * @param numaAligned of those, pods whose every exclusive container stays within one NUMA node
 * @param socketAligned of those, pods whose every exclusive container stays within one socket
 * @param sharingPhysicalCore of those, pods with an exclusive container whose core's sibling
 *     thread runs something else
 * @param meanMemoryAccessCost mean over exclusive containers (1.0 = all memory local); null
 *     when no container has exclusive CPUs
 * @param freeExclusiveCpus CPUs still allocatable exclusively, summed over nodes
 * @param admissionFailures kubelet rejection reason (TopologyAffinityError, SMTAlignmentError,
 *     ...) → pods rejected
 * @param strandedCpusByNode request size (CPUs) → node → free CPUs that no further pod of that
 *     size could get, for every exclusive container size admitted and every size asked for;
 *     every pinning node is listed, zeros included
 */
public record PinningSummary(
    int nodes,
    int pinnedPods,
    int numaAligned,
    int socketAligned,
    int sharingPhysicalCore,
    Double meanMemoryAccessCost,
    int freeExclusiveCpus,
    Map<String, Integer> admissionFailures,
    Map<Integer, Map<String, Integer>> strandedCpusByNode) {

  public PinningSummary {
    admissionFailures = Collections.unmodifiableMap(new TreeMap<>(admissionFailures));
    TreeMap<Integer, Map<String, Integer>> stranded = new TreeMap<>();
    strandedCpusByNode.forEach((size, byNode) -> stranded.put(size, Collections.unmodifiableMap(new TreeMap<>(byNode))));
    strandedCpusByNode = Collections.unmodifiableMap(stranded);
  }

  /** Share of pinned pods within one NUMA node; null when no pod is pinned. */
  public Double numaAlignedShare() {
    return pinnedPods == 0 ? null : (double) numaAligned / pinnedPods;
  }

  /** Share of pinned pods within one socket; null when no pod is pinned. */
  public Double socketAlignedShare() {
    return pinnedPods == 0 ? null : (double) socketAligned / pinnedPods;
  }

  /** Request size (CPUs) → stranded CPUs summed over nodes. */
  public Map<Integer, Integer> strandedCpus() {
    Map<Integer, Integer> out = new TreeMap<>();
    strandedCpusByNode.forEach((size, byNode) -> out.put(size, byNode.values().stream().mapToInt(Integer::intValue).sum()));
    return out;
  }

  /**
   * The kubelets as they are now.
   *
   * @param admissionFailures rejections counted over the run ({@link Recorder#admissionFailures()})
   * @param strandedRequestSizes request sizes (CPUs) to count stranded CPUs for, besides the
   *     exclusive container sizes admitted
   */
  public static PinningSummary of(KubeletAdmitter kubelets, Map<String, Integer> admissionFailures, int... strandedRequestSizes) {
    int pinned = 0, numa = 0, socket = 0, sharing = 0, free = 0, containers = 0;
    double cost = 0;
    TreeSet<Integer> sizes = new TreeSet<>();
    for (int size : strandedRequestSizes) sizes.add(size);
    for (NodeCpuAdmission node : kubelets.nodes().values()) {
      free += node.allocatableCpus().size();
      for (String uid : node.admittedPods()) {
        boolean any = false, inNuma = true, inSocket = true, shares = false;
        for (PinningQuality q : node.pinning(uid)) {
          if (!q.exclusive()) continue;
          any = true;
          containers++;
          cost += q.memoryAccessCost();
          sizes.add(q.cpus().size());
          inNuma &= q.numaNodes().size() == 1;
          inSocket &= q.sockets().size() == 1;
          shares |= q.sharesPhysicalCore();
        }
        if (!any) continue;
        pinned++;
        if (inNuma) numa++;
        if (inSocket) socket++;
        if (shares) sharing++;
      }
    }
    Map<Integer, Map<String, Integer>> stranded = new TreeMap<>();
    for (int size : sizes) {
      Map<String, Integer> byNode = new TreeMap<>();
      kubelets.nodes().forEach((name, node) -> byNode.put(name, node.strandedCpus(size).size()));
      stranded.put(size, byNode);
    }
    return new PinningSummary(kubelets.nodes().size(), pinned, numa, socket, sharing, containers == 0 ? null : cost / containers, free,
        admissionFailures, stranded);
  }

  /**
   * The kubelets as they are now, admission failures read off {@code pods} (the Failed ones with a
   * reason: only those still in the cluster, where {@link Recorder#admissionFailures()} counts
   * every rejection).
   */
  public static PinningSummary of(KubeletAdmitter kubelets, Collection<Pod> pods, int... strandedRequestSizes) {
    Map<String, Integer> failures = new TreeMap<>();
    for (Pod p : pods) {
      if ("Failed".equals(p.status().phase()) && p.status().reason() != null) failures.merge(p.status().reason(), 1, Integer::sum);
    }
    return of(kubelets, failures, strandedRequestSizes);
  }
}
