package io.kubesim.kubelet.cm.cpumanager;

import io.kubesim.kubelet.cm.cpuset.CpuSet;
import io.kubesim.kubelet.cm.topology.CpuTopology;
import io.kubesim.kubelet.cm.topologymanager.NumaMask;
import io.kubesim.kubelet.cm.topologymanager.TopologyHint;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The CPU manager's {@code static} policy, as upstream's {@code staticPolicy}: exclusive CPUs for
 * containers that want them, topology hints for the Topology Manager.
 *
 * <p>This class speaks in CPU counts and container names; deciding how many exclusive CPUs a
 * container wants (Guaranteed QoS, integer request) is the caller's business (upstream
 * {@code guaranteedCPUs}). The policy itself is immutable; all mutable state is in
 * {@link CpuManagerState}.
 */
public final class StaticPolicy {
  public static final String CPU = "cpu";

  private final CpuTopology topology;
  private final CpuManagerPolicyOptions options;
  private final CpuSet reserved;
  private final CpuSet reservedPhysical;
  private final int cpuGroupSize;

  /**
   * A policy with an explicit reserved set (which may be empty, as in upstream's unit tests).
   *
   * @throws IllegalArgumentException when a reserved CPU is not on the machine
   */
  public StaticPolicy(CpuTopology topology, CpuSet reserved, CpuManagerPolicyOptions options) {
    this.topology = topology;
    this.options = options;
    this.reserved = reserved;
    this.cpuGroupSize = topology.cpusPerCore();
    CpuSet physical = CpuSet.EMPTY;
    for (int cpu : reserved) {
      if (topology.infoOrNull(cpu) == null) {
        throw new IllegalArgumentException(
            "[cpumanager] unable to build the reserved physical CPUs from the reserved set: unknown CPU ID: " + cpu);
      }
      physical = physical.union(topology.cpusInCore(topology.info(cpu).core()));
    }
    this.reservedPhysical = physical;
  }

  /**
   * The policy as the kubelet builds it ({@code NewStaticPolicy}): {@code reservedSystemCpus} when
   * given, otherwise {@code numReservedCpus} CPUs chosen by the allocation algorithm itself over
   * the whole machine (e.g. 2 on a single-socket SMT2 box = the two threads of core 0).
   *
   * @throws IllegalArgumentException {@code [cpumanager] unable to reserve the required amount of
   *     CPUs (size of ... did not equal n)}
   */
  public static StaticPolicy create(CpuTopology topology, int numReservedCpus, CpuSet reservedSystemCpus,
      CpuManagerPolicyOptions options) {
    StaticPolicy probe = new StaticPolicy(topology, CpuSet.EMPTY, options);
    CpuSet reserved;
    if (!reservedSystemCpus.isEmpty()) {
      reserved = reservedSystemCpus;
    } else {
      try {
        reserved = probe.takeByTopology(topology.details().cpus(), numReservedCpus);
      } catch (CpuAllocationException e) {
        reserved = CpuSet.EMPTY;
      }
    }
    if (reserved.size() != numReservedCpus) {
      throw new IllegalArgumentException("[cpumanager] unable to reserve the required amount of CPUs (size of "
          + reserved + " did not equal " + numReservedCpus + ")");
    }
    return new StaticPolicy(topology, reserved, options);
  }

  public CpuTopology topology() {
    return topology;
  }

  public CpuManagerPolicyOptions options() {
    return options;
  }

  /** Never handed out exclusively. */
  public CpuSet reservedCpus() {
    return reserved;
  }

  /** Every CPU sharing a core with a reserved CPU. */
  public CpuSet reservedPhysicalCpus() {
    return reservedPhysical;
  }

  /** A fresh state: every CPU in the shared pool, minus reserved with strict-cpu-reservation. */
  public CpuManagerState newState() {
    CpuSet all = topology.details().cpus();
    return new CpuManagerState(options.strictCpuReservation() ? all.difference(reserved) : all);
  }

  /** Shared pool minus reserved: what exclusive allocations may take. */
  public CpuSet availableCpus(CpuManagerState s) {
    return s.defaultCpuSet().difference(reserved);
  }

  /** Shared pool minus cores touched by reserved CPUs ({@code full-pcpus-only}'s budget). */
  public CpuSet availablePhysicalCpus(CpuManagerState s) {
    return s.defaultCpuSet().difference(reservedPhysical);
  }

