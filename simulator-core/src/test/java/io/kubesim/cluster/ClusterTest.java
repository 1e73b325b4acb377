package io.kubesim.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubesim.api.Container;
import io.kubesim.api.Node;
import io.kubesim.api.ObjectMeta;
import io.kubesim.api.Pod;
import io.kubesim.api.PodSpec;
import io.kubesim.api.Quantity;
import io.kubesim.api.ResourceRequirements;
import io.kubesim.api.labels.Selector;
import io.kubesim.scheduler.framework.MatchingPodCounts;
import io.kubesim.scheduler.framework.NodeInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ClusterTest {

  static Node node(String name, String zone) {
    return new Node(new ObjectMeta(name, "", null, Map.of("topology.kubernetes.io/zone", zone), null, null, null, null), null, null);
  }

  static Pod pod(String name, String app, String node) {
    Container c = new Container("c", new ResourceRequirements(Map.of("cpu", Quantity.parse("100m")), null));
    return new Pod(new ObjectMeta(name, "default", null, Map.of("app", app), null, null, null, null),
        new PodSpec(node, null, null, null, null, null, List.of(c), null, null, null, null, null), null);
  }

  @Test
  void nodesAreListedRoundRobinAcrossZonesInFirstSeenOrder() {
    Cluster c = new Cluster();
    for (String[] n : new String[][] {{"a1", "a"}, {"a2", "a"}, {"a3", "a"}, {"b1", "b"}, {"c1", "c"}, {"b2", "b"}}) {
      c.addNode(node(n[0], n[1]));
    }
    assertThat(c.nodeInfos()).extracting(NodeInfo::name).containsExactly("a1", "b1", "c1", "a2", "b2", "a3");
  }

  @Test
  void bindingAndDeletingUpdateTheNodesRequests() {
    Cluster c = new Cluster();
    c.addNode(node("n1", "a"));
    c.addPod(pod("p1", "web", ""));
    assertThat(c.get("n1").pods()).isEmpty();
    c.bind("default/p1", "n1");
    assertThat(c.get("n1").requested().milliCpu()).isEqualTo(100);
    c.deletePod("default/p1");
    assertThat(c.get("n1").requested().milliCpu()).isZero();
    assertThat(c.get("n1").pods()).isEmpty();
  }

  @Test
  void terminatingPodsKeepTheirResourcesButLeaveTheSpreadCounts() {
    Cluster c = new Cluster();
    c.addNode(node("n1", "a"));
    c.addPod(pod("p1", "web", "n1"));
    MatchingPodCounts web = c.matchingPods("default", Selector.fromSet(Map.of("app", "web")));
    assertThat(web.count(c.get("n1"))).isEqualTo(1);
    Pod p = c.pod("default/p1");
    c.updatePod(p.withMetadata(p.metadata().withDeletionTimestamp("2026-01-01T00:00:00Z")));
    assertThat(web.count(c.get("n1"))).isZero();
    assertThat(c.get("n1").requested().milliCpu()).isEqualTo(100);
  }

  @Test
  void incrementalCountsEqualARecountAfterRandomChanges() {
    long seed = io.kubesim.PropertySeed.base();
    Random rnd = new Random(seed);
    Cluster c = new Cluster();
    for (int i = 0; i < 6; i++) c.addNode(node("n" + i, "z" + i % 3));
    Selector web = Selector.fromSet(Map.of("app", "web"));
    MatchingPodCounts counts = c.matchingPods("default", web);
    List<String> live = new ArrayList<>();
    for (int step = 0; step < 500; step++) {
      int op = rnd.nextInt(3);
      if (op == 0 || live.isEmpty()) {
        String name = "p" + step;
        c.addPod(pod(name, rnd.nextBoolean() ? "web" : "db", rnd.nextInt(4) == 0 ? "" : "n" + rnd.nextInt(6)));
        live.add("default/" + name);
      } else if (op == 1) {
        c.deletePod(live.remove(rnd.nextInt(live.size())));
      } else {
        Pod p = c.pod(live.get(rnd.nextInt(live.size())));
        c.updatePod(p.withMetadata(p.metadata().withLabels(Map.of("app", rnd.nextBoolean() ? "web" : "db"))));
      }
      for (NodeInfo n : c.nodeInfos()) {
        long recount = n.pods().stream().filter(p -> web.matches(p.pod().labels())).count();
        assertThat(counts.count(n)).as("seed %d step %d node %s", seed, step, n.name()).isEqualTo((int) recount);
      }
    }
  }
}
