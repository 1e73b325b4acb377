package io.kubesim.scheduler;

import static io.kubesim.testing.Nodes.node;
import static io.kubesim.testing.Pods.pod;
import static io.kubesim.testing.TopologySpreadConstraints.doNotSchedule;
import static org.assertj.core.api.Assertions.assertThat;

import io.kubesim.api.Node;
import io.kubesim.api.NodeSpec;
import io.kubesim.api.Pod;
import io.kubesim.api.TaintEffect;
import io.kubesim.cluster.Cluster;
import io.kubesim.scheduler.framework.ClusterEvent;
import io.kubesim.scheduler.framework.EnqueueExtensions;
import io.kubesim.scheduler.framework.Features;
import io.kubesim.scheduler.framework.QueueingHint;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class QueueingHintsTest {
  private final Framework framework = Registry.framework(Registry.defaultPlugins(), Features.DEFAULTS);
  private final Cluster cluster = new Cluster();

  private QueueingHint hint(String plugin, ClusterEvent event, Pod pod) {
    return ((EnqueueExtensions) framework.plugin(plugin)).isSchedulableAfter(event, pod, cluster);
  }

  private final Pod spreadPod = pod("p").label("app", "web").spreadConstraint(doNotSchedule(1, "zone").matchLabels("app", "web")).build();

  @Test
  void spreadRetriesOnlyForPodsItCountsAndNodesWithItsKeys() {
    Pod sameApp = pod("q").label("app", "web").node("n1").build();
    Pod otherApp = pod("r").label("app", "db").node("n1").build();
    assertThat(hint("PodTopologySpread", ClusterEvent.assignedPodDeleted(sameApp), spreadPod)).isEqualTo(QueueingHint.QUEUE);
    assertThat(hint("PodTopologySpread", ClusterEvent.assignedPodDeleted(otherApp), spreadPod)).isEqualTo(QueueingHint.SKIP);
    assertThat(hint("PodTopologySpread", ClusterEvent.nodeAdded(node("n2").label("zone", "a").build()), spreadPod)).isEqualTo(QueueingHint.QUEUE);
    assertThat(hint("PodTopologySpread", ClusterEvent.nodeAdded(node("n3").build()), spreadPod)).isEqualTo(QueueingHint.SKIP);
  }

  @Test
  void taintTolerationRetriesWhenTheLastUntoleratedTaintGoes() {
    Node tainted = node("n1").taint("maintenance", "", TaintEffect.NoSchedule).build();
    Node clean = tainted.withSpec(new NodeSpec(false, List.of()));
    assertThat(hint("TaintToleration", ClusterEvent.nodeUpdated(tainted, clean), spreadPod)).isEqualTo(QueueingHint.QUEUE);
    assertThat(hint("TaintToleration", ClusterEvent.nodeUpdated(clean, tainted), spreadPod)).isEqualTo(QueueingHint.SKIP);
  }

  @Test
  void uncordoningRetriesButCordoningIsNoEventAtAll() {
    Node cordoned = node("n1").unschedulable().build();
    Node open = cordoned.withSpec(new NodeSpec(false, List.of()));
    assertThat(hint("NodeUnschedulable", ClusterEvent.nodeUpdated(cordoned, open), spreadPod)).isEqualTo(QueueingHint.QUEUE);
    assertThat(ClusterEvent.nodeUpdated(open, cordoned)).isNull();
  }

  @Test
  void resourcesRetryWhenAPodLeavesOrABigEnoughNodeArrives() {
    Pod big = pod("big").requests("cpu", "8").build();
    assertThat(hint("NodeResourcesFit", ClusterEvent.assignedPodDeleted(pod("x").node("n1").build()), big)).isEqualTo(QueueingHint.QUEUE);
    assertThat(hint("NodeResourcesFit", ClusterEvent.nodeAdded(node("small").allocatable(Map.of("cpu", "4", "pods", "10")).build()), big))
        .isEqualTo(QueueingHint.SKIP);
    assertThat(hint("NodeResourcesFit", ClusterEvent.nodeAdded(node("large").allocatable(Map.of("cpu", "16", "pods", "10")).build()), big))
        .isEqualTo(QueueingHint.QUEUE);
  }

  @Test
  void nodeAffinityRetriesWhenANodeStartsToMatch() {
    Pod gpu = pod("g").nodeSelector("gpu", "true").build();
    Node plain = node("n1").build();
    Node labelled = node("n1").label("gpu", "true").build();
    assertThat(hint("NodeAffinity", ClusterEvent.nodeUpdated(plain, labelled), gpu)).isEqualTo(QueueingHint.QUEUE);
    assertThat(hint("NodeAffinity", ClusterEvent.nodeAdded(plain), gpu)).isEqualTo(QueueingHint.SKIP);
  }

  @Test
  void aParkedPodIsNotRetriedWhenAnUnrelatedPodBinds() {
    cluster.addNode(node("n1").label("zone", "a").allocatable(Map.of("cpu", "1", "pods", "10")).build());
    KubeScheduler scheduler = new KubeScheduler(cluster, new Scheduler(cluster, framework, 0, TieBreak.FIRST, 1, false),
        new SchedulingQueue(framework::plugin));
    Pod big = pod("big").requests("cpu", "2").build();
    cluster.addPod(big);
    scheduler.submit(big, 0);
    assertThat(scheduler.scheduleAll(0)).singleElement().satisfies(d -> assertThat(d.isScheduled()).isFalse());
    Pod small = pod("small").requests("cpu", "100m").build();
    cluster.addPod(small);
    scheduler.submit(small, 10_000);
    assertThat(scheduler.scheduleAll(10_000)).extracting(d -> d.pod().name()).containsExactly("small");
  }
}
