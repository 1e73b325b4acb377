package io.kubesim.scheduler.framework;

import io.kubesim.api.ContainerPort;
import io.kubesim.api.Container;
import io.kubesim.api.Node;
import io.kubesim.api.Taint;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A node with the pods bound or assumed on it and their summed requests (upstream
 * {@code framework.NodeInfo}). Plugins only read it; the cluster state updates it incrementally
 * through {@link #addPod} / {@link #removePod} as pods bind and leave.
 */
public final class NodeInfo {
  private final int index;
  private Node node;
  private Resource allocatable;
  private final List<PodInfo> pods = new ArrayList<>();
  private final List<PodInfo> podsWithAffinity = new ArrayList<>();
  private final List<PodInfo> podsWithRequiredAntiAffinity = new ArrayList<>();
  private Resource requested = Resource.ZERO;
  private Resource nonZeroRequested = Resource.ZERO;
  private long generation;
  /**
   * Copies of the hot numbers of {@link #allocatable()}, {@link #requested()} and
   * {@link #nonZeroRequested()}: Filter and Score read them for hundreds of nodes per cycle, and
   * reading them here saves a pointer chase (a likely cache miss) per node and plugin.
   */
  private long allocatableMilliCpu;
  private long allocatableMemory;
  private long allocatableEphemeralStorage;
  private long allowedPodNumber;
  private long requestedMilliCpu;
  private long requestedMemory;
  private long requestedEphemeralStorage;
  private long nonZeroRequestedMilliCpu;
  private long nonZeroRequestedMemory;
  /** Copies of {@code node().spec()} fields that NodeUnschedulable and TaintToleration read per node. */
  private boolean unschedulable;
  private boolean hasTaints;
  private List<Taint> taints;
  /** {@code pods.size()}, kept here so that Fit's per-node check does not load the list. */
  private int podCount;

  /** @param index a stable id, unique among the cluster's nodes, for per-node arrays */
  public NodeInfo(int index, Node node) {
    this.index = index;
    setNode(node);
  }

  public int index() {
    return index;
  }

  public Node node() {
    return node;
  }

  public String name() {
    return node.name();
  }

  public Resource allocatable() {
    return allocatable;
  }

  /** Sum of the actual requests of every pod on the node, terminating ones included. */
  public Resource requested() {
    return requested;
  }

  /** Sum of requests with the 100m / 200Mi defaults for missing cpu/memory, for scoring. */
  public Resource nonZeroRequested() {
    return nonZeroRequested;
  }

  public List<PodInfo> pods() {
    return Collections.unmodifiableList(pods);
  }

  /** The number of pods on the node ({@code pods().size()} without the view). */
  public int podCount() {
    return podCount;
  }

  public List<PodInfo> podsWithAffinity() {
    return Collections.unmodifiableList(podsWithAffinity);
  }

  public List<PodInfo> podsWithRequiredAntiAffinity() {
    return Collections.unmodifiableList(podsWithRequiredAntiAffinity);
  }

  /** Changes whenever the node or its pods change. */
  public long generation() {
    return generation;
  }

  /** Host ports in use: protocol/hostIP/port strings, as NodePorts compares them. */
  public List<ContainerPort> usedPorts() {
    List<ContainerPort> out = new ArrayList<>();
    for (PodInfo p : pods) {
      for (Container c : p.pod().spec().containers()) {
        for (ContainerPort port : c.ports()) {
          if (port.hostPort() > 0) out.add(port);
        }
      }
    }
    return out;
  }

  public void setNode(Node node) {
    this.node = node;
    this.allocatable = Resource.of(node.status().allocatable());
    allocatableMilliCpu = allocatable.milliCpu();
    allocatableMemory = allocatable.memory();
    allocatableEphemeralStorage = allocatable.ephemeralStorage();
    allowedPodNumber = allocatable.allowedPodNumber();
    unschedulable = node.spec().unschedulable();
    taints = node.spec().taints();
    hasTaints = !taints.isEmpty();
    generation++;
  }

  private void copyRequested() {
    requestedMilliCpu = requested.milliCpu();
    requestedMemory = requested.memory();
    requestedEphemeralStorage = requested.ephemeralStorage();
    nonZeroRequestedMilliCpu = nonZeroRequested.milliCpu();
    nonZeroRequestedMemory = nonZeroRequested.memory();
  }

  /** {@code allocatable().milliCpu()}, read without the Resource. */
  public long allocatableMilliCpu() {
    return allocatableMilliCpu;
  }

  /** {@code allocatable().memory()}. */
  public long allocatableMemory() {
    return allocatableMemory;
  }

  /** {@code allocatable().ephemeralStorage()}. */
  public long allocatableEphemeralStorage() {
    return allocatableEphemeralStorage;
  }

  /** {@code allocatable().allowedPodNumber()}. */
  public long allowedPodNumber() {
    return allowedPodNumber;
  }

  /** {@code requested().milliCpu()}. */
  public long requestedMilliCpu() {
    return requestedMilliCpu;
  }

  /** {@code requested().memory()}. */
  public long requestedMemory() {
    return requestedMemory;
  }

  /** {@code requested().ephemeralStorage()}. */
  public long requestedEphemeralStorage() {
    return requestedEphemeralStorage;
  }

  /** {@code nonZeroRequested().milliCpu()}. */
  public long nonZeroRequestedMilliCpu() {
    return nonZeroRequestedMilliCpu;
  }

  /** {@code nonZeroRequested().memory()}. */
  public long nonZeroRequestedMemory() {
    return nonZeroRequestedMemory;
  }

  /** {@code node().spec().unschedulable()}. */
  public boolean unschedulable() {
    return unschedulable;
  }

  /** {@code node().spec().taints()}. */
  public List<Taint> taints() {
    return taints;
  }

  /** {@code !taints().isEmpty()}, without loading the list (most nodes have no taint). */
  public boolean hasTaints() {
    return hasTaints;
  }

  public void addPod(PodInfo pod) {
    pods.add(pod);
    podCount = pods.size();
    if (pod.hasAffinity()) podsWithAffinity.add(pod);
    if (!pod.requiredAntiAffinityTerms().isEmpty()) podsWithRequiredAntiAffinity.add(pod);
    requested = requested.plus(pod.requests());
    nonZeroRequested = nonZeroRequested.plus(pod.nonZeroRequests());
    copyRequested();
    generation++;
  }

  /**
   * {@code removePod(old)} then {@code addPod(now)} for an update that keeps the pod's requests and
   * affinity terms (a status change): the pod moves to the end of the lists as those two would
   * move it, and the summed requests stay as they are.
   */
  public void replacePod(PodInfo old, PodInfo now) {
    if (removeFromLists(old.pod().key()) == null) throw new IllegalArgumentException("pod " + old.pod().key() + " is not on " + name());
    pods.add(now);
    podCount = pods.size();
    if (now.hasAffinity()) podsWithAffinity.add(now);
    if (!now.requiredAntiAffinityTerms().isEmpty()) podsWithRequiredAntiAffinity.add(now);
    generation++;
  }

  /** Removes the pod with the same namespace/name; false when it is not on this node. */
  public boolean removePod(PodInfo pod) {
    PodInfo p = removeFromLists(pod.pod().key());
    if (p == null) return false;
    requested = requested.minus(p.requests());
    nonZeroRequested = nonZeroRequested.minus(p.nonZeroRequests());
    copyRequested();
    generation++;
    return true;
  }

  /** Takes the pod with this namespace/name out of the pod lists; the one removed, or null. */
  private PodInfo removeFromLists(String key) {
    for (int i = 0; i < pods.size(); i++) {
      PodInfo p = pods.get(i);
      if (p.pod().key().equals(key)) {
        pods.remove(i);
        podCount = pods.size();
        if (!podsWithAffinity.isEmpty()) podsWithAffinity.removeIf(x -> x.pod().key().equals(key));
        if (!podsWithRequiredAntiAffinity.isEmpty()) podsWithRequiredAntiAffinity.removeIf(x -> x.pod().key().equals(key));
        return p;
      }
    }
    return null;
  }

  /** A detached copy, for what-if evaluation (preemption dry runs, tests). */
  public NodeInfo copy() {
    NodeInfo c = new NodeInfo(index, node);
    for (PodInfo p : pods) c.addPod(p);
    return c;
  }

  @Override
  public String toString() {
    return "NodeInfo(" + node.name() + ", " + pods.size() + " pods)";
  }
}
