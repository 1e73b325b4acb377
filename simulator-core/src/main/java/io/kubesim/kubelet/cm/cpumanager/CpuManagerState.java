package io.kubesim.kubelet.cm.cpumanager;

import io.kubesim.kubelet.cm.cpuset.CpuSet;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The CPU manager's mutable per-node state, as upstream's {@code state.State} plus the static
 * policy's {@code cpusToReuse}: the shared pool (default cpuset), the exclusive assignment of
 * every container, and the CPUs of a pod's finished init containers that its later containers
 * may reuse.
 *
 * <p>An init container's CPUs stay recorded for it after an app container reuses them, as
 * upstream does; they go back to the shared pool when the pod is removed.
 */
public final class CpuManagerState {
  private CpuSet defaultCpuSet;
  private final Map<String, Map<String, CpuSet>> assignments = new LinkedHashMap<>();
  private final Map<String, CpuSet> cpusToReuse = new LinkedHashMap<>();

  public CpuManagerState(CpuSet defaultCpuSet) {
    this.defaultCpuSet = defaultCpuSet;
  }

  public CpuSet defaultCpuSet() {
    return defaultCpuSet;
  }

  public void setDefaultCpuSet(CpuSet cpus) {
    this.defaultCpuSet = cpus;
  }

  /** The container's exclusive CPUs, or {@code null} when it has none. */
  public CpuSet cpuSet(String podUid, String containerName) {
    Map<String, CpuSet> pod = assignments.get(podUid);
    return pod == null ? null : pod.get(containerName);
  }

  public void setCpuSet(String podUid, String containerName, CpuSet cpus) {
    assignments.computeIfAbsent(podUid, k -> new LinkedHashMap<>()).put(containerName, cpus);
  }

  public void delete(String podUid, String containerName) {
    Map<String, CpuSet> pod = assignments.get(podUid);
    if (pod == null) return;
    pod.remove(containerName);
    if (pod.isEmpty()) assignments.remove(podUid);
  }

  /** Container name to CPUs for one pod, in allocation order (read-only view). */
  public Map<String, CpuSet> podAssignments(String podUid) {
    return Collections.unmodifiableMap(assignments.getOrDefault(podUid, Map.of()));
  }

  /** Pod uid to container name to CPUs (read-only copy). */
  public Map<String, Map<String, CpuSet>> assignments() {
    Map<String, Map<String, CpuSet>> out = new LinkedHashMap<>();
    assignments.forEach((pod, m) -> out.put(pod, Collections.unmodifiableMap(new LinkedHashMap<>(m))));
    return Collections.unmodifiableMap(out);
  }

  /** Every CPU exclusively assigned to some container. */
  public CpuSet assignedCpus() {
    CpuSet all = CpuSet.EMPTY;
    for (Map<String, CpuSet> pod : assignments.values()) {
      for (CpuSet c : pod.values()) all = all.union(c);
    }
    return all;
  }

  public CpuSet cpusToReuse(String podUid) {
    return cpusToReuse.getOrDefault(podUid, CpuSet.EMPTY);
  }

  /**
   * Records the reusable CPUs of the pod being admitted; as upstream, entries of other pods are
   * dropped (only the pod currently being admitted can reuse anything).
   */
  void setCpusToReuse(String podUid, CpuSet cpus) {
    cpusToReuse.keySet().removeIf(k -> !k.equals(podUid));
    cpusToReuse.put(podUid, cpus);
  }

  void forgetReusable(String podUid) {
    cpusToReuse.remove(podUid);
  }

  /** An independent copy (for what-if questions such as stranded CPUs). */
  public CpuManagerState copy() {
    CpuManagerState c = new CpuManagerState(defaultCpuSet);
    assignments.forEach((pod, m) -> c.assignments.put(pod, new LinkedHashMap<>(m)));
    c.cpusToReuse.putAll(cpusToReuse);
    return c;
  }
}
