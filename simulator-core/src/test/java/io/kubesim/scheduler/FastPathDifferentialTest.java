package io.kubesim.scheduler;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubesim.api.Node;
import io.kubesim.api.Pod;
import io.kubesim.api.ResourceNames;
import io.kubesim.api.TaintEffect;
import io.kubesim.api.labels.Selector;
import io.kubesim.cluster.Cluster;
import io.kubesim.scheduler.framework.ClusterObjects;
import io.kubesim.scheduler.framework.Features;
import io.kubesim.scheduler.framework.MatchingPodCounts;
import io.kubesim.scheduler.framework.NodeInfo;
import io.kubesim.scheduler.framework.Snapshot;
import io.kubesim.scheduler.plugins.podtopologyspread.ConstraintSkew;
import io.kubesim.scheduler.plugins.podtopologyspread.PodTopologySpread;
import io.kubesim.testing.Nodes;
import io.kubesim.testing.Pods;
import io.kubesim.testing.TopologySpreadConstraints;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The fast paths against the straightforward ones, on random clusters that change between cycles
 * (pods bound and deleted, nodes added, relabelled into other zones, removed): a scheduler reading
 * the {@link Cluster} directly (per-domain indexes and sums for PodTopologySpread) and one reading
 * it through a snapshot that keeps no index (so every count walks the nodes) must make identical
 * decisions: chosen node, nodes examined and feasible, every rejected node's status and every
 * feasible node's per-plugin scores; and PodTopologySpread's counts per domain must agree. A third
 * scheduler reads the cluster directly but filters node by node through all plugins, against the
 * chunked Filter (each plugin's {@code filterAll} over the chunk) of the first, with the same checks.
 */
class FastPathDifferentialTest {
  private static final String ZONE = ResourceNames.LABEL_ZONE;
  private static final String HOST = ResourceNames.LABEL_HOSTNAME;
  private static final String RACK = "example.com/rack";

  /** The cluster seen without its topology indexes: every Snapshot method but that one delegates. */
  private record WalkingSnapshot(Cluster cluster) implements Snapshot {
    @Override public List<NodeInfo> nodeInfos() { return cluster.nodeInfos(); }
    @Override public NodeInfo get(String nodeName) { return cluster.get(nodeName); }
    @Override public List<NodeInfo> havePodsWithAffinity() { return cluster.havePodsWithAffinity(); }
    @Override public List<NodeInfo> havePodsWithRequiredAntiAffinity() { return cluster.havePodsWithRequiredAntiAffinity(); }
    @Override public MatchingPodCounts matchingPods(String namespace, Selector selector) { return cluster.matchingPods(namespace, selector); }
    @Override public ClusterObjects objects() { return cluster.objects(); }
  }

  @Test
  void indexedAndWalkingSchedulersMakeIdenticalDecisionsOnRandomChangingClusters() {
    long seed = io.kubesim.PropertySeed.base();
    int decisions = 0;
    for (int round = 0; round < 30; round++) {
      Random r = new Random(seed + round);
      Cluster cluster = new Cluster();
      Snapshot walking = new WalkingSnapshot(cluster);
      int pct = List.of(0, 0, 30, 100).get(r.nextInt(4));
      long tieSeed = r.nextLong();
      Scheduler fast = new Scheduler(cluster, Registry.framework(Registry.defaultPlugins(), Features.DEFAULTS), pct, TieBreak.RANDOM, tieSeed, true);
      Scheduler reference = new Scheduler(walking, Registry.framework(Registry.defaultPlugins(), Features.DEFAULTS), pct, TieBreak.RANDOM, tieSeed, true);
      Scheduler nodeByNode = new Scheduler(cluster, Registry.framework(Registry.defaultPlugins(), Features.DEFAULTS), pct, TieBreak.RANDOM, tieSeed, true)
          .filteringNodeByNode();
      PodTopologySpread fastSpread = (PodTopologySpread) fast.framework().plugin(PodTopologySpread.NAME);
      PodTopologySpread referenceSpread = (PodTopologySpread) reference.framework().plugin(PodTopologySpread.NAME);
      int nodeCount = 5 + r.nextInt(120);
      int nextNode = 0;
      for (; nextNode < nodeCount; nextNode++) cluster.addNode(randomNode(r, "n" + nextNode));
      List<String> bound = new ArrayList<>();
      for (int step = 0; step < 120; step++) {
        String why = "seed " + (seed + round) + " (base " + seed + ", round " + round + "), step " + step;
        int action = r.nextInt(20);
        List<String> names = new ArrayList<>(cluster.nodeNames());
        if (action == 0) {
          cluster.addNode(randomNode(r, "n" + nextNode++));
        } else if (action == 1 && names.size() > 2) {
          String name = names.get(r.nextInt(names.size()));
          for (Pod p : List.copyOf(cluster.pods())) {
            if (name.equals(p.spec().nodeName())) {
              cluster.deletePod(p.key());
              bound.remove(p.key());
            }
          }
          cluster.removeNode(name);
        } else if (action == 2) {
          cluster.updateNode(relabel(r, cluster.node(names.get(r.nextInt(names.size())))));
        } else if (action == 3 && !bound.isEmpty()) {
          String key = bound.remove(r.nextInt(bound.size()));
          cluster.deletePod(key);
        } else {
          Pod pod = randomPod(r, "p" + step);
          SchedulingDecision a = fast.schedule(pod);
          SchedulingDecision b = reference.schedule(pod);
          assertThat(a.node()).as(why + ": node").isEqualTo(b.node());
          assertThat(a.examined()).as(why + ": examined").isEqualTo(b.examined());
          assertThat(a.feasible()).as(why + ": feasible").isEqualTo(b.feasible());
          assertThat(a.nodeStatuses()).as(why + ": statuses").isEqualTo(b.nodeStatuses());
          assertThat(a.scores()).as(why + ": scores").isEqualTo(b.scores());
          assertThat(a.rejectorPlugins()).as(why + ": rejectors").isEqualTo(b.rejectorPlugins());
          assertThat(a.message()).as(why + ": message").isEqualTo(b.message());
          assertThat(skews(fastSpread, pod, cluster)).as(why + ": skews").isEqualTo(skews(referenceSpread, pod, walking));
          SchedulingDecision c = nodeByNode.schedule(pod);
          assertThat(a.node()).as(why + ": node by node: node").isEqualTo(c.node());
          assertThat(a.status()).as(why + ": node by node: status").isEqualTo(c.status());
          assertThat(a.examined()).as(why + ": node by node: examined").isEqualTo(c.examined());
          assertThat(a.feasible()).as(why + ": node by node: feasible").isEqualTo(c.feasible());
          assertThat(a.nodeStatuses()).as(why + ": node by node: statuses").isEqualTo(c.nodeStatuses());
          assertThat(a.scores()).as(why + ": node by node: scores").isEqualTo(c.scores());
          assertThat(a.rejectorPlugins()).as(why + ": node by node: rejectors").isEqualTo(c.rejectorPlugins());
          assertThat(a.message()).as(why + ": node by node: message").isEqualTo(c.message());
          decisions++;
          if (a.isScheduled()) {
            cluster.addPod(pod);
            cluster.bind(pod.key(), a.node());
            bound.add(pod.key());
          }
        }
      }
    }
    assertThat(decisions).isGreaterThan(1000);
  }

  /** Per constraint: its domain counts (as a map: the order of ids may differ), min and skew. */
  private static List<Object> skews(PodTopologySpread plugin, Pod pod, Snapshot snapshot) {
    List<Object> out = new ArrayList<>();
    for (ConstraintSkew s : plugin.skews(pod, snapshot)) {
      out.add(List.of(s.whenUnsatisfiable(), new HashMap<>(s.matchNum()), s.minMatchNum(), s.maxMatchNum(), s.skew()));
    }
    return out;
  }

  static Node randomNode(Random r, String name) {
    Nodes.Builder b = Nodes.node(name).label(HOST, name)
        .allocatable(Map.of("cpu", String.valueOf(2 + r.nextInt(15)), "memory", (4 + r.nextInt(60)) + "Gi",
            "pods", String.valueOf(3 + r.nextInt(30))));
    if (r.nextInt(10) > 0) b.zone("zone-" + r.nextInt(1 + r.nextInt(4)));
    if (r.nextInt(3) > 0) b.label(RACK, "rack-" + r.nextInt(6));
    if (r.nextInt(15) == 0) b.unschedulable();
    if (r.nextInt(12) == 0) b.taint("dedicated", "db", r.nextBoolean() ? TaintEffect.NoSchedule : TaintEffect.PreferNoSchedule);
    if (r.nextInt(4) == 0) b.label("disk", r.nextBoolean() ? "ssd" : "hdd");
    return b.build();
  }

  /** The node in another zone or rack, or without one of them. */
  private static Node relabel(Random r, Node node) {
    Map<String, String> labels = new HashMap<>(node.labels());
    String key = r.nextBoolean() ? ZONE : RACK;
    if (r.nextInt(4) == 0) {
      labels.remove(key);
    } else {
      labels.put(key, (key.equals(ZONE) ? "zone-" : "rack-") + r.nextInt(5));
    }
    return new Node(node.metadata().withLabels(labels), node.spec(), node.status());
  }

  static Pod randomPod(Random r, String name) {
    String app = "app-" + r.nextInt(4);
    Pods.Builder b = Pods.pod(name).namespace(r.nextInt(6) == 0 ? "other" : "default").label("app", app)
        .requests("cpu", (100 + r.nextInt(1500)) + "m", "memory", (128 + r.nextInt(4096)) + "Mi");
    if (r.nextBoolean()) b.label("tier", r.nextBoolean() ? "web" : "db");
    int constraints = r.nextInt(4);
    for (int i = 0; i < constraints; i++) {
      String key = List.of(ZONE, ZONE, HOST, RACK).get(r.nextInt(4));
      TopologySpreadConstraints.Builder c = r.nextBoolean()
          ? TopologySpreadConstraints.doNotSchedule(1 + r.nextInt(3), key)
          : TopologySpreadConstraints.scheduleAnyway(1 + r.nextInt(3), key);
      c.matchLabels("app", r.nextInt(5) == 0 ? "app-" + r.nextInt(4) : app);
      if (r.nextInt(5) == 0) c.minDomains(1 + r.nextInt(4));
      if (r.nextInt(6) == 0) c.nodeTaintsPolicy("Honor");
      b.spreadConstraint(c);
    }
    if (r.nextInt(6) == 0) b.nodeSelector("disk", "ssd");
    if (r.nextInt(10) == 0) b.toleration("dedicated", "db", TaintEffect.NoSchedule);
    return b.build();
  }
}
