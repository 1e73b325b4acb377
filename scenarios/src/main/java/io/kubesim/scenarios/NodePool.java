package io.kubesim.scenarios;

import io.kubesim.api.Node;
import io.kubesim.api.NodeSpec;
import io.kubesim.api.NodeStatus;
import io.kubesim.api.ObjectMeta;
import io.kubesim.api.Quantity;
import io.kubesim.api.ResourceNames;
import io.kubesim.api.Taint;
import io.kubesim.kubelet.KubeletConfiguration;
import io.kubesim.kubelet.cm.topology.CpuTopology;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A node pool: {@code count} identical nodes named {@code <name>-<i>} (i from 0), spread
 * round-robin over {@code zones}, with the well-known labels.
 *
 * @param hardware the CPU topology (a preset, an lscpu import or written out CPU by CPU), or null
 * @param hardwareName the preset name, the lscpu file as written, or "explicit"; null without hardware
 * @param kubelet the pool's kubelet configuration (defaults when not written)
 * @param allocatable what the scheduler fits pods into (cpu defaults from the hardware)
 * @param capacity the node's capacity (cpu from the hardware, else as allocatable)
 */
public record NodePool(
    String name,
    int count,
    List<String> zones,
    String region,
    Map<String, String> labels,
    List<Taint> taints,
    Map<String, Quantity> allocatable,
    Map<String, Quantity> capacity,
    CpuTopology hardware,
    String hardwareName,
    KubeletConfiguration kubelet) {

  public NodePool {
    zones = List.copyOf(zones);
    labels = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(labels));
    taints = List.copyOf(taints);
    allocatable = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(allocatable));
    capacity = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(capacity));
  }

  /** Whether the pool's kubelets pin CPUs (static CPU manager policy). */
  public boolean pinsCpus() {
    return kubelet.cpuManagerPolicy().equals(KubeletConfiguration.STATIC_POLICY);
  }

  public String nodeName(int index) {
    return name + "-" + index;
  }

  /** The pool's node number {@code index} (0-based, counting nodes added later by the timeline). */
  public Node node(int index) {
    String nodeName = nodeName(index);
    Map<String, String> l = new LinkedHashMap<>(labels);
    l.put(ResourceNames.LABEL_HOSTNAME, nodeName);
    l.put("kubernetes.io/os", "linux");
    l.put(NodeSelection.POOL_LABEL, name);
    if (!zones.isEmpty()) l.put(ResourceNames.LABEL_ZONE, zones.get(index % zones.size()));
    if (region != null) l.put(ResourceNames.LABEL_REGION, region);
    ObjectMeta meta = new ObjectMeta(nodeName, null, null, l, null, null, null, null);
    return new Node(meta, new NodeSpec(false, taints), new NodeStatus(capacity, allocatable));
  }
}
