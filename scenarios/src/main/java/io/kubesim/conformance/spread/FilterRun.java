package io.kubesim.conformance.spread;

import io.kubesim.scheduler.framework.Code;
import io.kubesim.scheduler.framework.CycleState;
import io.kubesim.scheduler.framework.NodeInfo;
import io.kubesim.scheduler.framework.PodInfo;
import io.kubesim.scheduler.framework.Status;
import io.kubesim.scheduler.plugins.podtopologyspread.CriticalPaths;
import io.kubesim.scheduler.plugins.podtopologyspread.PodTopologySpread;
import io.kubesim.scheduler.plugins.podtopologyspread.PreFilterState;
import io.kubesim.yaml.YamlNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A {@code spread-filter} case: PreFilter, then the optional AddPod/RemovePod extension, then Filter
 * on every node (all Success when PreFilter skipped, as the framework then never calls Filter).
 */
final class FilterRun {
  private static final List<String> PRE_FILTER_CODES = List.of("Skip", "UnschedulableAndUnresolvable", "Error");
  private static final List<String> FILTER_CODES = List.of("Success", "Unschedulable", "UnschedulableAndUnresolvable");

  private final SpreadCaseKind.SpreadCase c;
  private final List<String> diffs = new ArrayList<>();

  FilterRun(SpreadCaseKind.SpreadCase c) {
    this.c = c;
  }

  List<String> run() {
    YamlNode.Map expect = c.doc().require("expect").asMap().allowOnly("feasible", "statusCodes", "preFilter", "preFilterState");
    PodTopologySpread plugin = c.plugin();
    CycleState state = new CycleState(c.cluster());
    Status pre = plugin.preFilter(state, c.pod(), c.cluster()).status();

    YamlNode wantPre = expect.opt("preFilter");
    if (wantPre != null) {
      String want = wantPre.asEnum(PRE_FILTER_CODES);
      if (!pre.code().name().equals(want)) diffs.add("preFilter: got " + pre + ", expected " + want);
    } else if (pre.code() != Code.Success && pre.code() != Code.Skip) {
      diffs.add("preFilter: got " + pre + ", expected Success");
    }

    YamlNode ext = c.doc().opt("preFilterExtension");
    if (ext != null) extension(ext, state, plugin);

    YamlNode wantState = expect.opt("preFilterState");
    if (wantState != null) preFilterState(wantState, PodTopologySpread.preFilterState(state));

    if (expect.opt("feasible") != null || expect.opt("statusCodes") != null) {
      Map<String, Code> codes = new LinkedHashMap<>();
      for (String name : c.nodeNames()) {
        NodeInfo node = c.cluster().get(name);
        codes.put(name, pre.isSkip() ? Code.Success : plugin.filter(state, c.pod(), node).code());
      }
      YamlNode feasible = expect.opt("feasible");
      if (feasible != null) {
        Set<String> want = new LinkedHashSet<>(feasible.asStringList());
        for (YamlNode n : feasible.asSeq().items()) {
          if (!codes.containsKey(n.asString())) throw SpreadCaseKind.unknownNode(n, n.asString());
        }
        Set<String> got = new LinkedHashSet<>();
        codes.forEach((name, code) -> {
          if (code == Code.Success) got.add(name);
        });
        if (!got.equals(want)) {
          diffs.add("feasible: got " + SpreadCaseKind.sorted(got) + ", expected " + SpreadCaseKind.sorted(want));
        }
      }
      YamlNode statusCodes = expect.opt("statusCodes");
      if (statusCodes != null) {
        statusCodes.asMap().fields().forEach((name, v) -> {
          String want = v.asEnum(FILTER_CODES);
          Code got = codes.get(name);
          if (got == null) throw SpreadCaseKind.unknownNode(v, name);
          if (!got.name().equals(want)) diffs.add("statusCodes." + name + ": got " + got + ", expected " + want);
        });
      }
    }
    return diffs;
  }

