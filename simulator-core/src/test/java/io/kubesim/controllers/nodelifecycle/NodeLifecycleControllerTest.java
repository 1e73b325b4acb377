package io.kubesim.controllers.nodelifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubesim.api.Node;
import io.kubesim.api.NodeSpec;
import io.kubesim.api.ObjectMeta;
import io.kubesim.api.Taint;
import io.kubesim.api.TaintEffect;
import io.kubesim.controllers.nodelifecycle.NodeLifecycleController.NodeObservation;
import io.kubesim.controllers.nodelifecycle.NodeLifecycleController.ZoneState;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NodeLifecycleControllerTest {
  private static Node node(String name, String zone, boolean unschedulable, List<Taint> taints) {
    Map<String, String> labels = new HashMap<>();
    if (zone != null) labels.put("topology.kubernetes.io/zone", zone);
    return new Node(ObjectMeta.named(name).withLabels(labels), new NodeSpec(unschedulable, taints), null);
  }

  /** A fake cluster: nodes with a stored Ready status, heartbeat and taints, updated from the controller's output. */
  static final class Cluster {
    final Map<String, String> zone = new LinkedHashMap<>();
    final Map<String, String> ready = new HashMap<>();
    final Map<String, Long> heartbeat = new HashMap<>();
    final Map<String, List<Taint>> taints = new HashMap<>();
    final Map<String, Map<String, String>> labels = new HashMap<>();
    final NodeLifecycleController nlc;

    Cluster(NodeLifecycleController nlc) {
      this.nlc = nlc;
    }

    void add(String name, String z, int count) {
      for (int i = 0; i < count; i++) {
        String n = count == 1 ? name : name + i;
        zone.put(n, z);
        ready.put(n, "True");
        heartbeat.put(n, 0L);
        taints.put(n, List.of());
      }
    }

    NodeObservation obs(String name) {
      if (!zone.containsKey(name)) return null;
      Node n = node(name, zone.get(name), false, taints.get(name));
      if (labels.containsKey(name)) n = n.withMetadata(n.metadata().withLabels(labels.get(name)));
      return new NodeObservation(n, ready.get(name), heartbeat.get(name));
    }

    void apply(List<NodeTaints.Change> changes) {
      for (NodeTaints.Change c : changes) taints.put(c.node(), c.applyTo(taints.get(c.node())));
    }

    NodeLifecycleController.MonitorResult monitor(long now) {
      List<NodeObservation> all = new ArrayList<>();
      for (String n : zone.keySet()) all.add(obs(n));
      var r = nlc.monitorNodeHealth(all, now);
      for (String n : r.readyUnknown()) ready.put(n, "Unknown");
      apply(r.taintChanges());
      return r;
    }

    List<NodeTaints.Change> taint(long now) {
      var changes = nlc.doNoExecuteTaintingPass(this::obs, now);
      apply(changes);
      return changes;
    }

    boolean hasNoExecute(String n) {
      return taints.get(n).stream().anyMatch(t -> t.effect() == TaintEffect.NoExecute);
    }

    long tainted() {
      return zone.keySet().stream().filter(this::hasNoExecute).count();
    }
  }

  @Test
  void cordonAddsTheUnschedulableTaintAndUncordonRemovesIt() {
    var add = NodeLifecycleController.noScheduleTaints(node("n", null, true, List.of()), "True", Map.of(), 7_000);
    assertThat(add.add()).containsExactly(new Taint(NodeTaints.UNSCHEDULABLE, "", TaintEffect.NoSchedule, "2026-01-01T00:00:07Z"));
    var remove = NodeLifecycleController.noScheduleTaints(node("n", null, false, add.add()), "True", Map.of(), 8_000);
    assertThat(remove.remove()).extracting(Taint::key).containsExactly(NodeTaints.UNSCHEDULABLE);
    assertThat(NodeLifecycleController.noScheduleTaints(node("n", null, false, List.of()), "True", Map.of(), 8_000)).isNull();
  }

  @Test
  void conditionsMapToNoScheduleTaintsAndOnlyManagedTaintsAreRemoved() {
    Taint own = new Taint("dedicated", "db", TaintEffect.NoSchedule);
    Taint notReady = new Taint(NodeTaints.NOT_READY, "", TaintEffect.NoSchedule);
    var c = NodeLifecycleController.noScheduleTaints(node("n", null, false, List.of(own, notReady, NodeTaints.NOT_READY_NO_EXECUTE)), "Unknown",
        Map.of("MemoryPressure", "True", "DiskPressure", "False"), 0);
    assertThat(c.add()).extracting(Taint::key).containsExactlyInAnyOrder(NodeTaints.UNREACHABLE, NodeTaints.MEMORY_PRESSURE);
    assertThat(c.remove()).containsExactly(notReady);
    assertThat(c.applyTo(List.of(own, notReady, NodeTaints.NOT_READY_NO_EXECUTE))).extracting(Taint::key)
        .containsExactlyInAnyOrder("dedicated", NodeTaints.NOT_READY, NodeTaints.UNREACHABLE, NodeTaints.MEMORY_PRESSURE);
  }

  @Test
  void theZoneKeyJoinsRegionAndZoneWithTheBetaLabelsAsFallback() {
    Node n = node("n", "a", false, List.of());
    assertThat(NodeLifecycleController.zoneKey(n)).isEqualTo(":\u0000:a");
    Node beta = new Node(ObjectMeta.named("b").withLabels(Map.of("failure-domain.beta.kubernetes.io/region", "r")), null, null);
    assertThat(NodeLifecycleController.zoneKey(beta)).isEqualTo("r:\u0000:");
    assertThat(NodeLifecycleController.zoneKey(node("c", null, false, List.of()))).isEmpty();
  }

  @Test
  void aSilentNodeBecomesUnknownAfterTheGracePeriodAndIsTaintedOnTheNextPass() {
    Cluster c = new Cluster(new NodeLifecycleController());
    c.add("n", "a", 1);
    c.add("m", "a", 1);
    for (long t = 0; t <= 50_000; t += 5_000) {
      c.heartbeat.put("m", t);
      assertThat(c.monitor(t).readyUnknown()).isEmpty();
    }
    c.heartbeat.put("m", 55_000L);
    var r = c.monitor(55_000);
    assertThat(r.readyUnknown()).containsExactly("n");
    assertThat(r.markPodsNotReady()).containsExactly("n");
    assertThat(c.taint(55_000)).as("observed Ready at the start of that pass: not queued yet").isEmpty();
    c.heartbeat.put("m", 60_000L);
    c.monitor(60_000);
    assertThat(c.nlc.queued(":\u0000:a")).containsExactly("n");
    assertThat(c.taint(60_000)).singleElement().satisfies(ch -> {
      assertThat(ch.add()).extracting(Taint::key).containsExactly(NodeTaints.UNREACHABLE);
      assertThat(ch.add().get(0).timeAdded()).isEqualTo("2026-01-01T00:01:00Z");
    });
  }

  @Test
  void aNormalZoneTaintsOneNodePerTenSeconds() {
    Cluster c = new Cluster(new NodeLifecycleController());
    c.add("n", "a", 10);
    for (int i = 0; i < 3; i++) c.ready.put("n" + i, "False");
    c.monitor(0);
    assertThat(c.nlc.zoneState(":\u0000:a")).isEqualTo(ZoneState.NORMAL);
    assertThat(c.taint(0)).hasSize(1);
    assertThat(c.taint(5_000)).isEmpty();
    assertThat(c.taint(9_900)).isEmpty();
    assertThat(c.taint(10_000)).hasSize(1);
    assertThat(c.taint(20_000)).hasSize(1);
    assertThat(c.tainted()).isEqualTo(3);
    assertThat(c.taints.get("n0")).extracting(Taint::key).containsExactly(NodeTaints.NOT_READY);
  }

  @Test
  void aPartiallyDisruptedSmallZoneStopsTaintingAndALargeOneSlowsDown() {
    Cluster small = new Cluster(new NodeLifecycleController());
    small.add("n", "a", 10);
    for (int i = 0; i < 6; i++) small.ready.put("n" + i, "False");
    small.monitor(0);
    assertThat(small.nlc.zoneState(":\u0000:a")).isEqualTo(ZoneState.PARTIAL_DISRUPTION);
    assertThat(small.nlc.zoneRate(":\u0000:a")).isZero();
    assertThat(small.taint(0)).isEmpty();
    assertThat(small.taint(1_000_000)).isEmpty();

    Cluster large = new Cluster(new NodeLifecycleController());
    large.add("n", "a", 60);
    for (int i = 0; i < 40; i++) large.ready.put("n" + i, "Unknown");
    large.monitor(0);
    assertThat(large.nlc.zoneRate(":\u0000:a")).isEqualTo(0.01);
    assertThat(large.taint(0)).as("the old bucket still had its token").hasSize(1);
    assertThat(large.taint(50_000)).isEmpty();
    assertThat(large.taint(100_000)).hasSize(1);
  }

  @Test
  void twoNotReadyNodesNeverMakeAPartialDisruption() {
    var nlc = new NodeLifecycleController();
    assertThat(nlc.computeZoneState(List.of("False", "False", "True"))).isEqualTo(ZoneState.NORMAL);
    assertThat(nlc.computeZoneState(List.of("False", "False", "False", "True", "True"))).isEqualTo(ZoneState.PARTIAL_DISRUPTION);
    assertThat(nlc.computeZoneState(java.util.Arrays.asList("Unknown", null))).isEqualTo(ZoneState.FULL_DISRUPTION);
  }

  @Test
  void aFullyDisruptedZoneTaintsAtTheNormalRateWhileAnotherZoneIsHealthy() {
    Cluster c = new Cluster(new NodeLifecycleController());
    c.add("a", "a", 3);
    c.add("b", "b", 3);
    for (int i = 0; i < 3; i++) c.ready.put("a" + i, "Unknown");
    c.monitor(0);
    assertThat(c.nlc.zoneState(":\u0000:a")).isEqualTo(ZoneState.FULL_DISRUPTION);
    assertThat(c.nlc.zoneRate(":\u0000:a")).isEqualTo(0.1);
    assertThat(c.taint(0)).hasSize(1);
  }

  @Test
  void whenEveryZoneIsDownAllNoExecuteTaintsAreRemovedAndTaintingStops() {
    Cluster c = new Cluster(new NodeLifecycleController());
    c.add("a", "a", 2);
    c.add("b", "b", 2);
    c.ready.put("a0", "False");
    c.monitor(0);
    c.taint(0);
    assertThat(c.hasNoExecute("a0")).isTrue();
    c.ready.replaceAll((n, s) -> "False");
    c.monitor(5_000);
    assertThat(c.tainted()).isZero();
    assertThat(c.nlc.zoneRate(":\u0000:a")).isZero();
    assertThat(c.taint(100_000)).isEmpty();
    c.monitor(10_000);
    assertThat(c.taint(200_000)).isEmpty();
    // zone b recovers: rates are restored and probe times reset
    c.ready.put("b0", "True");
    c.ready.put("b1", "True");
    c.heartbeat.put("b0", 300_000L);
    c.heartbeat.put("b1", 300_000L);
    var back = c.monitor(300_000);
    assertThat(back.resetProbeTimes()).isTrue();
    assertThat(c.nlc.zoneRate(":\u0000:a")).isEqualTo(0.1);
    assertThat(c.nlc.zoneState(":\u0000:b")).isEqualTo(ZoneState.NORMAL);
  }

  @Test
  void aTaintSwappedInThePassThatEntersFullDisruptionSurvives() {
    // Upstream removes taints using the node object read at the start of the pass: the
    // unreachable taint swapped in during that same pass is not seen and stays.
    Cluster c = new Cluster(new NodeLifecycleController());
    c.add("a", "a", 2);
    c.add("b", "b", 2);
    c.ready.put("a0", "False");
    c.monitor(0);
    c.taint(0);
    c.ready.replaceAll((n, s) -> "Unknown");
    c.monitor(5_000);
    assertThat(c.taints.get("a0")).extracting(Taint::key).containsExactly(NodeTaints.UNREACHABLE);
    assertThat(c.taint(100_000)).isEmpty();
  }

  @Test
  void aNodeReadyAgainLosesItsNoExecuteTaintAndItsQueueEntry() {
    Cluster c = new Cluster(new NodeLifecycleController());
    c.add("n", "a", 5);
    c.ready.put("n0", "False");
    c.ready.put("n1", "False");
    c.monitor(0);
    c.taint(0);
    assertThat(c.hasNoExecute("n0")).isTrue();
    assertThat(c.nlc.queued(":\u0000:a")).containsExactly("n1");
    c.ready.put("n0", "True");
    c.ready.put("n1", "True");
    c.heartbeat.replaceAll((n, t) -> 5_000L);
    c.monitor(5_000);
    assertThat(c.hasNoExecute("n0")).isFalse();
    assertThat(c.nlc.queued(":\u0000:a")).isEmpty();
  }

  @Test
  void anUnreachableNodeThatReportsNotReadySwapsItsTaintAtOnce() {
    Cluster c = new Cluster(new NodeLifecycleController());
    c.add("n", "a", 3);
    c.ready.put("n0", "Unknown");
    c.monitor(0);
    c.taint(0);
    assertThat(c.taints.get("n0")).extracting(Taint::key).containsExactly(NodeTaints.UNREACHABLE);
    c.ready.put("n0", "False");
    c.heartbeat.put("n0", 5_000L);
    var r = c.monitor(5_000);
    assertThat(r.taintChanges()).singleElement().satisfies(ch -> assertThat(ch.add()).extracting(Taint::key).containsExactly(NodeTaints.NOT_READY));
    assertThat(c.taints.get("n0")).extracting(Taint::key).containsExactly(NodeTaints.NOT_READY);
  }

  @Test
  void excludedNodesDoNotCountTowardsTheZoneState() {
    Cluster c = new Cluster(new NodeLifecycleController());
    c.add("n", "a", 4);
    for (int i = 0; i < 3; i++) c.ready.put("n" + i, "False");
    c.labels.put("n3", Map.of("topology.kubernetes.io/zone", "a", NodeLifecycleController.EXCLUDE_DISRUPTION_LABEL, ""));
    c.monitor(0);
    assertThat(c.nlc.zoneState(":\u0000:a")).isEqualTo(ZoneState.FULL_DISRUPTION);
  }

  @Test
  void aNodeThatNeverReportedGetsTheStartupGracePeriod() {
    var nlc = new NodeLifecycleController();
    Node fresh = new Node(new ObjectMeta("new", null, null, Map.of("topology.kubernetes.io/zone", "a"), null, null, "2026-01-01T00:00:00Z", null), null,
        null);
    assertThat(nlc.monitorNodeHealth(List.of(new NodeObservation(fresh, null, null)), 60_000).readyUnknown()).isEmpty();
    assertThat(nlc.monitorNodeHealth(List.of(new NodeObservation(fresh, null, null)), 60_001).readyUnknown()).containsExactly("new");
    assertThat(nlc.queued(":\u0000:a")).containsExactly("new");
  }
}
