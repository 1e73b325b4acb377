package io.kubesim.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubesim.api.Container;
import io.kubesim.api.Node;
import io.kubesim.api.NodeStatus;
import io.kubesim.api.ObjectMeta;
import io.kubesim.api.Pod;
import io.kubesim.api.PodSpec;
import io.kubesim.api.PodStatus;
import io.kubesim.api.Quantity;
import io.kubesim.api.ResourceRequirements;
import io.kubesim.cluster.Cluster;
import io.kubesim.scheduler.KubeScheduler;
import io.kubesim.scheduler.Registry;
import io.kubesim.scheduler.Scheduler;
import io.kubesim.scheduler.SchedulingQueue;
import io.kubesim.scheduler.TieBreak;
import io.kubesim.scheduler.framework.Features;
import io.kubesim.scheduler.plugins.podtopologyspread.PodTopologySpread;
import io.kubesim.scheduler.plugins.podtopologyspread.PodTopologySpreadArgs;
import io.kubesim.sim.PodAdmitter;
import io.kubesim.sim.PodTiming;
import io.kubesim.sim.Simulation;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RecorderTest {
  /** Start-up takes 20 s, so waiting until running and waiting until bound differ by that much. */
  static final PodTiming SLOW_START = new PodTiming(20_000, 0, 5_000, 0, 2_000);

  record Setup(Simulation sim, Recorder recorder) {}

  static Setup setup() {
    return setup(PodAdmitter.NONE);
  }

  static Setup setup(PodAdmitter kubelets) {
    Cluster cluster = new Cluster();
    var framework = Registry.framework(Registry.defaultPlugins(), Features.DEFAULTS);
    var scheduler = new KubeScheduler(cluster, new Scheduler(cluster, framework, 0, TieBreak.RANDOM, 1, false),
        new SchedulingQueue(framework::plugin));
    Simulation sim = new Simulation(cluster, scheduler, kubelets, SLOW_START, 1);
    Recorder recorder = new Recorder(sim, new PodTopologySpread(PodTopologySpreadArgs.SYSTEM, Features.DEFAULTS), 60_000);
    sim.addListener(recorder);
    return new Setup(sim, recorder);
  }

  static Node node(String name, String cpu) {
    return new Node(new ObjectMeta(name, "", null, Map.of("kubernetes.io/hostname", name), null, null, null, null), null,
        new NodeStatus(null, Map.of("cpu", Quantity.parse(cpu), "memory", Quantity.parse("16Gi"), "pods", Quantity.parse("110"))));
  }

  static Pod pod(String name, String cpu) {
    var c = new Container("c", "img", new ResourceRequirements(Map.of("cpu", Quantity.parse(cpu)), null), null, null);
    return new Pod(ObjectMeta.named("default", name), new PodSpec(null, null, null, null, null, null, List.of(c), null, null, null, null, null),
        PodStatus.PENDING);
  }

  @Test
  void aPodWaitsFromCreationUntilItIsBoundNotUntilItRuns() {
    Setup s = setup();
    s.sim().addNode(node("small", "1"));
    s.sim().createPod(pod("big", "2"));
    s.sim().runUntil(30_000);
    assertThat(s.recorder().stillPending()).containsOnlyKeys("default/big");
    assertThat(s.recorder().longestWait(30_000)).isEqualTo(new Recorder.Wait("default/big", 30_000));

    s.sim().at(40_000, "add a big node", sim -> sim.addNode(node("large", "4")));
    s.sim().runUntil(40_000);
    // Bound at 40 s; it only starts running at 60 s.
    assertThat(s.sim().cluster().pod("default/big").isBound()).isTrue();
    assertThat(s.sim().cluster().pod("default/big").status().phase()).isEqualTo("Pending");
    assertThat(s.recorder().stillPending()).isEmpty();
    assertThat(s.recorder().schedulingWaits()).containsExactly(Map.entry("default/big", 40_000L));
    PendingSample atBind = s.recorder().pendingSamples().get(s.recorder().pendingSamples().size() - 1);
    assertThat(atBind.time()).isEqualTo(40_000);
    assertThat(atBind.pending()).isZero();

    s.sim().runUntil(120_000);
    assertThat(s.sim().cluster().pod("default/big").status().phase()).isEqualTo("Running");
    assertThat(s.recorder().schedulingWaits()).containsExactly(Map.entry("default/big", 40_000L));
    assertThat(s.recorder().longestWait(120_000)).isEqualTo(new Recorder.Wait("default/big", 40_000));
    assertThat(s.recorder().decisions()).isEqualTo(2);
    assertThat(s.recorder().unschedulableAttempts()).isEqualTo(1);
  }

  @Test
  void aPodBoundAtOnceNeverCountsAsPending() {
    Setup s = setup();
    s.sim().addNode(node("n", "4"));
    s.sim().createPod(pod("quick", "1"));
    s.sim().runUntil(0);
    assertThat(s.recorder().pendingSamples()).allMatch(p -> p.pending() == 0);
    s.sim().runUntil(60_000);
    assertThat(s.recorder().schedulingWaits()).containsExactly(Map.entry("default/quick", 0L));
    assertThat(s.recorder().longestWait(60_000)).as("nobody waited").isNull();
  }

  @Test
  void aPodStillWaitingCountsToNowAndOneDeletedWhileWaitingIsForgotten() {
    Setup s = setup();
    s.sim().addNode(node("small", "1"));
    s.sim().createPod(pod("a", "2"));
    s.sim().at(10_000, "b", sim -> sim.createPod(pod("b", "2")));
    s.sim().at(20_000, "delete a", sim -> sim.deletePod("default/a"));
    s.sim().runUntil(50_000);
    assertThat(s.recorder().stillPending()).containsExactly(Map.entry("default/b", 10_000L));
    assertThat(s.recorder().schedulingWaits()).isEmpty();
    assertThat(s.recorder().longestWait(50_000)).isEqualTo(new Recorder.Wait("default/b", 40_000));
  }

  @Test
  void everyKubeletRejectionCountsByReasonEvenWhenThePodIsGone() {
    PodAdmitter rejecting = new PodAdmitter() {
      @Override
      public Result admit(Pod pod, Node node) {
        return new Result("TopologyAffinityError", "no");
      }

      @Override
      public void release(Pod pod) {}
    };
    Setup s = setup(rejecting);
    s.sim().addNode(node("n", "4"));
    s.sim().createPod(pod("a", "1"));
    s.sim().createPod(pod("b", "1"));
    s.sim().runUntil(10_000);
    assertThat(s.sim().cluster().pod("default/a").status().phase()).isEqualTo("Failed");
    s.sim().deletePod("default/a");
    s.sim().runUntil(20_000);
    assertThat(s.recorder().admissionFailures()).containsExactly(Map.entry("TopologyAffinityError", 2));
    assertThat(s.recorder().schedulingWaits()).as("bound at once, then rejected").containsOnlyKeys("default/a", "default/b");
  }
}