  /**
   * Gives a container {@code numCpus} exclusive CPUs (upstream {@code Allocate}).
   *
   * <ol>
   *   <li>0 CPUs: nothing to do (shared pool).
   *   <li>{@code full-pcpus-only}: whole cores only and enough CPUs outside reserved cores, else
   *       {@link SMTAlignmentError}; checked before the next step.
   *   <li>Already allocated (e.g. after a restart): keep it.
   *   <li>Take from the NUMA affinity first, then from anywhere; record; leave the shared pool.
   * </ol>
   *
   * @param regularInitContainer a non-restartable init container: its CPUs become reusable by the
   *     pod's later containers; app containers and sidecars consume reusable CPUs
   * @param affinity the Topology Manager's NUMA affinity, or {@code null}
   * @throws SMTAlignmentError (admission decision) or {@link CpuAllocationException}
   */
  public void allocate(CpuManagerState s, String podUid, String containerName, int numCpus,
      boolean regularInitContainer, NumaMask affinity) {
    if (numCpus == 0) return;
    if (options.fullPhysicalCpusOnly()) {
      if (numCpus % cpuGroupSize != 0) throw SMTAlignmentError.notMultiple(numCpus, cpuGroupSize);
      int availablePhysical = availablePhysicalCpus(s).size();
      if (numCpus > availablePhysical) {
        throw SMTAlignmentError.notEnoughPhysical(numCpus, cpuGroupSize, availablePhysical);
      }
    }
    CpuSet existing = s.cpuSet(podUid, containerName);
    if (existing != null) {
      updateCpusToReuse(s, podUid, regularInitContainer, existing);
      return;
    }
    CpuSet cpus = allocateCpus(s, numCpus, affinity, s.cpusToReuse(podUid));
    s.setCpuSet(podUid, containerName, cpus);
    updateCpusToReuse(s, podUid, regularInitContainer, cpus);
  }

  private void updateCpusToReuse(CpuManagerState s, String podUid, boolean regularInit, CpuSet cpus) {
    CpuSet reusable = s.cpusToReuse(podUid);
    s.setCpusToReuse(podUid, regularInit ? reusable.union(cpus) : reusable.difference(cpus));
  }

  /** Aligned CPUs first, the rest from anywhere allocatable (upstream {@code allocateCPUs}). */
  CpuSet allocateCpus(CpuManagerState s, int numCpus, NumaMask affinity, CpuSet reusable) {
    CpuSet allocatable = availableCpus(s).union(reusable);
    CpuSet result = CpuSet.EMPTY;
    if (affinity != null) {
      CpuSet aligned = alignedCpus(affinity, allocatable);
      result = takeByTopology(aligned, Math.min(numCpus, aligned.size()));
    }
    result = result.union(takeByTopology(allocatable.difference(result), numCpus - result.size()));
    s.setDefaultCpuSet(s.defaultCpuSet().difference(result));
    return result;
  }

  /** Allocatable CPUs on the affinity's NUMA nodes, or on their sockets with align-by-socket. */
  CpuSet alignedCpus(NumaMask affinity, CpuSet allocatable) {
    CpuSet nodes = affinity.toCpuSet();
    if (options.alignBySocket()) {
      CpuSet sockets = topology.details().socketsInNumaNodes(nodes);
      return allocatable.intersection(topology.details().cpusInSockets(sockets));
    }
    return allocatable.intersection(topology.details().cpusInNumaNodes(nodes));
  }

  /**
   * The configured algorithm: distributed across NUMA nodes (group size = SMT width with
   * full-pcpus-only), else packed, spread with distribute-cpus-across-cores, with the uncore step
   * when asked for.
   */
  public CpuSet takeByTopology(CpuSet available, int numCpus) {
    CpuSortingStrategy strategy =
        options.distributeCpusAcrossCores() ? CpuSortingStrategy.SPREAD : CpuSortingStrategy.PACKED;
    if (options.distributeCpusAcrossNuma()) {
      int groupSize = options.fullPhysicalCpusOnly() ? topology.cpusPerCore() : 1;
      return NumaDistributedAllocation.take(topology, available, numCpus, groupSize, strategy);
    }
    return CpuAccumulator.takeByTopologyNumaPacked(topology, available, numCpus, strategy,
        options.preferAlignByUncoreCache());
  }

  /**
   * Releases a container: its CPUs go back to the shared pool, except those still assigned to
   * another container of the same pod (upstream {@code RemoveContainer}).
   *
   * @return the CPUs that went back to the shared pool
   */
  public CpuSet removeContainer(CpuManagerState s, String podUid, String containerName) {
    CpuSet toRelease = s.cpuSet(podUid, containerName);
    if (toRelease == null) return CpuSet.EMPTY;
    CpuSet inUse = CpuSet.EMPTY;
    for (Map.Entry<String, CpuSet> e : s.podAssignments(podUid).entrySet()) {
      if (!e.getKey().equals(containerName)) inUse = inUse.union(e.getValue());
    }
    s.delete(podUid, containerName);
    CpuSet released = toRelease.difference(inUse);
    s.setDefaultCpuSet(s.defaultCpuSet().union(released));
    if (s.podAssignments(podUid).isEmpty()) s.forgetReusable(podUid);
    return released;
  }

