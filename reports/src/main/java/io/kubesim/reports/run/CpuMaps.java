package io.kubesim.reports.run;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kubesim.kubelet.NodeCpuAdmission;
import io.kubesim.kubelet.PinningQuality;
import io.kubesim.kubelet.cm.cpuset.CpuSet;
import io.kubesim.kubelet.cm.topology.CpuInfo;
import io.kubesim.metrics.PinningSummary;
import io.kubesim.sim.KubeletAdmitter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The kubelets' CPU assignments at the end of a run, for the report's socket/NUMA/core map: per
 * variant the most and the least fragmented nodes, fragmentation being the CPUs stranded for the
 * largest exclusive request admitted (free CPUs no further request of that size could get).
 */
public final class CpuMaps {
  private CpuMaps() {}

  private static final JsonNodeFactory F = JsonNodeFactory.instance;

  /**
   * One variant's map, with the pinning summary of each node pool; null when no node pins CPUs.
   *
   * @param poolOfNode node name → pool name
   */
  public static ObjectNode of(KubeletAdmitter kubelets, Map<String, String> podNameByUid, Map<String, String> poolOfNode) {
    if (kubelets.nodes().isEmpty()) return null;
    int size = 1;
    for (NodeCpuAdmission n : kubelets.nodes().values()) {
      for (String uid : n.admittedPods()) {
        for (PinningQuality q : n.pinning(uid)) if (q.exclusive()) size = Math.max(size, q.cpus().size());
      }
    }
    record Scored(String name, NodeCpuAdmission node, int stranded) {}
    List<Scored> scored = new ArrayList<>();
    for (Map.Entry<String, NodeCpuAdmission> e : new TreeMap<>(kubelets.nodes()).entrySet()) {
      scored.add(new Scored(e.getKey(), e.getValue(), e.getValue().strandedCpus(size).size()));
    }
    scored.sort(Comparator.comparingInt(Scored::stranded).reversed().thenComparing(Scored::name));
    ObjectNode out = F.objectNode();
    out.put("requestSize", size);
    out.set("pools", pools(kubelets, poolOfNode, size));
    ArrayNode nodes = out.putArray("nodes");
    List<Scored> picked = new ArrayList<>();
    picked.add(scored.get(0));
    if (scored.size() > 1) picked.add(scored.get(scored.size() - 1));
    for (Scored s : picked) {
      ObjectNode n = nodes.addObject();
      n.put("name", s.name());
      n.put("role", s == scored.get(0) ? "most fragmented" : "least fragmented");
      n.put("stranded", s.stranded());
      n.put("free", s.node().allocatableCpus().size());
      n.set("cpus", cpus(s.node(), podNameByUid));
    }
    return out;
  }

  /** Per pool, the same summary as the run's over all nodes (PinningSummary), for the pool's nodes only. */
  private static ObjectNode pools(KubeletAdmitter kubelets, Map<String, String> poolOfNode, int size) {
    Map<String, KubeletAdmitter> byPool = new TreeMap<>();
    kubelets.nodes().forEach((node, admission) -> byPool.computeIfAbsent(poolOfNode.getOrDefault(node, "(no pool)"), k -> new KubeletAdmitter())
        .put(node, admission));
    ObjectNode out = F.objectNode();
    byPool.forEach((pool, nodes) -> {
      PinningSummary p = PinningSummary.of(nodes, Map.of(), size);
      ObjectNode n = out.putObject(pool);
      n.put("nodes", p.nodes());
      n.put("pinnedPods", p.pinnedPods());
      n.put("numaAligned", p.numaAligned());
      n.put("socketAligned", p.socketAligned());
      n.put("freeExclusiveCpus", p.freeExclusiveCpus());
      n.put("strandedCpus", p.strandedCpus().getOrDefault(size, 0));
    });
    return out;
  }

  /** Every CPU with its socket, NUMA node, core and owner ("" free, "reserved", or pod/container). */
  private static ArrayNode cpus(NodeCpuAdmission node, Map<String, String> podNameByUid) {
    Map<Integer, String> owner = new HashMap<>();
    for (int cpu : node.reservedCpus().ids()) owner.put(cpu, "reserved");
    for (String uid : node.admittedPods()) {
      for (Map.Entry<String, CpuSet> c : node.exclusiveCpus(uid).entrySet()) {
        for (int cpu : c.getValue().ids()) owner.put(cpu, podNameByUid.getOrDefault(uid, uid) + "/" + c.getKey());
      }
    }
    ArrayNode out = F.arrayNode();
    List<CpuInfo> infos = new ArrayList<>(node.topology().cpuInfos());
    infos.sort(Comparator.comparingInt(CpuInfo::socket).thenComparingInt(CpuInfo::numaNode).thenComparingInt(CpuInfo::core)
        .thenComparingInt(CpuInfo::cpu));
    for (CpuInfo i : infos) {
      ObjectNode c = out.addObject();
      c.put("cpu", i.cpu());
      c.put("core", i.core());
      c.put("socket", i.socket());
      c.put("numa", i.numaNode());
      c.put("owner", owner.getOrDefault(i.cpu(), ""));
    }
    return out;
  }
}
