package io.kubesim.conformance.cpu;

import io.kubesim.scenarios.hardware.ExplicitTopology;
import static io.kubesim.conformance.cpu.CaseReaders.cpuSet;
import static io.kubesim.conformance.cpu.CaseReaders.quoted;

import io.kubesim.kubelet.cm.cpumanager.CpuAllocationException;
import io.kubesim.kubelet.cm.cpumanager.CpuManagerPolicyOptions;
import io.kubesim.kubelet.cm.cpumanager.CpuManagerState;
import io.kubesim.kubelet.cm.cpumanager.SMTAlignmentError;
import io.kubesim.kubelet.cm.cpumanager.StaticPolicy;
import io.kubesim.kubelet.cm.cpuset.CpuSet;
import io.kubesim.kubelet.cm.topology.CpuTopology;
import io.kubesim.kubelet.cm.topologymanager.NumaMask;
import io.kubesim.yaml.YamlNode;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code cpu-assign}: the static policy allocating exclusive CPUs for the app containers of one
 * Guaranteed pod, one after another, from {@code available} (the shared pool minus reserved).
 */
final class CpuAssignCase {
  private CpuAssignCase() {}

  static final String INSUFFICIENT = "insufficient";

  static List<String> run(YamlNode.Map doc) {
    doc.allowOnly(CaseReaders.withHeader("topology", "reserved", "available", "request", "requests", "policyOptions",
        "numaAffinity", "expect"));
    CpuTopology topo = ExplicitTopology.read(doc.require("topology"));
    CpuSet reserved = cpuSet(doc.require("reserved"));
    CpuSet available = cpuSet(doc.require("available"), topo);
    List<Integer> requests = requests(doc);
    CpuManagerPolicyOptions options = CaseReaders.cpuPolicyOptions(doc.opt("policyOptions"));
    NumaMask affinity = doc.opt("numaAffinity") == null ? null : NumaMask.of(cpuSet(doc.require("numaAffinity")));
    YamlNode.Map expect = doc.require("expect").asMap().allowOnly("cpus", "uncoreCaches", "error", "message");

    StaticPolicy policy;
    try {
      policy = new StaticPolicy(topo, reserved, options);
    } catch (IllegalArgumentException e) {
      throw doc.require("reserved").error(e.getMessage());
    }
    // The shared pool: available plus reserved, unless strict reservation keeps reserved out.
    CpuManagerState state = new CpuManagerState(options.strictCpuReservation() ? available : available.union(reserved));

    CpuSet taken = CpuSet.EMPTY;
    String errorKind = null;
    String errorMessage = null;
    for (int i = 0; i < requests.size(); i++) {
      String container = "container-" + i;
      try {
        policy.allocate(state, "pod", container, requests.get(i), false, affinity);
      } catch (SMTAlignmentError e) {
        errorKind = SMTAlignmentError.REASON;
        errorMessage = e.getMessage();
        break;
      } catch (CpuAllocationException e) {
        errorKind = INSUFFICIENT;
        errorMessage = e.getMessage();
        break;
      }
      CpuSet got = state.cpuSet("pod", container);
      if (got != null) taken = taken.union(got);
    }

    List<String> diffs = new ArrayList<>();
    String outcome = errorKind == null ? null : "error " + errorKind + " (" + errorMessage + ")";
    if (expect.has("cpus")) {
      CpuSet want = cpuSet(expect.get("cpus"));
      if (outcome != null) diffs.add("cpus: expected " + quoted(want) + ", got " + outcome);
      else if (!want.equals(taken)) diffs.add("cpus: expected " + quoted(want) + ", got " + quoted(taken));
    }
    if (expect.has("uncoreCaches")) {
      CpuSet want = cpuSet(expect.get("uncoreCaches"));
      CpuSet got = topo.details().uncoreCachesOf(taken);
      if (outcome != null) diffs.add("uncoreCaches: expected " + quoted(want) + ", got " + outcome);
      else if (!want.equals(got)) {
        diffs.add("uncoreCaches: expected " + quoted(want) + ", got " + quoted(got) + " (cpus " + quoted(taken) + ")");
      }
    }
    if (expect.has("error")) {
      String want = expect.require("error").asEnum(List.of(SMTAlignmentError.REASON, INSUFFICIENT));
      if (errorKind == null) diffs.add("error: expected " + want + ", got cpus " + quoted(taken));
      else if (!want.equals(errorKind)) diffs.add("error: expected " + want + ", got " + errorKind);
    }
    if (expect.has("message")) {
      String want = expect.require("message").asString();
      if (!want.equals(errorMessage)) diffs.add("message: expected " + quoted(want) + ", got " + quoted(errorMessage));
    }
    if (!expect.has("cpus") && !expect.has("uncoreCaches") && !expect.has("error")) {
      throw expect.error("expect needs cpus, uncoreCaches or error");
    }
    return diffs;
  }

  private static List<Integer> requests(YamlNode.Map doc) {
    boolean one = doc.has("request");
    boolean many = doc.has("requests");
    if (one == many) throw doc.error("exactly one of \"request\" and \"requests\" is required");
    List<Integer> out = one ? List.of(doc.require("request").asInt()) : doc.require("requests").asSeq().map(YamlNode::asInt);
    for (int r : out) if (r < 0) throw doc.error("a request cannot be negative: " + r);
    return out;
  }
}
