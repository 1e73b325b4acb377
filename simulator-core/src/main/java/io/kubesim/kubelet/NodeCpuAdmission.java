package io.kubesim.kubelet;

import io.kubesim.kubelet.cm.admission.AdmissionError;
import io.kubesim.kubelet.cm.cpumanager.CpuManagerPolicyOptions;
import io.kubesim.kubelet.cm.cpumanager.CpuManagerState;
import io.kubesim.kubelet.cm.cpumanager.StaticPolicy;
import io.kubesim.kubelet.cm.cpuset.CpuSet;
import io.kubesim.kubelet.cm.topology.CpuDetails;
import io.kubesim.kubelet.cm.topology.CpuTopology;
import io.kubesim.kubelet.cm.topologymanager.NumaInfo;
import io.kubesim.kubelet.cm.topologymanager.TopologyHint;
import io.kubesim.kubelet.cm.topologymanager.TopologyManager;
import io.kubesim.kubelet.cm.topologymanager.TopologyManagerPolicyName;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One node's kubelet CPU admission: the CPU Manager (policy {@code none} or {@code static}) run by
 * the Topology Manager under the configured policy and scope, with the per-node state they keep.
 *
 * <p>{@link #admit} mirrors the kubelet's pod admission handler: Guaranteed pods' containers with
 * integer CPU requests get exclusive CPUs, everything else runs on the shared pool; the Topology
 * Manager decides NUMA affinity and may reject with {@code TopologyAffinityError}; allocation may
 * reject with {@code SMTAlignmentError} or {@code UnexpectedAdmissionError}. A rejected pod keeps
 * nothing. {@link #release} gives back exactly what a pod took.
 *
 * <p>Not modelled: the Memory Manager and device plugins (the CPU manager is the only hint
 * provider), pod-level resources, in-place resize, kubelet restarts.
 */
public final class NodeCpuAdmission {
  private final CpuTopology topology;
  private final KubeletConfiguration config;
  private final StaticPolicy policy;
  private final TopologyManager topologyManager;
  private final CpuManagerState state;
  private final Map<String, Admitted> pods;

  /** A pod that runs here, with the affinity the Topology Manager stored for each container. */
  private record Admitted(PodResources pod, Map<String, TopologyHint> affinities) {}

  /**
   * Starts the node's managers as the kubelet would.
   *
   * @throws KubeletConfigurationException with the kubelet's messages when it would refuse to start
   */
  public NodeCpuAdmission(CpuTopology topology, KubeletConfiguration config) {
    List<String> errors = config.validate();
    if (!errors.isEmpty()) throw new KubeletConfigurationException(errors);
    this.topology = topology;
    this.config = config;
    try {
      this.topologyManager = TopologyManager.create(NumaInfo.of(topology), config.topologyManagerPolicy(),
          config.topologyManagerScope(), config.topologyManagerPolicyOptions());
    } catch (IllegalArgumentException e) {
      throw new KubeletConfigurationException(List.of(e.getMessage()));
    }
    this.policy = config.cpuManagerPolicy().equals(KubeletConfiguration.STATIC_POLICY) ? staticPolicy() : null;
    this.state = policy != null ? policy.newState() : new CpuManagerState(topology.details().cpus());
    this.pods = new LinkedHashMap<>();
  }

  private StaticPolicy staticPolicy() {
    try {
      CpuManagerPolicyOptions options = CpuManagerPolicyOptions.parse(config.cpuManagerPolicyOptions(),
          config.featureEnabled(CpuManagerPolicyOptions.ALPHA_GATE), config.featureEnabled(CpuManagerPolicyOptions.BETA_GATE));
      options.validate(topology, topologyManager.policy().name());
      return StaticPolicy.create(topology, config.numReservedCpus(), config.reservedSystemCpuSet(), options);
    } catch (IllegalArgumentException e) {
      throw new KubeletConfigurationException(List.of("new static policy error: " + e.getMessage()));
    }
  }

  private NodeCpuAdmission(NodeCpuAdmission other) {
    this.topology = other.topology;
    this.config = other.config;
    this.policy = other.policy;
    this.topologyManager = other.topologyManager;
    this.state = other.state.copy();
    this.pods = new LinkedHashMap<>(other.pods);
  }

  /** An independent copy of this node's state (for what-if questions). */
  public NodeCpuAdmission copy() {
    return new NodeCpuAdmission(this);
  }

  public CpuTopology topology() {
    return topology;
  }

  public KubeletConfiguration configuration() {
    return config;
  }

  /**
   * Admits a pod, allocating exclusive CPUs for its containers; on rejection nothing stays taken.
   *
   * @throws IllegalArgumentException when a pod with that uid is already admitted
   */
  public PodAdmitResult admit(PodResources pod) {
    if (pods.containsKey(pod.uid())) throw new IllegalArgumentException("pod " + pod.uid() + " is already admitted");
    List<ContainerResources> order = pod.admissionOrder();
    CpuManager cpuManager = new CpuManager(policy, state);
    try {
      List<TopologyHint> affinities = topologyManager.admit(pod, order, List.of(cpuManager));
      Map<String, TopologyHint> byName = new LinkedHashMap<>();
      for (int i = 0; i < order.size(); i++) byName.put(order.get(i).name(), affinities.get(i));
      pods.put(pod.uid(), new Admitted(pod, Collections.unmodifiableMap(byName)));
      return PodAdmitResult.ADMITTED;
    } catch (AdmissionError e) {
      releaseExclusive(pod.uid());
      return PodAdmitResult.rejected(e);
    }
  }

  /**
   * Removes a pod: every CPU it took leaves its containers and returns to the shared pool.
   *
   * @return exactly the CPUs the pod took from the shared pool at admission (empty for a pod
   *     without exclusive CPUs or not admitted here)
   */
  public CpuSet release(String podUid) {
    pods.remove(podUid);
    return releaseExclusive(podUid);
  }

  private CpuSet releaseExclusive(String podUid) {
    CpuSet released = CpuSet.EMPTY;
    if (policy == null) return released;
    for (String container : new ArrayList<>(state.podAssignments(podUid).keySet())) {
      released = released.union(policy.removeContainer(state, podUid, container));
    }
    return released;
  }

  public boolean isAdmitted(String podUid) {
    return pods.containsKey(podUid);
  }

  /** The uids of the pods running here, in admission order. */
  public List<String> admittedPods() {
    return List.copyOf(pods.keySet());
  }

  /** The shared pool (default cpuset): where non-exclusive containers run. */
  public CpuSet sharedPool() {
    return state.defaultCpuSet();
  }

  /** Reserved CPUs (empty with policy {@code none}). */
  public CpuSet reservedCpus() {
    return policy == null ? CpuSet.EMPTY : policy.reservedCpus();
  }

  /** CPUs an exclusive allocation could take now: shared pool minus reserved. */
  public CpuSet allocatableCpus() {
    return policy == null ? CpuSet.EMPTY : policy.availableCpus(state);
  }

  /** The exclusive CPUs of each container of a pod that has any (finished init containers included). */
  public Map<String, CpuSet> exclusiveCpus(String podUid) {
    return Collections.unmodifiableMap(new LinkedHashMap<>(state.podAssignments(podUid)));
  }

  /** The NUMA affinity the Topology Manager stored for a container (affinity {@code null} = any). */
  public TopologyHint affinity(String podUid, String containerName) {
    Admitted a = admitted(podUid);
    TopologyHint h = a.affinities().get(containerName);
    if (h == null) throw new IllegalArgumentException("pod " + podUid + " has no container " + containerName);
    return h;
  }

  private Admitted admitted(String podUid) {
    Admitted a = pods.get(podUid);
    if (a == null) throw new IllegalArgumentException("pod " + podUid + " is not admitted on this node");
    return a;
  }

  /** Pinning quality of every running container of a pod (finished init containers left out). */
  public List<PinningQuality> pinning(String podUid) {
    List<PinningQuality> out = new ArrayList<>();
    for (ContainerResources c : admitted(podUid).pod().admissionOrder()) {
      if (!c.regularInit()) out.add(pinning(podUid, c.name()));
    }
    return out;
  }

  /** Pinning quality of one container. */
  public PinningQuality pinning(String podUid, String containerName) {
    admitted(podUid).pod().container(containerName);
    CpuSet own = state.cpuSet(podUid, containerName);
    boolean exclusive = own != null;
    CpuSet cpus = exclusive ? own : state.defaultCpuSet();
    CpuDetails d = topology.details();
    boolean shares;
    if (exclusive) {
      CpuSet others = runningExclusiveCpus(podUid, containerName).union(state.defaultCpuSet());
      CpuSet siblings = d.cpusInCores(d.coresOf(cpus)).difference(cpus);
      shares = siblings.intersects(others);
    } else {
      CpuSet poolSiblings = d.cpusInCores(d.coresOf(cpus)).difference(cpus);
      shares = otherSharedContainerRuns(podUid, containerName) || poolSiblings.intersects(runningExclusiveCpus(null, null));
    }
    CpuSet nodes = d.numaNodesOf(cpus);
    return new PinningQuality(podUid, containerName, exclusive, cpus, nodes, d.socketsOf(cpus), d.uncoreCachesOf(cpus),
        shares, memoryAccessCost(cpus, nodes));
  }

  /** Exclusive CPUs of running containers (finished init containers excluded), minus one container. */
  private CpuSet runningExclusiveCpus(String exceptPod, String exceptContainer) {
    CpuSet all = CpuSet.EMPTY;
    for (Admitted a : pods.values()) {
      for (ContainerResources c : a.pod().containers()) {
        if (c.regularInit()) continue;
        if (a.pod().uid().equals(exceptPod) && c.name().equals(exceptContainer)) continue;
        CpuSet cpus = state.cpuSet(a.pod().uid(), c.name());
        if (cpus != null) all = all.union(cpus);
      }
    }
    return all;
  }

  private boolean otherSharedContainerRuns(String podUid, String containerName) {
    for (Admitted a : pods.values()) {
      for (ContainerResources c : a.pod().containers()) {
        if (c.regularInit() || (a.pod().uid().equals(podUid) && c.name().equals(containerName))) continue;
        if (state.cpuSet(a.pod().uid(), c.name()) == null) return true;
      }
    }
    return false;
  }

  private double memoryAccessCost(CpuSet cpus, CpuSet nodes) {
    if (cpus.isEmpty() || nodes.isEmpty()) return 0;
    double total = 0;
    for (int cpu : cpus) {
      int from = topology.info(cpu).numaNode();
      double sum = 0;
      for (int to : nodes) sum += topology.numaDistances().distance(from, to);
      total += sum / nodes.size() / 10.0;
    }
    return total / cpus.size();
  }

  /**
   * CPUs stranded for requests of {@code requestSize} CPUs under the configured alignment: the
   * CPUs still allocatable after admitting as many single-container Guaranteed pods of that size
   * as this node would accept (simulated on a copy). Empty with policy {@code none}, where nothing
   * is exclusive.
   */
  public CpuSet strandedCpus(int requestSize) {
    if (requestSize < 1) throw new IllegalArgumentException("request size must be at least 1, got " + requestSize);
    if (policy == null) return CpuSet.EMPTY;
    NodeCpuAdmission probe = copy();
    int bound = probe.allocatableCpus().size() + 1;
    for (int i = 0; i < bound; i++) {
      int before = probe.allocatableCpus().size();
      PodResources pod = new PodResources("stranded-probe-" + i, true,
          List.of(ContainerResources.app("probe", requestSize * 1000L, 1L)));
      if (!probe.admit(pod).admit() || probe.allocatableCpus().size() == before) break;
    }
    return probe.allocatableCpus();
  }

  /** Whether the Topology Manager takes part (policy other than {@code none}). */
  public boolean topologyAware() {
    return topologyManager.policy().name() != TopologyManagerPolicyName.NONE;
  }
}
