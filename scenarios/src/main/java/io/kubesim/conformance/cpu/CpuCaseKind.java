package io.kubesim.conformance.cpu;

import io.kubesim.conformance.CaseKind;
import io.kubesim.yaml.YamlNode;
import java.util.List;
import java.util.Set;

/** Runs the kubelet CPU cases: {@code cpu-assign}, {@code cpu-hints}, {@code topology-admit}. */
public final class CpuCaseKind implements CaseKind {
  public static final String CPU_ASSIGN = "cpu-assign";
  public static final String CPU_HINTS = "cpu-hints";
  public static final String TOPOLOGY_ADMIT = "topology-admit";

  @Override
  public Set<String> kinds() {
    return Set.of(CPU_ASSIGN, CPU_HINTS, TOPOLOGY_ADMIT);
  }

  @Override
  public List<String> run(YamlNode.Map doc) {
    String kind = doc.require("kind").asEnum(List.of(CPU_ASSIGN, CPU_HINTS, TOPOLOGY_ADMIT));
    return switch (kind) {
      case CPU_ASSIGN -> CpuAssignCase.run(doc);
      case CPU_HINTS -> CpuHintsCase.run(doc);
      default -> TopologyAdmitCase.run(doc);
    };
  }
}
