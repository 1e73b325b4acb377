package io.kubesim.kubelet;

import io.kubesim.kubelet.cm.cpuset.CpuSet;

/**
 * How well one running container is pinned.
 *
 * @param podUid the pod
 * @param containerName the container
 * @param exclusive it owns its CPUs (static policy); otherwise it runs on the shared pool
 * @param cpus the CPUs it may run on (its exclusive set, or the current shared pool)
 * @param numaNodes NUMA nodes those CPUs span
 * @param sockets sockets they span
 * @param uncoreCaches uncore (L3) caches they span
 * @param sharesPhysicalCore a sibling hardware thread of one of its cores may run another
 *     container: it belongs to another running container's exclusive set or to the shared pool
 *     (for a shared-pool container: another container uses the pool, or a pool core has an
 *     exclusively assigned thread)
 * @param memoryAccessCost expected memory latency relative to local access (1.0 = all local):
 *     memory is assumed spread evenly over the NUMA nodes the CPUs span (no Memory Manager; pages
 *     land where the touching threads run), and each CPU's average distance to those nodes is
 *     divided by the local distance 10, averaged over the CPUs
 */
public record PinningQuality(String podUid, String containerName, boolean exclusive, CpuSet cpus, CpuSet numaNodes,
    CpuSet sockets, CpuSet uncoreCaches, boolean sharesPhysicalCore, double memoryAccessCost) {}
