package io.kubesim.conformance.cpu;

import io.kubesim.kubelet.cm.cpumanager.CpuManagerPolicyOptions;
import io.kubesim.kubelet.cm.cpuset.CpuSet;
import io.kubesim.kubelet.cm.topology.CpuInfo;
import io.kubesim.kubelet.cm.topology.CpuTopology;
import io.kubesim.yaml.YamlNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Readers for the parts the CPU case kinds share; every bad value is reported where it stands. */
final class CaseReaders {
  private CaseReaders() {}

  static final String[] HEADER = {"name", "source", "kind"};

  static String[] withHeader(String... keys) {
    String[] all = new String[HEADER.length + keys.length];
    System.arraycopy(HEADER, 0, all, 0, HEADER.length);
    System.arraycopy(keys, 0, all, HEADER.length, keys.length);
    return all;
  }

  /** {@code topology: {cpus: [[cpu, core, socket, numa(, uncore)], ...]}}. */
  static CpuTopology topology(YamlNode node) {
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

  static CpuSet cpuSet(YamlNode node) {
    try {
      return CpuSet.parse(node.isNull() ? "" : node.asString());
    } catch (IllegalArgumentException e) {
      throw node.error(e.getMessage());
    }
  }

  static CpuManagerPolicyOptions cpuPolicyOptions(YamlNode node) {
    if (node == null) return CpuManagerPolicyOptions.NONE;
    Map<String, String> options = node.asStringMap();
    try {
      return CpuManagerPolicyOptions.parse(options);
    } catch (IllegalArgumentException e) {
      throw node.error(e.getMessage());
    }
  }

  static String quoted(Object value) {
    return value == null ? "null" : "\"" + value + "\"";
  }
}
