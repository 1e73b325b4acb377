package io.kubesim.scheduler.plugins.noderesources;

import io.kubesim.api.Node;
import io.kubesim.api.Pod;
import io.kubesim.cluster.Cluster;
import io.kubesim.scheduler.framework.Plugin;
import io.kubesim.scheduler.testing.PluginRunner;
import io.kubesim.scheduler.testing.TestClusters;
import io.kubesim.testing.Nodes;
import io.kubesim.testing.Pods;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Shared fixtures of the scoring tests, after upstream's tables. */
final class ScoreCases {
  private ScoreCases() {}

  /** A node whose capacity and allocatable are {@code cpu} and {@code memory} (upstream's unitless numbers). */
  static Node node(String name, String cpu, String memory, String... extra) {
    Map<String, String> res = new LinkedHashMap<>();
    res.put("cpu", cpu);
    res.put("memory", memory);
    for (int i = 0; i < extra.length; i += 2) res.put(extra[i], extra[i + 1]);
    return Nodes.node(name).capacity(res).build();
  }

  static Node emptyNode(String name) {
    return Nodes.node(name).build();
  }

  static Map<String, String> req(String... kv) {
    Map<String, String> m = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) m.put(kv[i], kv[i + 1]);
    return m;
  }

  static Pod on(String node, Map<String, String> requests) {
    return Pods.pod().node(node).requests(requests).build();
  }

  /** Upstream's two-container pod: cpu 1000 + 2000, memory 2000 + 3000. */
  static Pods.Builder cpuAndMemory() {
    return Pods.pod("incoming").requests(req("cpu", "1000", "memory", "2000")).requests(req("cpu", "2000", "memory", "3000"));
  }

  /** Upstream's cpu-only pod: cpu 1000 + 2000, memory 0 stated explicitly. */
  static Pods.Builder cpuOnly() {
    return Pods.pod("incoming").requests(req("cpu", "1000", "memory", "0")).requests(req("cpu", "2000", "memory", "0"));
  }

  static PluginRunner.Scores score(Plugin plugin, Pod pod, List<Node> nodes, List<Pod> existing) {
    List<Pod> named = new ArrayList<>(existing);
    Cluster cluster = TestClusters.cluster(nodes, named);
    return PluginRunner.score(plugin, cluster, pod, nodes.stream().map(Node::name).toList());
  }
}
