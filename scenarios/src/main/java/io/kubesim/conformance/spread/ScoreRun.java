package io.kubesim.conformance.spread;

import io.kubesim.scheduler.framework.CycleState;
import io.kubesim.scheduler.framework.NodeInfo;
import io.kubesim.scheduler.framework.Status;
import io.kubesim.scheduler.plugins.podtopologyspread.PodTopologySpread;
import io.kubesim.scheduler.plugins.podtopologyspread.PreScoreState;
import io.kubesim.yaml.YamlNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A {@code spread-score} case: PreScore over {@code scoredNodes} (default: every node), Score on each,
 * NormalizeScore; {@code preScoreState} is checked after a PreScore with every node as filtered.
 */
final class ScoreRun {
  private final SpreadCaseKind.SpreadCase c;
  private final List<String> diffs = new ArrayList<>();

  ScoreRun(SpreadCaseKind.SpreadCase c) {
    this.c = c;
  }

  List<String> run() {
    YamlNode.Map expect = c.doc().require("expect").asMap().allowOnly("scores", "preScore", "preScoreState");
    PodTopologySpread plugin = c.plugin();
    List<NodeInfo> all = nodes(c.nodeNames(), null);
    YamlNode scored = c.doc().opt("scoredNodes");
    List<NodeInfo> filtered = scored == null ? all : nodes(scored.asStringList(), scored);

    CycleState state = new CycleState(c.cluster());
    Status pre = plugin.preScore(state, c.pod(), filtered);
    YamlNode wantPre = expect.opt("preScore");
    if (wantPre != null) {
      String want = wantPre.asEnum(List.of("Skip"));
      if (!pre.code().name().equals(want)) diffs.add("preScore: got " + pre + ", expected " + want);
    } else if (!pre.isSuccess()) {
      diffs.add("preScore: got " + pre + ", expected Success");
    }

    YamlNode wantScores = expect.opt("scores");
    if (wantScores != null && pre.isSuccess()) {
      long[] scores = new long[filtered.size()];
      for (int k = 0; k < scores.length; k++) scores[k] = plugin.score(state, c.pod(), filtered.get(k));
      plugin.normalizeScore(state, c.pod(), filtered, scores);
      Map<String, Long> got = new LinkedHashMap<>();
      for (int k = 0; k < scores.length; k++) got.put(filtered.get(k).name(), scores[k]);
      Map<String, Long> want = new LinkedHashMap<>();
      wantScores.asMap().fields().forEach((name, v) -> {
        if (!got.containsKey(name)) throw v.error("node \"" + name + "\" is not among the scored nodes");
        want.put(name, v.asLong());
      });
      if (!got.equals(want)) diffs.add("scores: got " + got + ", expected " + want);
    }

    YamlNode wantState = expect.opt("preScoreState");
    if (wantState != null) {
      CycleState all2 = new CycleState(c.cluster());
      Status s = plugin.preScore(all2, c.pod(), all);
      PreScoreState got = PodTopologySpread.preScoreState(all2);
      if (got == null) {
        diffs.add("preScoreState: PreScore wrote no state (" + s + ")");
      } else {
        preScoreState(wantState, got);
      }
    }
    return diffs;
  }

  private List<NodeInfo> nodes(List<String> names, YamlNode at) {
    List<NodeInfo> out = new ArrayList<>();
    for (int k = 0; k < names.size(); k++) {
      NodeInfo n = c.cluster().get(names.get(k));
      if (n == null) throw SpreadCaseKind.unknownNode(at == null ? c.doc() : at.asSeq().items().get(k), names.get(k));
      out.add(n);
    }
    return out;
  }

  private void preScoreState(YamlNode want, PreScoreState got) {
    YamlNode.Map m = want.asMap().allowOnly("constraints", "ignoredNodes", "topologyValueToPodCounts", "normalizingWeightSizes");
    int n = got.constraints().size();
    if (m.opt("constraints") != null) {
      ConstraintsCheck.constraints("preScoreState.constraints", m.get("constraints"), got.constraints(), c.decoder(), diffs);
    }
    if (m.opt("ignoredNodes") != null) {
      Set<String> wantIgnored = new LinkedHashSet<>(m.get("ignoredNodes").asStringList());
      if (!wantIgnored.equals(got.ignoredNodes())) {
        diffs.add("preScoreState.ignoredNodes: got " + SpreadCaseKind.sorted(got.ignoredNodes()) + ", expected "
            + SpreadCaseKind.sorted(wantIgnored));
      }
    }
    if (m.opt("topologyValueToPodCounts") != null) {
      ConstraintsCheck.domainCounts("preScoreState.topologyValueToPodCounts", m.get("topologyValueToPodCounts"), n,
          got::topologyValueToPodCounts, diffs);
    }
    if (m.opt("normalizingWeightSizes") != null) {
      List<Integer> wantSizes = m.get("normalizingWeightSizes").asSeq().map(YamlNode::asInt);
      List<Integer> gotSizes = new ArrayList<>();
      for (int i = 0; i < n; i++) gotSizes.add(got.normalizingWeightSize(i));
      if (!wantSizes.equals(gotSizes)) diffs.add("preScoreState.normalizingWeightSizes: got " + gotSizes + ", expected " + wantSizes);
    }
  }
}
