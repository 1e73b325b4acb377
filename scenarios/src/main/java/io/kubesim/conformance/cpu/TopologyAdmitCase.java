package io.kubesim.conformance.cpu;

import static io.kubesim.conformance.cpu.CaseReaders.cpuSet;
import static io.kubesim.conformance.cpu.CaseReaders.quoted;

import io.kubesim.kubelet.cm.cpuset.CpuSet;
import io.kubesim.kubelet.cm.topology.NumaDistances;
import io.kubesim.kubelet.cm.topologymanager.MergeResult;
import io.kubesim.kubelet.cm.topologymanager.NumaInfo;
import io.kubesim.kubelet.cm.topologymanager.NumaMask;
import io.kubesim.kubelet.cm.topologymanager.TopologyAffinityError;
import io.kubesim.kubelet.cm.topologymanager.TopologyHint;
import io.kubesim.kubelet.cm.topologymanager.TopologyManagerPolicy;
import io.kubesim.kubelet.cm.topologymanager.TopologyManagerPolicyName;
import io.kubesim.kubelet.cm.topologymanager.TopologyManagerPolicyOptions;
import io.kubesim.yaml.YamlNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** {@code topology-admit}: one Topology Manager policy merging given provider hints. */
final class TopologyAdmitCase {
  private TopologyAdmitCase() {}

  static List<String> run(YamlNode.Map doc) {
    doc.allowOnly(CaseReaders.withHeader("policy", "policyOptions", "numaNodes", "numaDistances", "hints", "expect"));
    TopologyManagerPolicyName name = TopologyManagerPolicyName.parse(
        doc.require("policy").asEnum(TopologyManagerPolicyName.names()));
    TopologyManagerPolicyOptions options = TopologyManagerPolicyOptions.DEFAULT;
    if (doc.opt("policyOptions") != null) {
      try {
        options = TopologyManagerPolicyOptions.parse(doc.require("policyOptions").asStringMap());
      } catch (IllegalArgumentException e) {
        throw doc.require("policyOptions").error(e.getMessage());
      }
    }
    CpuSet nodes = CpuSet.of(doc.require("numaNodes").asSeq().map(n -> {
      int id = n.asInt();
      if (id < 0 || id > 63) throw n.error("NUMA node id " + id + " is out of range [0, 63]");
      return id;
    }));
    NumaDistances distances = doc.opt("numaDistances") == null ? NumaDistances.linuxDefault(nodes)
        : distances(doc.require("numaDistances"), nodes);
    List<Map<String, List<TopologyHint>>> providers = providers(doc.require("hints"));
    YamlNode.Map expect = doc.require("expect").asMap().allowOnly("admit", "affinity", "preferred", "reason");

    MergeResult result;
    try {
      result = new TopologyManagerPolicy(name, new NumaInfo(nodes, distances), options).merge(providers);
    } catch (IllegalArgumentException e) {
      throw doc.error(e.getMessage());
    }

    List<String> diffs = new ArrayList<>();
    if (expect.has("admit")) {
      boolean want = expect.require("admit").asBoolean();
      if (want != result.admit()) diffs.add("admit: expected " + want + ", got " + result.admit());
    }
    if (expect.has("affinity")) {
      YamlNode a = expect.get("affinity");
      NumaMask want = a.isNull() ? null : NumaMask.of(cpuSet(a));
      NumaMask got = result.hint().numaNodeAffinity();
      if (want == null ? got != null : !want.equals(got)) {
        diffs.add("affinity: expected " + quoted(want) + ", got " + quoted(got));
      }
    }
    if (expect.has("preferred")) {
      boolean want = expect.require("preferred").asBoolean();
      if (want != result.hint().preferred()) diffs.add("preferred: expected " + want + ", got " + result.hint().preferred());
    }
    if (expect.has("reason")) {
      String want = expect.require("reason").asString();
      String got = result.admit() ? "" : TopologyAffinityError.REASON;
      if (!want.equals(got)) diffs.add("reason: expected " + quoted(want) + ", got " + quoted(got));
    }
    return diffs;
  }

  /** {@code {0: [10, 20], 1: [20, 10]}}: row i lists the distances to nodes 0, 1, ... */
  private static NumaDistances distances(YamlNode node, CpuSet nodes) {
    Map<Integer, int[]> rows = new TreeMap<>();
    for (Map.Entry<String, YamlNode> e : node.asMap().fields().entrySet()) {
      int id;
      try {
        id = Integer.parseInt(e.getKey());
      } catch (NumberFormatException ex) {
        throw e.getValue().error("a NUMA node id must be an integer, found \"" + e.getKey() + "\"");
      }
      rows.put(id, e.getValue().asSeq().map(YamlNode::asInt).stream().mapToInt(Integer::intValue).toArray());
    }
    try {
      NumaDistances d = NumaDistances.of(rows);
      for (int n : nodes) {
        if (!d.hasNode(n)) throw new IllegalArgumentException("no distances for NUMA node " + n);
      }
      return d;
    } catch (IllegalArgumentException e) {
      throw node.error(e.getMessage());
    }
  }

  /** Provider name to (null | resource to (null | hint list)), in document order. */
  private static List<Map<String, List<TopologyHint>>> providers(YamlNode node) {
    List<Map<String, List<TopologyHint>>> out = new ArrayList<>();
    for (YamlNode provider : node.asMap().fields().values()) {
      if (provider.isNull()) {
        out.add(null);
        continue;
      }
      Map<String, List<TopologyHint>> resources = new LinkedHashMap<>();
      provider.asMap().fields().forEach((resource, list) -> resources.put(resource, list.isNull() ? null : hints(list)));
      out.add(resources);
    }
    return out;
  }

  /** {@code [{affinity: "0-1" | null, preferred: bool}, ...]}. */
  static List<TopologyHint> hints(YamlNode node) {
    List<TopologyHint> out = new ArrayList<>();
    for (YamlNode item : node.asSeq().items()) {
      YamlNode.Map h = item.asMap().allowOnly("affinity", "preferred");
      if (!h.has("affinity")) throw h.error("missing required field \"affinity\" (null means any NUMA node)");
      YamlNode a = h.get("affinity");
      NumaMask mask;
      try {
        mask = a.isNull() ? null : NumaMask.of(cpuSet(a));
      } catch (IllegalArgumentException e) {
        throw a.error(e.getMessage());
      }
      out.add(new TopologyHint(mask, h.require("preferred").asBoolean()));
    }
    return out;
  }
}
