package io.kubesim.kubelet.cm.cpumanager;

import io.kubesim.kubelet.cm.cpuset.CpuSet;
import io.kubesim.kubelet.cm.topology.CpuInfo;
import io.kubesim.kubelet.cm.topology.CpuTopology;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Topology-aware best fit, as upstream's {@code cpuAccumulator} and {@code takeByTopologyNUMAPacked}.
 *
 * <ol>
 *   <li>{@code n < 1}: nothing. More than available: fail.
 *   <li>Whole first-level units (NUMA nodes when {@code NumSockets >= NumNUMANodes}, else sockets)
 *       while a whole unit still fits; then whole second-level units.
 *   <li>With {@code prefer-align-cpus-by-uncorecache}: whole uncore caches, or an exact partial fit
 *       inside one ({@link #takeUncoreCache}).
 *   <li>Unless spreading: whole free cores while a core still fits.
 *   <li>Single CPUs in packed (core by core) or spread (socket by socket) order.
 * </ol>
 *
 * <p>Every level is ordered by <em>free</em> CPUs ascending, ties by id: the fullest domain is
 * filled first. Lists are recomputed from the current free CPUs whenever asked for; a phase uses
 * the list it computed when it started. "Free" socket and core compare with the average
 * {@code CPUsPerSocket} / {@code CPUsPerCore}, free NUMA node and uncore cache with their real
 * sizes, exactly as upstream (asymmetric machines therefore behave as upstream does, oddly).
 *
 * <p>Upstream quirk kept on purpose: when a socket spans several NUMA nodes while NUMA nodes are
 * the higher level, the socket is listed once per NUMA node, and {@link #take} counts CPUs again
 * when a unit is taken twice ({@code needed -= |S|} even if S overlaps the result).
 */
final class CpuAccumulator {
  private final CpuTopology topo;
  private final boolean numaFirst;
  private final CpuSortingStrategy strategy;
  private CpuSet free;
  private CpuSet result = CpuSet.EMPTY;
  private int numCpusNeeded;

  CpuAccumulator(CpuTopology topo, CpuSet available, int numCpus, CpuSortingStrategy strategy) {
    this.topo = topo;
    this.numaFirst = topo.numaFirst();
    this.strategy = strategy;
    this.free = topo.details().cpus().intersection(available);
    this.numCpusNeeded = numCpus;
  }

  /**
   * Takes {@code numCpus} CPUs from {@code available} (upstream {@code takeByTopologyNUMAPacked}).
   *
   * @throws CpuAllocationException when fewer CPUs are available than asked for
   */
  static CpuSet takeByTopologyNumaPacked(CpuTopology topo, CpuSet available, int numCpus, CpuSortingStrategy strategy,
      boolean preferAlignByUncoreCache) {
    CpuAccumulator acc = new CpuAccumulator(topo, available, numCpus, strategy);
    if (acc.isSatisfied()) return acc.result;
    if (acc.isFailed()) throw CpuAllocationException.notEnough(numCpus, available.size());

    acc.takeFullFirstLevel();
    if (acc.isSatisfied()) return acc.result;
    acc.takeFullSecondLevel();
    if (acc.isSatisfied()) return acc.result;

    if (preferAlignByUncoreCache) {
      acc.takeUncoreCache();
      if (acc.isSatisfied()) return acc.result;
    }

    if (strategy != CpuSortingStrategy.SPREAD) {
      acc.takeFullCores();
      if (acc.isSatisfied()) return acc.result;
    }

    acc.takeRemainingCpus();
    if (acc.isSatisfied()) return acc.result;
    throw new CpuAllocationException("failed to allocate cpus");
  }

  // ---- state ----

  CpuSet result() {
    return result;
  }

  /** The CPUs still free in this accumulator's view. */
  CpuSet free() {
    return free;
  }

  int numCpusNeeded() {
    return numCpusNeeded;
  }

  void take(CpuSet cpus) {
    result = result.union(cpus);
    free = free.difference(result);
    numCpusNeeded -= cpus.size();
  }

  boolean needsAtLeast(int n) {
    return numCpusNeeded >= n;
  }

  boolean isSatisfied() {
    return numCpusNeeded < 1;
  }

  boolean isFailed() {
    return numCpusNeeded > free.size();
  }

  CpuTopology topology() {
    return topo;
  }

  // ---- whole units ----

  void takeFullFirstLevel() {
    if (numaFirst) takeFullNumaNodes();
    else takeFullSockets();
  }

  void takeFullSecondLevel() {
    if (numaFirst) takeFullSockets();
    else takeFullNumaNodes();
  }

  void takeFullNumaNodes() {
    for (int numa : freeNumaNodes()) {
      CpuSet cpus = topo.cpusInNumaNode(numa);
      if (needsAtLeast(cpus.size())) take(cpus);
    }
  }

  void takeFullSockets() {
    for (int socket : freeSockets()) {
      CpuSet cpus = topo.cpusInSocket(socket);
      if (needsAtLeast(cpus.size())) take(cpus);
    }
  }

  void takeFullUncore() {
    for (int uncore : freeUncoreCaches()) {
      CpuSet cpus = topo.cpusInUncoreCache(uncore);
      if (needsAtLeast(cpus.size())) take(cpus);
    }
  }

  void takeFullCores() {
    for (int core : freeCores()) {
      CpuSet cpus = topo.cpusInCore(core);
      if (needsAtLeast(cpus.size())) take(cpus);
    }
  }

  void takeRemainingCpus() {
    for (int cpu : strategy == CpuSortingStrategy.PACKED ? sortAvailableCpusPacked() : sortAvailableCpusSpread()) {
      take(CpuSet.of(cpu));
      if (isSatisfied()) return;
    }
  }

  /**
   * For each uncore cache in sorted order: whole caches while a cache's worth ({@code
   * CPUsPerUncore}) is still needed, then an exact partial fit inside this cache.
   */
  void takeUncoreCache() {
    for (int uncore : sortAvailableUncoreCaches()) {
      if (needsAtLeast(topo.cpusPerUncore())) takeFullUncore();
      if (isSatisfied()) return;
      takePartialUncore(uncore);
      if (isSatisfied()) return;
    }
  }

  /**
   * Claims CPUs inside one uncore cache only if they fit the need exactly: the lowest-numbered
   * cores of the cache that still have a free CPU (partially used ones count), as many as the need
   * in whole cores; for an odd need on SMT hardware the single highest candidate is dropped.
   */
  void takePartialUncore(int uncore) {
    int cpusPerCore = topo.cpusPerCore();
    int coresNeeded = (numCpusNeeded + cpusPerCore - 1) / cpusPerCore;
    TreeSet<Integer> cores = new TreeSet<>();
    for (int cpu : free) {
      CpuInfo i = topo.info(cpu);
      if (i.uncoreCache() == uncore) cores.add(i.core());
    }
    List<Integer> chosen = new ArrayList<>(cores).subList(0, Math.min(coresNeeded, cores.size()));
    List<Integer> candidates = new ArrayList<>();
    for (int cpu : free) {
      if (chosen.contains(topo.info(cpu).core())) candidates.add(cpu);
    }
    if (numCpusNeeded % 2 != 0 && cpusPerCore > 1 && candidates.size() > numCpusNeeded) {
      candidates.remove(candidates.size() - 1);
    }
    if (candidates.size() == numCpusNeeded) take(CpuSet.of(candidates));
  }

  // ---- free units, in sorted order ----

  List<Integer> freeNumaNodes() {
    Snapshot s = new Snapshot();
    return filter(s.sortNumaNodes(), numa -> s.freeInNuma.get(numa) == topo.cpusInNumaNode(numa).size());
  }

  List<Integer> freeSockets() {
    Snapshot s = new Snapshot();
    return filter(s.sortSockets(), socket -> s.freeInSocket.get(socket) == topo.cpusPerSocket());
  }

  List<Integer> freeCores() {
    Snapshot s = new Snapshot();
    return filter(s.sortCores(), core -> s.freeInCore.get(core) == topo.cpusPerCore());
  }

  List<Integer> freeUncoreCaches() {
    Snapshot s = new Snapshot();
    return filter(s.sortUncoreCaches(), u -> s.freeInUncore.get(u) == topo.cpusInUncoreCache(u).size());
  }

  private interface IntPredicate {
    boolean test(int id);
  }

  private static List<Integer> filter(List<Integer> ids, IntPredicate p) {
    List<Integer> out = new ArrayList<>();
    for (int id : ids) if (p.test(id)) out.add(id);
    return out;
  }

  // ---- sorted lists ----

  List<Integer> sortAvailableNumaNodes() {
    return new Snapshot().sortNumaNodes();
  }

  List<Integer> sortAvailableSockets() {
    return new Snapshot().sortSockets();
  }

  List<Integer> sortAvailableCores() {
    return new Snapshot().sortCores();
  }

  List<Integer> sortAvailableUncoreCaches() {
    return new Snapshot().sortUncoreCaches();
  }

  List<Integer> sortAvailableCpusPacked() {
    Snapshot s = new Snapshot();
    List<Integer> out = new ArrayList<>();
    for (int core : s.sortCores()) out.addAll(s.cpusByCore.get(core));
    return out;
  }

  List<Integer> sortAvailableCpusSpread() {
    Snapshot s = new Snapshot();
    List<Integer> out = new ArrayList<>();
    for (int socket : s.sortSockets()) out.addAll(s.cpusBySocket.get(socket));
    return out;
  }

  /**
   * Free-CPU counts and groupings of one moment, so that one sorted list costs one pass over the
   * free CPUs. "Children of a parent" are taken from the free CPUs (upstream asks the accumulator's
   * {@code details}, which only hold free CPUs).
   */
  private final class Snapshot {
    final Map<Integer, Integer> freeInNuma = new HashMap<>();
    final Map<Integer, Integer> freeInSocket = new HashMap<>();
    final Map<Integer, Integer> freeInCore = new HashMap<>();
    final Map<Integer, Integer> freeInUncore = new HashMap<>();
    final Map<Integer, TreeSet<Integer>> socketsByNuma = new HashMap<>();
    final Map<Integer, TreeSet<Integer>> numasBySocket = new HashMap<>();
    final Map<Integer, TreeSet<Integer>> coresBySocket = new HashMap<>();
    final Map<Integer, TreeSet<Integer>> coresByNuma = new HashMap<>();
    final Map<Integer, TreeSet<Integer>> uncoresByNuma = new HashMap<>();
    final Map<Integer, List<Integer>> cpusByCore = new HashMap<>();
    final Map<Integer, List<Integer>> cpusBySocket = new HashMap<>();

    Snapshot() {
      for (int cpu : free) {
        CpuInfo i = topo.info(cpu);
        freeInNuma.merge(i.numaNode(), 1, Integer::sum);
        freeInSocket.merge(i.socket(), 1, Integer::sum);
        freeInCore.merge(i.core(), 1, Integer::sum);
        freeInUncore.merge(i.uncoreCache(), 1, Integer::sum);
        socketsByNuma.computeIfAbsent(i.numaNode(), k -> new TreeSet<>()).add(i.socket());
        numasBySocket.computeIfAbsent(i.socket(), k -> new TreeSet<>()).add(i.numaNode());
        coresBySocket.computeIfAbsent(i.socket(), k -> new TreeSet<>()).add(i.core());
        coresByNuma.computeIfAbsent(i.numaNode(), k -> new TreeSet<>()).add(i.core());
        uncoresByNuma.computeIfAbsent(i.numaNode(), k -> new TreeSet<>()).add(i.uncoreCache());
        cpusByCore.computeIfAbsent(i.core(), k -> new ArrayList<>()).add(cpu);
        cpusBySocket.computeIfAbsent(i.socket(), k -> new ArrayList<>()).add(cpu);
      }
    }

    /** Ascending by free CPUs, ties by id. */
    private List<Integer> sorted(Iterable<Integer> ids, Map<Integer, Integer> freeCount) {
      List<Integer> out = new ArrayList<>();
      for (int id : ids) out.add(id);
      out.sort((a, b) -> {
        int c = Integer.compare(freeCount.get(a), freeCount.get(b));
        return c != 0 ? c : Integer.compare(a, b);
      });
      return out;
    }

    /** Children of each parent in parent order, each group sorted on its own, concatenated. */
    private List<Integer> grouped(List<Integer> parents, Map<Integer, TreeSet<Integer>> children,
        Map<Integer, Integer> freeCount) {
      List<Integer> out = new ArrayList<>();
      for (int p : parents) out.addAll(sorted(children.get(p), freeCount));
      return out;
    }

    List<Integer> sortNumaNodes() {
      if (numaFirst) return sorted(freeInNuma.keySet(), freeInNuma);
      return grouped(sortSockets(), numasBySocket, freeInNuma);
    }

    List<Integer> sortSockets() {
      if (numaFirst) return grouped(sortNumaNodes(), socketsByNuma, freeInSocket);
      return sorted(freeInSocket.keySet(), freeInSocket);
    }

    List<Integer> sortCores() {
      if (numaFirst) return grouped(sortSockets(), coresBySocket, freeInCore);
      return grouped(sortNumaNodes(), coresByNuma, freeInCore);
    }

    List<Integer> sortUncoreCaches() {
      return grouped(sortNumaNodes(), uncoresByNuma, freeInUncore);
    }
  }
}
