package io.kubesim.scenarios.hardware;

import io.kubesim.kubelet.cm.topology.CpuInfo;
import io.kubesim.kubelet.cm.topology.CpuTopology;
import io.kubesim.yaml.YamlNode;
import java.util.ArrayList;
import java.util.List;

/**
 * A CPU topology written out CPU by CPU, as conformance cases and node pools write it:
 * {@code {cpus: [[cpu, core, socket, numa(, uncore)], ...]}}. Without the 5th column the uncore
 * cache is the socket, as the kubelet assumes when the machine reports no L3.
 */
public final class ExplicitTopology {
  private ExplicitTopology() {}

  /** {@code topology: {cpus: [[cpu, core, socket, numa(, uncore)], ...]}}. */
  public static CpuTopology read(YamlNode node) {
    YamlNode.Map map = node.asMap().allowOnly("cpus");
    List<CpuInfo> cpus = new ArrayList<>();
    for (YamlNode row : map.require("cpus").asSeq().items()) {
      List<YamlNode> f = row.asSeq().items();
      if (f.size() != 4 && f.size() != 5) {
        throw row.error("a CPU row is [cpuId, coreId, socketId, numaNodeId] or with a 5th uncoreCacheId, found "
            + f.size() + " elements");
      }
      int cpu = f.get(0).asInt();
      int core = f.get(1).asInt();
      int socket = f.get(2).asInt();
      int numa = f.get(3).asInt();
      int uncore = f.size() == 5 ? f.get(4).asInt() : socket;
      try {
        cpus.add(new CpuInfo(cpu, core, socket, numa, uncore));
      } catch (IllegalArgumentException e) {
        throw row.error(e.getMessage());
      }
    }
    try {
      return CpuTopology.of(cpus);
    } catch (IllegalArgumentException e) {
      throw node.error(e.getMessage());
    }
  }

}
