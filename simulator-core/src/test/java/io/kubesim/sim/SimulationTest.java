package io.kubesim.sim;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubesim.api.Container;
import io.kubesim.api.Deployment;
import io.kubesim.api.LabelSelector;
import io.kubesim.api.Node;
import io.kubesim.api.NodeStatus;
import io.kubesim.api.ObjectMeta;
import io.kubesim.api.Pod;
import io.kubesim.api.PodDisruptionBudget;
import io.kubesim.api.PodSpec;
import io.kubesim.api.PodTemplateSpec;
import io.kubesim.api.IntOrString;
import io.kubesim.api.Quantity;
import io.kubesim.api.ResourceRequirements;
import io.kubesim.api.TopologySpreadConstraint;
import io.kubesim.cluster.Cluster;
import io.kubesim.scheduler.KubeScheduler;
import io.kubesim.scheduler.Registry;
import io.kubesim.scheduler.Scheduler;
import io.kubesim.scheduler.SchedulingQueue;
import io.kubesim.scheduler.TieBreak;
import io.kubesim.scheduler.framework.Features;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class SimulationTest {
  static final String ZONE = "topology.kubernetes.io/zone";

  static Node node(String name, String zone) {
    return new Node(new ObjectMeta(name, "", null, Map.of(ZONE, zone, "kubernetes.io/hostname", name), null, null, null, null), null,
        new NodeStatus(null, Map.of("cpu", Quantity.parse("4"), "memory", Quantity.parse("16Gi"), "pods", Quantity.parse("110"))));
  }

  static Deployment web(int replicas, String image, String whenUnsatisfiable) {
    var spread = new TopologySpreadConstraint(1, ZONE, whenUnsatisfiable, LabelSelector.matchLabels(Map.of("app", "web")), null, null, null, null);
    var container = new Container("web", image, new ResourceRequirements(Map.of("cpu", Quantity.parse("500m")), null), null, null);
    var spec = new PodSpec(null, null, null, null, List.of(spread), null, List.of(container), null, null, null, null, null);
    var template = new PodTemplateSpec(new ObjectMeta(null, null, null, Map.of("app", "web"), null, null, null, null), spec);
    return new Deployment(ObjectMeta.named("default", "web"),
        new Deployment.Spec(replicas, LabelSelector.matchLabels(Map.of("app", "web")), template, null, 0, null, false, null));
  }

  record Setup(Simulation sim, ClusterOperations ops) {}

  static Setup setup(long seed, String... zones) {
    Cluster cluster = new Cluster();
    for (int i = 0; i < zones.length; i++) cluster.addNode(node("n" + i, zones[i]));
    var framework = Registry.framework(Registry.defaultPlugins(), Features.DEFAULTS);
    var scheduler = new KubeScheduler(cluster, new Scheduler(cluster, framework, 0, TieBreak.RANDOM, seed, false), new SchedulingQueue(framework::plugin));
    Simulation sim = new Simulation(cluster, scheduler, PodAdmitter.NONE, PodTiming.DEFAULT, seed);
    return new Setup(sim, new ClusterOperations(sim));
  }

  static Map<String, Integer> podsPerZone(Simulation sim, boolean includeTerminating) {
    Map<String, Integer> out = new TreeMap<>();
    for (Pod p : sim.cluster().pods()) {
      if (!p.isBound() || p.status().isTerminal() || (!includeTerminating && p.isTerminating())) continue;
      out.merge(sim.cluster().node(p.spec().nodeName()).labels().get(ZONE), 1, Integer::sum);
    }
    return out;
  }

  @Test
  void aDeploymentSpreadsEvenlyAcrossZonesAndBecomesReady() {
    Setup s = setup(1, "a", "b", "c", "a", "b", "c");
    s.ops().applyDeployment(web(6, "web:v1", "DoNotSchedule"));
    s.sim().runUntil(60_000);
    assertThat(podsPerZone(s.sim(), false)).containsExactly(Map.entry("a", 2), Map.entry("b", 2), Map.entry("c", 2));
    assertThat(s.sim().cluster().pods()).allMatch(p -> p.status().isReady());
  }

  @Test
  void aRolloutReplacesEveryPodWithTheNewTemplate() {
    Setup s = setup(2, "a", "b", "c", "a", "b", "c");
    s.ops().applyDeployment(web(6, "web:v1", "DoNotSchedule"));
    s.sim().runUntil(60_000);
    s.ops().rollout("Deployment", "default", "web", web(6, "web:v2", "DoNotSchedule").spec().template());
    s.sim().runUntil(600_000);
    List<Pod> live = s.sim().cluster().pods().stream().filter(p -> !p.isTerminating()).toList();
    assertThat(live).hasSize(6).allMatch(p -> p.spec().containers().get(0).image().equals("web:v2")).allMatch(p -> p.status().isReady());
    assertThat(s.sim().cluster().replicaSets()).hasSize(2);
  }

  @Test
  void drainingAZoneLeavesDoNotSchedulePodsPendingWhileCordonedNodesStillCount() {
    Setup s = setup(3, "a", "b", "c");
    s.ops().applyDeployment(web(3, "web:v1", "DoNotSchedule"));
    s.sim().runUntil(60_000);
    s.ops().drain(List.of("n0"));
    s.sim().runUntil(120_000);
    // nodeTaintsPolicy Ignore: zone a still counts with 0 pods, so a 2nd pod in b or c would exceed maxSkew 1.
    assertThat(s.sim().scheduler().queue().pending()).hasSize(1);
    assertThat(s.sim().scheduler().queue().pending().get(0).lastFailureMessage())
        .isEqualTo("0/3 nodes are available: 1 node(s) were unschedulable, 2 node(s) didn't match pod topology spread constraints.");
    s.ops().uncordon(List.of("n0"));
    s.sim().runUntil(180_000);
    assertThat(s.sim().scheduler().queue().pending()).isEmpty();
    assertThat(podsPerZone(s.sim(), false)).containsExactly(Map.entry("a", 1), Map.entry("b", 1), Map.entry("c", 1));
  }

  @Test
  void aDrainWaitsForThePodDisruptionBudget() {
    Setup s = setup(4, "a", "a", "b", "b");
    s.ops().applyDeployment(web(4, "web:v1", "ScheduleAnyway"));
    s.ops().applyPodDisruptionBudget(new PodDisruptionBudget(ObjectMeta.named("default", "web"),
        new PodDisruptionBudget.Spec(null, IntOrString.of(1), LabelSelector.matchLabels(Map.of("app", "web")), null)));
    s.sim().runUntil(60_000);
    s.ops().drain(List.of("n0", "n1"));
    s.sim().runUntil(60_001);
    long terminating = s.sim().cluster().pods().stream().filter(Pod::isTerminating).count();
    assertThat(terminating).as("maxUnavailable 1 lets one eviction through at a time").isEqualTo(1);
    s.sim().runUntil(300_000);
    assertThat(podsPerZone(s.sim(), true)).containsExactly(Map.entry("b", 4));
  }

  @Test
  void aFailedNodesPodsAreEvictedAfterTheirDefaultTolerationAndReplaced() {
    Setup s = setup(5, "a", "b", "c");
    s.ops().applyDeployment(web(3, "web:v1", "ScheduleAnyway"));
    s.sim().runUntil(60_000);
    s.ops().failNodes(List.of("n0"));
    s.sim().runUntil(60_000 + 50_000 + 299_000);
    assertThat(s.sim().cluster().pods().stream().filter(Pod::isTerminating)).isEmpty();
    s.sim().runUntil(60_000 + 50_000 + 301_000 + 30_000);
    assertThat(s.sim().cluster().pods().stream().filter(Pod::isTerminating).count()).as("stuck terminating on the dead node").isEqualTo(1);
    assertThat(s.sim().cluster().pods().stream().filter(p -> !p.isTerminating() && p.status().isReady())).hasSize(3);
  }

  @Test
  void aPodTheKubeletCannotAlignFailsAndItsReplacementChurnsOnTheSameNode() {
    Cluster cluster = new Cluster();
    var topology = io.kubesim.kubelet.cm.topology.CpuTopologies.XEON_2S_32C;
    Node big = new Node(new ObjectMeta("big", "", null, Map.of(ZONE, "a"), null, null, null, null), null,
        new NodeStatus(null, Map.of("cpu", Quantity.of(topology.numCpus() - 1), "memory", Quantity.parse("512Gi"), "pods", Quantity.parse("110"))));
    cluster.addNode(big);
    var framework = Registry.framework(Registry.defaultPlugins(), Features.DEFAULTS);
    var scheduler = new KubeScheduler(cluster, new Scheduler(cluster, framework, 0, TieBreak.RANDOM, 1, false), new SchedulingQueue(framework::plugin));
    KubeletAdmitter kubelets = new KubeletAdmitter();
    kubelets.put("big", new io.kubesim.kubelet.NodeCpuAdmission(topology, io.kubesim.kubelet.KubeletConfiguration.DEFAULT
        .withCpuManagerPolicy("static").withReservedSystemCPUs("0").withTopologyManagerPolicy("single-numa-node")));
    Simulation sim = new Simulation(cluster, scheduler, kubelets, PodTiming.DEFAULT, 1);
    ClusterOperations ops = new ClusterOperations(sim);
    Map<String, Quantity> cpu40 = Map.of("cpu", Quantity.parse("40"), "memory", Quantity.parse("1Gi"));
    Deployment d = web(3, "db", "ScheduleAnyway");
    var c = new Container("db", "db", new ResourceRequirements(cpu40, cpu40), null, null);
    var t = d.spec().template();
    ops.applyDeployment(d.withSpec(new Deployment.Spec(3, d.spec().selector(), new PodTemplateSpec(t.metadata(),
        new PodSpec(null, null, null, null, null, null, List.of(c), null, null, null, null, null)), null, 0, null, false, null)));
    sim.runUntil(10_000);
    long failed = sim.cluster().pods().stream().filter(p -> "TopologyAffinityError".equals(p.status().reason())).count();
    assertThat(failed).as("one NUMA node per 40-CPU pod: the third never fits, every second a new one fails").isGreaterThanOrEqualTo(5);
    assertThat(kubelets.node("big").admittedPods()).hasSize(2);
    var pinning = io.kubesim.metrics.PinningSummary.of(kubelets, sim.cluster().pods(), 40);
    assertThat(pinning.numaAlignedShare()).isEqualTo(1.0);
    assertThat(pinning.admissionFailures()).containsKey("TopologyAffinityError");
  }

  @Test
  void theSameSeedGivesTheSamePlacements() {
    Map<String, String> first = placements(setupAndRun(7));
    Map<String, String> again = placements(setupAndRun(7));
    assertThat(again).isEqualTo(first);
  }

  private static Simulation setupAndRun(long seed) {
    Setup s = setup(seed, "a", "b", "c", "a", "b", "c", "a", "b", "c");
    s.ops().applyDeployment(web(12, "web:v1", "ScheduleAnyway"));
    s.sim().runUntil(60_000);
    s.ops().rollout("Deployment", "default", "web", web(12, "web:v2", "ScheduleAnyway").spec().template());
    s.sim().runUntil(600_000);
    return s.sim();
  }

  private static Map<String, String> placements(Simulation sim) {
    Map<String, String> out = new TreeMap<>();
    for (Pod p : sim.cluster().pods()) out.put(p.key(), p.spec().nodeName());
    return out;
  }
}
