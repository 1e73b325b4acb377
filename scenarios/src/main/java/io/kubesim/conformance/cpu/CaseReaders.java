package io.kubesim.conformance.cpu;

import io.kubesim.kubelet.cm.cpumanager.CpuManagerPolicyOptions;
import io.kubesim.kubelet.cm.cpuset.CpuSet;
import io.kubesim.yaml.YamlNode;
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

  static CpuSet cpuSet(YamlNode node) {
    try {
      return CpuSet.parse(node.isNull() ? "" : node.asString());
    } catch (IllegalArgumentException e) {
      throw node.error(e.getMessage());
    }
  }

  /** {@link #cpuSet(YamlNode)} whose every CPU is in {@code topo}. */
  static CpuSet cpuSet(YamlNode node, io.kubesim.kubelet.cm.topology.CpuTopology topo) {
    CpuSet set = cpuSet(node);
    for (int id : set) {
      if (topo.infoOrNull(id) == null) throw node.error("CPU " + id + " is not in the topology");
    }
    return set;
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
