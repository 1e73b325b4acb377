package io.kubesim.scheduler.plugins.podtopologyspread;

import io.kubesim.api.Pod;
import io.kubesim.cluster.Cluster;
import io.kubesim.scheduler.framework.CycleState;
import io.kubesim.scheduler.framework.Features;
import io.kubesim.scheduler.framework.NodeInfo;
import io.kubesim.scheduler.framework.PodInfo;
import io.kubesim.scheduler.framework.Status;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Clusters and plugin runs for tests. */
final class TestClusters {
  private TestClusters() {}

  static Cluster cluster(List<TestNodes> nodes, List<TestPods> pods) {
    Cluster c = new Cluster();
    for (TestNodes n : nodes) c.addNode(n.build());
    for (TestPods p : pods) c.addPod(p.build());
    return c;
  }

  /** Features with every gate as upstream's unit tests set them: both PTS gates as given. */
  static Features gates(boolean nodeInclusionPolicy, boolean matchLabelKeys) {
    return new Features(nodeInclusionPolicy, matchLabelKeys, false);
  }

  static PodTopologySpread plugin(Features features) {
    return new PodTopologySpread(PodTopologySpreadArgs.list(List.of()), features);
  }

  /** The outcome of PreFilter and Filter on every node, by node name in cluster order. */
  record FilterOutcome(Status preFilter, PreFilterState state, Map<String, Status> filter) {
    /** Node name to code name, for compact assertions. */
    Map<String, String> codes() {
      Map<String, String> out = new LinkedHashMap<>();
      filter.forEach((n, s) -> out.put(n, s.code().name()));
      return out;
    }
  }

  static FilterOutcome filter(PodTopologySpread plugin, Cluster cluster, Pod pod) {
    CycleState state = new CycleState(cluster);
    PodInfo pi = PodInfo.of(pod);
    Status pre = plugin.preFilter(state, pi, cluster).status();
    Map<String, Status> out = new LinkedHashMap<>();
    for (NodeInfo n : cluster.nodeInfos()) {
      out.put(n.name(), pre.isSuccess() ? plugin.filter(state, pi, n) : pre);
    }
    return new FilterOutcome(pre, PodTopologySpread.preFilterState(state), out);
  }

  /** PreScore over {@code filtered} (null = all nodes), then Score and NormalizeScore; node name to final score. */
  static Map<String, Long> scores(PodTopologySpread plugin, Cluster cluster, Pod pod, List<String> filtered) {
    CycleState state = new CycleState(cluster);
    PodInfo pi = PodInfo.of(pod);
    List<NodeInfo> nodes = filtered == null ? cluster.nodeInfos() : filtered.stream().map(cluster::get).toList();
    Status pre = plugin.preScore(state, pi, nodes);
    if (!pre.isSuccess()) throw new AssertionError("PreScore returned " + pre);
    long[] scores = new long[nodes.size()];
    for (int k = 0; k < scores.length; k++) scores[k] = plugin.score(state, pi, nodes.get(k));
    plugin.normalizeScore(state, pi, nodes, scores);
    Map<String, Long> out = new LinkedHashMap<>();
    for (int k = 0; k < scores.length; k++) out.put(nodes.get(k).name(), scores[k]);
    return out;
  }
}