  // ---- topology hints ----

  /**
   * Hints for one container wanting {@code requested} exclusive CPUs (upstream
   * {@code GetTopologyHints}): {@code null} (no preference) for 0; regenerated from its own CPUs
   * when it already has the right number; an empty list (cannot satisfy) when it has a different
   * number.
   */
  public Map<String, List<TopologyHint>> getTopologyHints(CpuManagerState s, String podUid, String containerName,
      int requested) {
    if (requested == 0) return null;
    CpuSet allocated = s.cpuSet(podUid, containerName);
    if (allocated != null) {
      if (allocated.size() != requested) return cpuHints(List.of());
      return cpuHints(generateCpuTopologyHints(allocated, CpuSet.EMPTY, requested));
    }
    return cpuHints(generateCpuTopologyHints(availableCpus(s), s.cpusToReuse(podUid), requested));
  }

  /**
   * Hints for a whole pod (upstream {@code GetPodTopologyHints}).
   *
   * @param requestedByContainer exclusive CPUs per container name, init containers first
   * @param podRequested the pod total: max over init containers of (sidecars before it + its
   *     request) and the sum of app containers and sidecars
   */
  public Map<String, List<TopologyHint>> getPodTopologyHints(CpuManagerState s, String podUid,
      Map<String, Integer> requestedByContainer, int podRequested) {
    if (podRequested == 0) return null;
    CpuSet assigned = CpuSet.EMPTY;
    for (Map.Entry<String, Integer> e : requestedByContainer.entrySet()) {
      CpuSet allocated = s.cpuSet(podUid, e.getKey());
      if (allocated == null) continue;
      if (allocated.size() != e.getValue()) return cpuHints(List.of());
      assigned = assigned.union(allocated);
    }
    if (assigned.size() == podRequested) {
      return cpuHints(generateCpuTopologyHints(assigned, CpuSet.EMPTY, podRequested));
    }
    CpuSet reusable = s.cpusToReuse(podUid).union(assigned);
    return cpuHints(generateCpuTopologyHints(availableCpus(s), reusable, podRequested));
  }

  private static Map<String, List<TopologyHint>> cpuHints(List<TopologyHint> hints) {
    Map<String, List<TopologyHint>> m = new LinkedHashMap<>();
    m.put(CPU, hints);
    return m;
  }

  /**
   * One hint per NUMA node mask (by size, then lexicographic) that holds every reusable CPU and
   * enough reusable plus available CPUs. Preferred: masks of the smallest size whose total
   * capacity (all CPUs, free or not) could hold the request; with align-by-socket also masks
   * spanning the minimal number of sockets.
   */
  public List<TopologyHint> generateCpuTopologyHints(CpuSet available, CpuSet reusable, int request) {
    CpuSet nodes = topology.details().numaNodes();
    // Per-node counts once, so that each of the 2^nodes masks is a few additions.
    Map<Integer, Integer> capacity = new LinkedHashMap<>();
    Map<Integer, Integer> free = new LinkedHashMap<>();
    for (int node : nodes) {
      capacity.put(node, topology.cpusInNumaNode(node).size());
      free.put(node, 0);
    }
    for (int cpu : available.ids()) free.merge(topology.info(cpu).numaNode(), 1, Integer::sum);
    NumaMask reusableNodes = NumaMask.of(reusable.stream().map(c -> topology.info(c).numaNode()).toArray());

    int[] minAffinitySize = {nodes.size()};
    List<NumaMask> fitting = new ArrayList<>();
    NumaMask.iterateBitMasks(nodes.ids(), mask -> {
      int cpusInMask = 0;
      int matching = reusable.size();
      for (int node : mask.nodes()) {
        cpusInMask += capacity.get(node);
        matching += free.get(node);
      }
      if (cpusInMask >= request && mask.count() < minAffinitySize[0]) minAffinitySize[0] = mask.count();
      if (!reusableNodes.and(mask).equals(reusableNodes)) return;
      if (matching < request) return;
      fitting.add(mask);
    });
    List<TopologyHint> out = new ArrayList<>(fitting.size());
    for (NumaMask mask : fitting) {
      boolean preferred = (options.alignBySocket() && isHintSocketAligned(mask, minAffinitySize[0]))
          || mask.count() == minAffinitySize[0];
      out.add(new TopologyHint(mask, preferred));
    }
    return out;
  }

  private boolean isHintSocketAligned(NumaMask hint, int minAffinitySize) {
    int numaNodesPerSocket = topology.numNumaNodes() / topology.numSockets();
    if (numaNodesPerSocket == 0) return false;
    int minSockets = (minAffinitySize + numaNodesPerSocket - 1) / numaNodesPerSocket;
    return topology.details().socketsInNumaNodes(hint.toCpuSet()).size() == minSockets;
  }
}
