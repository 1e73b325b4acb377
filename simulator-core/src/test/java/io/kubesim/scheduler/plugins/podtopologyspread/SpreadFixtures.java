package io.kubesim.scheduler.plugins.podtopologyspread;

import io.kubesim.api.Pod;
import io.kubesim.cluster.Cluster;
import io.kubesim.scheduler.framework.Features;
import io.kubesim.scheduler.framework.NodeInfo;
import io.kubesim.scheduler.framework.Status;
import io.kubesim.scheduler.testing.PluginRunner;
import io.kubesim.scheduler.testing.TestClusters;
import io.kubesim.testing.Nodes;
import io.kubesim.testing.Pods;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The spread tests' fixtures: zoned nodes, feature gates, the plugin, and its runs as compact results. */
final class SpreadFixtures {
  private SpreadFixtures() {}

  /** {@code node(name)} in {@code zone} (label {@code zone}), with {@code node=<name>} and the hostname label. */
  static Nodes.Builder zoned(String name, String zone) {
    return Nodes.node(name).label("zone", zone).label("node", name).label("kubernetes.io/hostname", name);
  }

  /** A cluster of the built nodes and pods. */
  static Cluster cluster(List<Nodes.Builder> nodes, List<Pods.Builder> pods) {
    return TestClusters.cluster(nodes.stream().map(Nodes.Builder::build).toList(), pods.stream().map(Pods.Builder::build).toList());
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
    PluginRunner.Filtered f = PluginRunner.preFilterAndFilter(plugin, cluster, pod);
    return new FilterOutcome(f.preFilter(), PodTopologySpread.preFilterState(f.state()), f.statuses());
  }

  /** PreScore over {@code filtered} (null = all nodes), then Score and NormalizeScore; node name to final score. */
  static Map<String, Long> scores(PodTopologySpread plugin, Cluster cluster, Pod pod, List<String> filtered) {
    List<String> nodes = filtered == null ? cluster.nodeInfos().stream().map(NodeInfo::name).toList() : filtered;
    PluginRunner.Scores got = PluginRunner.score(plugin, cluster, pod, nodes);
    if (!got.preScore().isSuccess()) throw new AssertionError("PreScore returned " + got.preScore());
    Map<String, Long> out = new LinkedHashMap<>();
    for (int k = 0; k < nodes.size(); k++) out.put(nodes.get(k), got.scores()[k]);
    return out;
  }
}
