package io.kubesim.conformance.cpu;

import io.kubesim.scenarios.hardware.ExplicitTopology;
import static io.kubesim.conformance.cpu.CaseReaders.cpuSet;

import io.kubesim.kubelet.cm.cpumanager.CpuManagerPolicyOptions;
import io.kubesim.kubelet.cm.cpumanager.CpuManagerState;
import io.kubesim.kubelet.cm.cpumanager.StaticPolicy;
import io.kubesim.kubelet.cm.cpuset.CpuSet;
import io.kubesim.kubelet.cm.topology.CpuTopology;
import io.kubesim.kubelet.cm.topologymanager.TopologyHint;
import io.kubesim.yaml.YamlNode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** {@code cpu-hints}: the static policy's topology hints for one container, compared as a set. */
final class CpuHintsCase {
  private CpuHintsCase() {}

  static List<String> run(YamlNode.Map doc) {
    doc.allowOnly(CaseReaders.withHeader("topology", "reserved", "available", "allocated", "request", "policyOptions",
        "expect"));
    CpuTopology topo = ExplicitTopology.read(doc.require("topology"));
    CpuSet reserved = cpuSet(doc.require("reserved"));
    CpuSet available = cpuSet(doc.require("available"), topo);
    int request = doc.require("request").asInt();
    CpuManagerPolicyOptions options = CaseReaders.cpuPolicyOptions(doc.opt("policyOptions"));
    YamlNode.Map expect = doc.require("expect").asMap().allowOnly("hints");
    if (!expect.has("hints")) throw expect.error("missing required field \"hints\"");

    StaticPolicy policy;
    try {
      policy = new StaticPolicy(topo, reserved, options);
    } catch (IllegalArgumentException e) {
      throw doc.require("reserved").error(e.getMessage());
    }
    CpuManagerState state = new CpuManagerState(options.strictCpuReservation() ? available : available.union(reserved));
    if (doc.opt("allocated") != null) state.setCpuSet("pod", "container", cpuSet(doc.require("allocated"), topo));

    Map<String, List<TopologyHint>> got = policy.getTopologyHints(state, "pod", "container", request);
    List<TopologyHint> gotHints = got == null ? null : got.get(StaticPolicy.CPU);
    YamlNode wantNode = expect.get("hints");
    List<TopologyHint> wantHints = wantNode.isNull() ? null : TopologyAdmitCase.hints(wantNode);

    List<String> diffs = new ArrayList<>();
    // Upstream's hint tests compare by length when either side is empty, so a nil expectation and
    // an empty result (or the reverse) agree there; the cases inherit that comparison.
    boolean wantNone = wantHints == null || wantHints.isEmpty();
    boolean gotNone = gotHints == null || gotHints.isEmpty();
    if (wantNone || gotNone) {
      if (wantNone != gotNone) diffs.add("hints: expected " + render(wantHints) + ", got " + render(gotHints));
      return diffs;
    }
    Set<TopologyHint> want = new LinkedHashSet<>(wantHints);
    Set<TopologyHint> have = new LinkedHashSet<>(gotHints);
    if (!want.equals(have)) {
      Set<TopologyHint> missing = new LinkedHashSet<>(want);
      missing.removeAll(have);
      Set<TopologyHint> extra = new LinkedHashSet<>(have);
      extra.removeAll(want);
      diffs.add("hints: expected " + render(wantHints) + ", got " + render(gotHints) + " (missing " + missing
          + ", unexpected " + extra + ")");
    }
    return diffs;
  }

  private static String render(List<TopologyHint> hints) {
    return hints == null ? "null (no preference)" : hints.toString();
  }
}
