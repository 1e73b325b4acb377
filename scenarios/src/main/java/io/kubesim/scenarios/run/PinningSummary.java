package io.kubesim.scenarios.run;

import java.util.Map;

/**
 * CPU pinning at the end of a run, over the nodes whose kubelet pins CPUs.
 *
 * @param nodes nodes with the static CPU manager policy
 * @param pinnedPods running pods with at least one container on exclusive CPUs
 * @param numaAligned pinned pods whose every exclusive container stays within one NUMA node
 * @param socketAligned the same within one socket
 * @param sharingPhysicalCore pinned pods with a container whose core's sibling thread runs something else
 * @param meanMemoryAccessCost mean over exclusive containers (1.0 = all local)
 * @param freeExclusiveCpus CPUs still allocatable exclusively, summed over nodes
 * @param strandedCpus request size (CPUs) → CPUs left unusable for requests of that size, summed
 *     over nodes; for every exclusive container size seen
 */
public record PinningSummary(int nodes, int pinnedPods, int numaAligned, int socketAligned, int sharingPhysicalCore,
    double meanMemoryAccessCost, int freeExclusiveCpus, Map<Integer, Integer> strandedCpus) {

  public Double numaAlignedShare() {
    return pinnedPods == 0 ? null : (double) numaAligned / pinnedPods;
  }

  public Double socketAlignedShare() {
    return pinnedPods == 0 ? null : (double) socketAligned / pinnedPods;
  }
}
