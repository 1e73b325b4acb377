package io.kubesim.kubelet.cm.topology;

import io.kubesim.kubelet.cm.cpuset.CpuSet;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToIntFunction;

/**
 * Lookups over a subset of a topology's CPUs, as upstream's {@code topology.CPUDetails}: the same
 * questions ("which sockets does NUMA node 1 touch?") can be asked of the whole machine
 * ({@link CpuTopology#details()}) or of the currently free CPUs ({@link #keepOnly}), and the
 * answers differ; callers pick deliberately.
 */
public final class CpuDetails {
  private final CpuTopology topology;
  private final CpuSet cpus;

  CpuDetails(CpuTopology topology, CpuSet cpus) {
    this.topology = topology;
    this.cpus = cpus;
  }

  /** The same lookups restricted to {@code cpus} (CPUs not in the topology are ignored). */
  public CpuDetails keepOnly(CpuSet subset) {
    return new CpuDetails(topology, cpus.intersection(subset));
  }

  public CpuTopology topology() {
    return topology;
  }

  private CpuInfo info(int cpu) {
    return topology.infoOrNull(cpu);
  }

  private CpuSet ids(ToIntFunction<CpuInfo> key) {
    int[] out = new int[cpus.size()];
    int n = 0;
    for (int c : cpus.ids()) out[n++] = key.applyAsInt(info(c));
    return CpuSet.of(out);
  }

  private CpuSet where(ToIntFunction<CpuInfo> key, CpuSet in, ToIntFunction<CpuInfo> out) {
    List<Integer> ids = new ArrayList<>();
    for (int c : cpus.ids()) {
      CpuInfo i = info(c);
      if (in.contains(key.applyAsInt(i))) ids.add(out.applyAsInt(i));
    }
    return CpuSet.of(ids);
  }

  public CpuSet cpus() {
    return cpus;
  }

  public CpuSet cores() {
    return ids(CpuInfo::core);
  }

  public CpuSet sockets() {
    return ids(CpuInfo::socket);
  }

  public CpuSet numaNodes() {
    return ids(CpuInfo::numaNode);
  }

  public CpuSet uncoreCaches() {
    return ids(CpuInfo::uncoreCache);
  }

  public CpuSet cpusInCores(CpuSet cores) {
    return where(CpuInfo::core, cores, CpuInfo::cpu);
  }

  public CpuSet cpusInSockets(CpuSet sockets) {
    return where(CpuInfo::socket, sockets, CpuInfo::cpu);
  }

  public CpuSet cpusInNumaNodes(CpuSet numaNodes) {
    return where(CpuInfo::numaNode, numaNodes, CpuInfo::cpu);
  }

  public CpuSet cpusInUncoreCaches(CpuSet caches) {
    return where(CpuInfo::uncoreCache, caches, CpuInfo::cpu);
  }

  public CpuSet coresInSockets(CpuSet sockets) {
    return where(CpuInfo::socket, sockets, CpuInfo::core);
  }

  public CpuSet coresInNumaNodes(CpuSet numaNodes) {
    return where(CpuInfo::numaNode, numaNodes, CpuInfo::core);
  }

  public CpuSet coresInUncoreCaches(CpuSet caches) {
    return where(CpuInfo::uncoreCache, caches, CpuInfo::core);
  }

  public CpuSet socketsInNumaNodes(CpuSet numaNodes) {
    return where(CpuInfo::numaNode, numaNodes, CpuInfo::socket);
  }

  public CpuSet numaNodesInSockets(CpuSet sockets) {
    return where(CpuInfo::socket, sockets, CpuInfo::numaNode);
  }

  public CpuSet uncoreCachesInNumaNodes(CpuSet numaNodes) {
    return where(CpuInfo::numaNode, numaNodes, CpuInfo::uncoreCache);
  }

  /** The NUMA nodes, sockets and uncore caches that {@code cpus} touch, and their cores. */
  public CpuSet numaNodesOf(CpuSet someCpus) {
    return keepOnly(someCpus).numaNodes();
  }

  public CpuSet socketsOf(CpuSet someCpus) {
    return keepOnly(someCpus).sockets();
  }

  public CpuSet uncoreCachesOf(CpuSet someCpus) {
    return keepOnly(someCpus).uncoreCaches();
  }

  public CpuSet coresOf(CpuSet someCpus) {
    return keepOnly(someCpus).cores();
  }
}
