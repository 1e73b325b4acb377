package io.kubesim.kubelet.cm.topology;

import io.kubesim.kubelet.cm.cpuset.CpuSet;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.ToIntFunction;

/**
 * A node's CPU topology, as upstream's {@code topology.CPUTopology}: every logical CPU with its
 * {@link CpuInfo}, the five counts, the derived "per" ratios and the NUMA distance matrix.
 *
 * <p>Counts are the numbers of distinct ids, as {@code topology.Discover} computes them. The
 * ratios are integer divisions of totals: upstream assumes symmetric hardware, and the CPU
 * accumulator's "is this socket / core free" tests compare against these averages.
 */
public final class CpuTopology {
  private final List<CpuInfo> cpus;
  private final CpuInfo[] byCpu;
  private final Map<Integer, CpuSet> cpusOfCore;
  private final Map<Integer, CpuSet> cpusOfSocket;
  private final Map<Integer, CpuSet> cpusOfNuma;
  private final Map<Integer, CpuSet> cpusOfUncore;
  private final CpuDetails details;
  private final NumaDistances distances;

  private CpuTopology(List<CpuInfo> cpus, NumaDistances distances) {
    this.cpus = cpus;
    this.byCpu = new CpuInfo[cpus.get(cpus.size() - 1).cpu() + 1];
    for (CpuInfo c : cpus) byCpu[c.cpu()] = c;
    this.cpusOfCore = group(cpus, CpuInfo::core);
    this.cpusOfSocket = group(cpus, CpuInfo::socket);
    this.cpusOfNuma = group(cpus, CpuInfo::numaNode);
    this.cpusOfUncore = group(cpus, CpuInfo::uncoreCache);
    this.details = new CpuDetails(this, CpuSet.of(cpus.stream().map(CpuInfo::cpu).toList()));
    this.distances = distances;
  }

  private static Map<Integer, CpuSet> group(List<CpuInfo> cpus, ToIntFunction<CpuInfo> key) {
    Map<Integer, List<Integer>> ids = new HashMap<>();
    for (CpuInfo c : cpus) ids.computeIfAbsent(key.applyAsInt(c), k -> new ArrayList<>()).add(c.cpu());
    Map<Integer, CpuSet> out = new HashMap<>();
    ids.forEach((k, v) -> out.put(k, CpuSet.of(v)));
    return out;
  }

  /** A topology with the Linux default NUMA distances (10 local, 20 remote). */
  public static CpuTopology of(Collection<CpuInfo> cpus) {
    List<CpuInfo> sorted = sortedChecked(cpus);
    CpuSet nodes = CpuSet.of(sorted.stream().map(CpuInfo::numaNode).toList());
    return new CpuTopology(sorted, NumaDistances.linuxDefault(nodes));
  }

  public static CpuTopology of(Collection<CpuInfo> cpus, NumaDistances distances) {
    List<CpuInfo> sorted = sortedChecked(cpus);
    for (CpuInfo c : sorted) {
      for (CpuInfo d : sorted) {
        if (!distances.hasNode(c.numaNode())) {
          throw new IllegalArgumentException("NUMA distances lack node " + c.numaNode());
        }
        distances.distance(c.numaNode(), d.numaNode());
      }
    }
    return new CpuTopology(sorted, distances);
  }

  public CpuTopology withNumaDistances(NumaDistances distances) {
    return of(cpus, distances);
  }

  private static List<CpuInfo> sortedChecked(Collection<CpuInfo> cpus) {
    if (cpus.isEmpty()) throw new IllegalArgumentException("a CPU topology needs at least one CPU");
    List<CpuInfo> sorted = new ArrayList<>(cpus);
    sorted.sort(Comparator.comparingInt(CpuInfo::cpu));
    Set<Integer> seen = new HashSet<>();
    for (CpuInfo c : sorted) {
      if (!seen.add(c.cpu())) throw new IllegalArgumentException("CPU " + c.cpu() + " is listed twice");
    }
    return List.copyOf(sorted);
  }

  /** Every CPU, ascending by id. */
  public List<CpuInfo> cpuInfos() {
    return cpus;
  }

  /** The lookups over the whole machine (upstream {@code topo.CPUDetails}). */
  public CpuDetails details() {
    return details;
  }

  /** @throws IllegalArgumentException {@code unknown CPU ID: n}, upstream's text */
  public CpuInfo info(int cpu) {
    CpuInfo info = infoOrNull(cpu);
    if (info == null) throw new IllegalArgumentException("unknown CPU ID: " + cpu);
    return info;
  }

  /** The CPU's info, or {@code null} when the machine has no such CPU. */
  public CpuInfo infoOrNull(int cpu) {
    return cpu >= 0 && cpu < byCpu.length ? byCpu[cpu] : null;
  }

  /** Every CPU of one core (empty for an unknown id); the whole machine, free or not. */
  public CpuSet cpusInCore(int core) {
    return cpusOfCore.getOrDefault(core, CpuSet.EMPTY);
  }

  public CpuSet cpusInSocket(int socket) {
    return cpusOfSocket.getOrDefault(socket, CpuSet.EMPTY);
  }

  public CpuSet cpusInNumaNode(int numaNode) {
    return cpusOfNuma.getOrDefault(numaNode, CpuSet.EMPTY);
  }

  public CpuSet cpusInUncoreCache(int uncoreCache) {
    return cpusOfUncore.getOrDefault(uncoreCache, CpuSet.EMPTY);
  }

  public NumaDistances numaDistances() {
    return distances;
  }

  public int numCpus() {
    return cpus.size();
  }

  public int numCores() {
    return cpusOfCore.size();
  }

  public int numSockets() {
    return cpusOfSocket.size();
  }

  public int numNumaNodes() {
    return cpusOfNuma.size();
  }

  public int numUncoreCaches() {
    return cpusOfUncore.size();
  }

  public int cpusPerCore() {
    return numCores() == 0 ? 0 : numCpus() / numCores();
  }

  public int cpusPerSocket() {
    return numSockets() == 0 ? 0 : numCpus() / numSockets();
  }

  public int cpusPerUncore() {
    return numUncoreCaches() == 0 ? 0 : numCpus() / numUncoreCaches();
  }

  /** {@code NumSockets >= NumNUMANodes}: NUMA nodes are the higher level in the hierarchy. */
  public boolean numaFirst() {
    return numSockets() >= numNumaNodes();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof CpuTopology t && t.cpus.equals(cpus) && t.distances.equals(distances);
  }

  @Override
  public int hashCode() {
    return Objects.hash(cpus, distances);
  }

  @Override
  public String toString() {
    return numCpus() + " CPUs, " + numCores() + " cores, " + numSockets() + " sockets, "
        + numNumaNodes() + " NUMA nodes, " + numUncoreCaches() + " uncore caches";
  }
}
