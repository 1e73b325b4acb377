package io.kubesim.scheduler.plugins.podtopologyspread;

import static io.kubesim.testing.LabelSelectors.exists;
import static io.kubesim.testing.Pods.pod;
import static io.kubesim.testing.TopologySpreadConstraints.doNotSchedule;
import static org.assertj.core.api.Assertions.assertThat;

import io.kubesim.api.LabelSelector;
import io.kubesim.api.LabelSelectorRequirement;
import io.kubesim.api.Node;
import io.kubesim.api.Pod;
import io.kubesim.api.Taint;
import io.kubesim.api.TaintEffect;
import io.kubesim.api.Toleration;
import io.kubesim.api.labels.RequiredNodeAffinity;
import io.kubesim.cluster.Cluster;
import io.kubesim.scheduler.framework.Code;
import io.kubesim.scheduler.framework.CycleState;
import io.kubesim.scheduler.framework.Features;
import io.kubesim.scheduler.framework.NodeInfo;
import io.kubesim.scheduler.framework.PodInfo;
import io.kubesim.testing.Nodes;
import io.kubesim.testing.Pods;
import io.kubesim.testing.TopologySpreadConstraints;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The PreFilter state built from the cluster's incrementally maintained counts (and the plugin's
 * per-node domain cache) equals a from-scratch recount over the cluster's pods, after random binds,
 * deletes, pod relabels, terminations, node relabels and node removals. Set {@code -Dspread.seed=N}
 * to replay one run.
 */
class IncrementalCountsTest {

  private static final String[] ZONES = {"z1", "z2", "z3"};
  private static final String[] APPS = {"web", "db", "cache"};