  private void extension(YamlNode ext, CycleState state, PodTopologySpread plugin) {
    YamlNode.Map m = ext.asMap().allowOnly("op", "node", "pod");
    String op = m.require("op").asEnum(List.of("AddPod", "RemovePod"));
    String nodeName = m.require("node").asString();
    NodeInfo node = c.cluster().get(nodeName);
    if (node == null) throw SpreadCaseKind.unknownNode(m.get("node"), nodeName);
    PodInfo other = PodInfo.of(c.decoder().pod(m.require("pod")));
    Status s = op.equals("AddPod")
        ? plugin.addPod(state, c.pod(), other, node)
        : plugin.removePod(state, c.pod(), other, node);
    if (!s.isSuccess()) diffs.add("preFilterExtension " + op + ": got " + s + ", expected Success");
  }

  private void preFilterState(YamlNode want, PreFilterState got) {
    YamlNode.Map m = want.asMap().allowOnly("constraints", "tpValueToMatchNum", "criticalPaths");
    if (got == null) {
      diffs.add("preFilterState: PreFilter wrote no state (it returned Skip or an error)");
      return;
    }
    int n = got.constraints().size();
    if (m.opt("constraints") != null) {
      ConstraintsCheck.constraints("preFilterState.constraints", m.get("constraints"), got.constraints(), c.decoder(), diffs);
    }
    if (m.opt("tpValueToMatchNum") != null) {
      ConstraintsCheck.domainCounts("preFilterState.tpValueToMatchNum", m.get("tpValueToMatchNum"), n, got::tpValueToMatchNum, diffs);
    }
    if (m.opt("criticalPaths") != null) criticalPaths(m.get("criticalPaths"), got);
  }

  /**
   * Element 0 holds the global minimum; two entries with equal counts may come in either order.
   * {@code ['', 2147483647]} is an unused entry.
   */
  private void criticalPaths(YamlNode want, PreFilterState got) {
    List<YamlNode> items = want.asSeq().items();
    if (items.size() != got.constraints().size()) {
      diffs.add("preFilterState.criticalPaths: expected " + items.size() + " for " + got.constraints().size() + " constraint(s)");
      return;
    }
    for (int i = 0; i < items.size(); i++) {
      List<YamlNode> pair = items.get(i).asSeq().items();
      if (pair.size() != 2) throw items.get(i).error("expected two [value, count] entries");
      CriticalPaths.Path w0 = path(pair.get(0));
      CriticalPaths.Path w1 = path(pair.get(1));
      CriticalPaths paths = got.criticalPaths(i);
      CriticalPaths.Path g0 = paths.first();
      CriticalPaths.Path g1 = paths.second();
      boolean ok;
      if (w0.matchNum() == w1.matchNum()) {
        ok = g0.matchNum() == w0.matchNum() && g1.matchNum() == w1.matchNum()
            && setOf(w0.topologyValue(), w1.topologyValue()).equals(setOf(g0.topologyValue(), g1.topologyValue()));
      } else {
        ok = g0.equals(w0) && g1.equals(w1);
      }
      if (!ok) {
        diffs.add("preFilterState.criticalPaths[" + i + "]: got " + paths + ", expected [[" + w0.topologyValue() + ", " + w0.matchNum()
            + "], [" + w1.topologyValue() + ", " + w1.matchNum() + "]]");
      }
    }
  }

  private static Set<String> setOf(String a, String b) {
    Set<String> s = new LinkedHashSet<>();
    s.add(a);
    s.add(b);
    return s;
  }

  private static CriticalPaths.Path path(YamlNode node) {
    List<YamlNode> vc = node.asSeq().items();
    if (vc.size() != 2) throw node.error("expected [value, count]");
    return new CriticalPaths.Path(vc.get(0).isNull() ? "" : vc.get(0).asString(), vc.get(1).asInt());
  }
}