  static Stream<Long> seeds() {
    long base = io.kubesim.PropertySeed.base();
    return LongStream.range(0, 12).mapToObj(i -> base + i * 7919);
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void incrementalCountsMatchARecount(long seed) {
    Random rnd = new Random(seed);
    for (Features features : List.of(new Features(true, true, false), new Features(false, false, false))) {
      Cluster cluster = new Cluster();
      PodTopologySpread plugin = SpreadFixtures.plugin(features);
      List<String> nodeNames = new ArrayList<>();
      for (int i = 0; i < 10; i++) {
        String name = "node-" + i;
        cluster.addNode(randomNode(rnd, name));
        nodeNames.add(name);
      }
      int nextPod = 0;
      for (int step = 0; step < 150; step++) {
        List<Pod> pods = new ArrayList<>(cluster.pods());
        int op = rnd.nextInt(8);
        if (op <= 2 || pods.isEmpty()) {
          cluster.addPod(randomPod(rnd, "p" + nextPod++, rnd.nextInt(5) == 0 ? null : pick(rnd, nodeNames)));
        } else if (op == 3) {
          cluster.deletePod(pick(rnd, pods).key());
        } else if (op == 4) {
          Pod p = pick(rnd, pods);
          cluster.updatePod(p.withMetadata(p.metadata().withLabels(randomLabels(rnd))));
        } else if (op == 5) {
          Pod p = pick(rnd, pods);
          if (!p.isBound()) {
            cluster.bind(p.key(), pick(rnd, nodeNames));
          } else if (!p.isTerminating()) {
            cluster.updatePod(p.withMetadata(p.metadata().withDeletionTimestamp("2020-01-01T00:00:00Z")));
          }
        } else if (op == 6) {
          String name = pick(rnd, nodeNames);
          cluster.updateNode(randomNode(rnd, name));
        } else if (rnd.nextBoolean() && nodeNames.size() > 3) {
          String name = nodeNames.remove(rnd.nextInt(nodeNames.size()));
          cluster.removeNode(name);
          // pods bound to it stay in the cluster but count nowhere; delete them as a controller would
          for (Pod p : List.copyOf(cluster.pods())) {
            if (p.spec().nodeName().equals(name)) cluster.deletePod(p.key());
          }
        } else {
          String name = "node-" + (10 + step);
          cluster.addNode(randomNode(rnd, name));
          nodeNames.add(name);
        }
        for (int probe = 0; probe < 2; probe++) {
          Pod incoming = randomIncoming(rnd);
          check(seed, step, features, plugin, cluster, incoming);
        }
      }
    }
  }

  private static void check(long seed, int step, Features features, PodTopologySpread plugin, Cluster cluster, Pod incoming) {
    CycleState state = new CycleState();
    PodInfo pi = PodInfo.of(incoming);
    Code code = plugin.preFilter(state, pi, cluster).status().code();
    assertThat(code).as("seed %d step %d", seed, step).isEqualTo(Code.Success);
    PreFilterState s = PodTopologySpread.preFilterState(state);
    List<Map<String, Integer>> expected = recount(features, cluster, incoming, s.constraints());
    for (int i = 0; i < s.constraints().size(); i++) {
      assertThat(s.tpValueToMatchNum(i)).as("seed %d step %d constraint %d of %s", seed, step, i, incoming)
          .containsExactlyInAnyOrderEntriesOf(expected.get(i));
      Constraint c = s.constraints().get(i);
      int min = expected.get(i).size() < c.minDomains() ? 0
          : expected.get(i).values().stream().mapToInt(Integer::intValue).min().orElse(0);
      assertThat(s.minMatchNum(i)).as("seed %d step %d min of constraint %d", seed, step, i).isEqualTo(min);
    }
    for (NodeInfo n : cluster.nodeInfos()) {
      Code want = Code.Success;
      for (int i = 0; i < s.constraints().size(); i++) {
        Constraint c = s.constraints().get(i);
        String v = n.node().labels().get(c.topologyKey());
        if (v == null) {
          want = Code.UnschedulableAndUnresolvable;
          break;
        }
        int min = s.minMatchNum(i);
        int self = c.selector().matches(incoming.labels()) ? 1 : 0;
        if (expected.get(i).getOrDefault(v, 0) + self - min > c.maxSkew()) {
          want = Code.Unschedulable;
          break;
        }
      }
      assertThat(plugin.filter(state, pi, n).code()).as("seed %d step %d Filter on %s", seed, step, n.name()).isEqualTo(want);
    }
  }

  /** Upstream's counting, written directly over the pods bound to existing nodes. */
  private static List<Map<String, Integer>> recount(Features features, Cluster cluster, Pod incoming, List<Constraint> constraints) {
    List<Map<String, Integer>> out = new ArrayList<>();
    for (int i = 0; i < constraints.size(); i++) out.add(new LinkedHashMap<>());
    RequiredNodeAffinity affinity = RequiredNodeAffinity.of(incoming);
    Map<String, List<Pod>> podsByNode = new HashMap<>();
    for (Pod p : cluster.pods()) podsByNode.computeIfAbsent(p.spec().nodeName(), k -> new ArrayList<>()).add(p);
    nodes:
    for (NodeInfo info : cluster.nodeInfos()) {
      Node node = info.node();
      if (!features.nodeInclusionPolicyInPodTopologySpread() && !affinity.matches(node)) continue;
      for (Constraint c : constraints) {
        if (!node.labels().containsKey(c.topologyKey())) continue nodes;
      }
      for (int i = 0; i < constraints.size(); i++) {
        Constraint c = constraints.get(i);
        if (features.nodeInclusionPolicyInPodTopologySpread()) {
          if (c.nodeAffinityPolicy() == NodeInclusionPolicy.Honor && !affinity.matches(node)) continue;
          if (c.nodeTaintsPolicy() == NodeInclusionPolicy.Honor && untolerated(node, incoming.spec().tolerations())) continue;
        }
        int count = 0;
        for (Pod p : podsByNode.getOrDefault(node.name(), List.of())) {
          if (p.isTerminating() || !p.namespace().equals(incoming.namespace())) continue;
          if (!c.selector().isEmpty() && c.selector().matches(p.labels())) count++;
        }
        out.get(i).merge(node.labels().get(c.topologyKey()), count, Integer::sum);
      }
    }
    return out;
  }

  private static boolean untolerated(Node node, List<Toleration> tolerations) {
    for (Taint t : node.spec().taints()) {
      if (t.effect() == TaintEffect.PreferNoSchedule) continue;
      if (tolerations.stream().noneMatch(tol -> tol.tolerates(t))) return true;
    }
    return false;
  }

  private static Node randomNode(Random rnd, String name) {
    Nodes.Builder n = Nodes.node(name).label("kubernetes.io/hostname", name);
    if (rnd.nextInt(6) != 0) n.label("zone", pick(rnd, ZONES));
    if (rnd.nextInt(6) != 0) n.label("rack", "r" + rnd.nextInt(4));
    if (rnd.nextBoolean()) n.label("pool", rnd.nextBoolean() ? "blue" : "red");
    if (rnd.nextInt(4) == 0) n.taint("dedicated", rnd.nextBoolean() ? "gpu" : "infra", TaintEffect.NoSchedule);
    return n.build();
  }

  private static Map<String, String> randomLabels(Random rnd) {
    Map<String, String> labels = new HashMap<>();
    if (rnd.nextInt(4) != 0) labels.put("app", pick(rnd, APPS));
    if (rnd.nextBoolean()) labels.put("tier", rnd.nextBoolean() ? "a" : "b");
    return labels;
  }

  private static Pod randomPod(Random rnd, String name, String node) {
    Pods.Builder p = pod(name).namespace(rnd.nextInt(5) == 0 ? "other" : "default");
    randomLabels(rnd).forEach(p::label);
    if (node != null) p.node(node);
    if (rnd.nextInt(8) == 0) p.terminating();
    return p.build();
  }

  private static Pod randomIncoming(Random rnd) {
    Pods.Builder p = pod("incoming");
    randomLabels(rnd).forEach(p::label);
    if (rnd.nextInt(3) == 0) p.nodeSelector("pool", "blue");
    if (rnd.nextInt(3) == 0) p.toleration("dedicated", "Equal", "gpu", TaintEffect.NoSchedule);
    String[] keys = {"zone", "rack", "kubernetes.io/hostname"};
    int n = 1 + rnd.nextInt(2);
    for (int i = 0; i < n; i++) {
      TopologySpreadConstraints.Builder s = doNotSchedule(1 + rnd.nextInt(2), keys[(i + rnd.nextInt(3)) % 3]);
      switch (rnd.nextInt(5)) {
        case 0 -> s.labelSelector(LabelSelector.EMPTY);
        case 1 -> { } // nil selector
        case 2 -> s.matchLabels("app", pick(rnd, APPS));
        case 3 -> s.matchExpressions(new LabelSelectorRequirement("app", "In", List.of("web", "db")));
        default -> s.matchExpressions(exists("app")).matchLabelKeys("tier");
      }
      if (rnd.nextBoolean()) s.nodeTaintsPolicy("Honor");
      if (rnd.nextInt(3) == 0) s.nodeAffinityPolicy("Ignore");
      if (rnd.nextInt(4) == 0) s.minDomains(1 + rnd.nextInt(4));
      p.spreadConstraint(s);
    }
    return p.build();
  }

  private static <T> T pick(Random rnd, List<T> list) {
    return list.get(rnd.nextInt(list.size()));
  }

  private static <T> T pick(Random rnd, T[] array) {
    return array[rnd.nextInt(array.length)];
  }
}
