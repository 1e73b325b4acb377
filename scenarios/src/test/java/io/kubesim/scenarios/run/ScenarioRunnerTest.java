package io.kubesim.scenarios.run;

import static io.kubesim.scenarios.ScenarioTexts.BASE;
import static org.assertj.core.api.Assertions.assertThat;

import io.kubesim.api.Pod;
import io.kubesim.api.Taint;
import io.kubesim.metrics.SpreadSample;
import io.kubesim.scenarios.ScenarioTexts;
import io.kubesim.scenarios.Scenario;
import io.kubesim.scenarios.ScenarioFile;
import io.kubesim.scenarios.output.Reports;
import io.kubesim.sim.Operations;
import io.kubesim.sim.Simulation;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScenarioRunnerTest {
  @TempDir Path dir;

  /** The real engine ({@link Engines#DEFAULT}), recording every Operations call the runner makes. */
  static final class Recording implements Engine {
    final List<String> calls = new ArrayList<>();
    final List<Object[]> args = new ArrayList<>();
    int attached;
    Simulation sim;

    @Override
    public Operations attach(Simulation sim) {
      attached++;
      this.sim = sim;
      Operations real = Engines.DEFAULT.attach(sim);
      return (Operations) Proxy.newProxyInstance(Operations.class.getClassLoader(), new Class<?>[] {Operations.class}, (p, m, a) -> {
        calls.add(sim.now() + " " + m.getName());
        args.add(a);
        try {
          return m.invoke(real, a);
        } catch (InvocationTargetException e) {
          throw e.getCause();
        }
      });
    }

    Object[] argsOf(String name) {
      for (int i = 0; i < calls.size(); i++) if (calls.get(i).endsWith(" " + name)) return args.get(i);
      throw new AssertionError("no call " + name + " in " + calls);
    }
  }

  private Scenario scenario(String more) {
    return ScenarioTexts.decode(dir, more);
  }

  @Test
  void thePluggedEngineGetsEveryTimelineOperationWithNodesResolvedAtThatTime() {
    Recording engine = new Recording();
    Scenario s = scenario("""
        timeline:
        - at: 1m
          addNodes: {pool: worker, count: 3}
        - at: 2m
          drain: {zone: zone-a}
        - at: 3m
          reboot: {pool: worker, by: zone, taint: {key: maintenance, effect: NoSchedule}, downFor: 4m, drain: false}
        - at: 4m
          rollout: {workload: Deployment/web, image: web:v2}
        - at: 5m
          taint: {nodes: [worker-8, worker-1], key: k, value: v, effect: NoExecute}
        """);
    VariantResult r = new ScenarioRunner(engine).run(s);
    assertThat(engine.attached).isEqualTo(1);
    assertThat(engine.calls).filteredOn(c -> !c.endsWith("addNode") && !c.endsWith("applyDeployment"))
        .containsExactly("120000 drain", "180000 reboot", "240000 rollout", "300000 taint");
    assertThat(engine.calls).filteredOn(c -> c.endsWith("addNode")).hasSize(9);
    assertThat(engine.argsOf("drain")[0]).isEqualTo(List.of("worker-0", "worker-3", "worker-6"));
    Object[] reboot = engine.argsOf("reboot");
    assertThat(reboot[0]).isEqualTo(List.of(List.of("worker-0", "worker-3", "worker-6"), List.of("worker-1", "worker-4", "worker-7"),
        List.of("worker-2", "worker-5", "worker-8")));
    assertThat(((Taint) reboot[1]).key()).isEqualTo("maintenance");
    assertThat(reboot[2]).isEqualTo(false);
    assertThat(reboot[3]).isEqualTo(240_000L);
    Object[] rollout = engine.argsOf("rollout");
    assertThat(rollout[0]).isEqualTo("Deployment");
    assertThat(((io.kubesim.api.PodTemplateSpec) rollout[3]).spec().containers().get(0).image()).isEqualTo("web:v2");
    Object[] taint = engine.argsOf("taint");
    assertThat(taint[0]).isEqualTo(List.of("worker-8", "worker-1"));
    assertThat(((Taint) taint[1]).timeAdded()).isEqualTo("2026-01-01T00:05:00Z");
    assertThat(r.marks()).extracting(m -> m.label()).containsExactly("addNodes pool=worker count=3", "drain zone=zone-a",
        "reboot pool=worker by zone", "rollout Deployment/web image web:v2", "taint nodes=worker-8,worker-1 k=v:NoExecute");
  }

  @Test
  void replicasSpreadOverZonesAndExpectationsAreChecked() {
    Scenario s = scenario("""
        expectations:
        - skew: {workload: Deployment/web, atMost: 0}
        - pending: {at: end, atMost: 0}
        - pending: {at: peak, atLeast: 1}
        - pendingDuration: {atMost: 0s}
        - pendingDuration: {atLeast: 1s}
        """);
    VariantResult r = new ScenarioRunner(Engines.DEFAULT).run(s);
    assertThat(r.podsAtEnd()).isEqualTo(6);
    assertThat(r.runningAtEnd()).isEqualTo(6);
    assertThat(r.last().spread()).singleElement().satisfies(ss -> {
      assertThat(ss.domainCounts()).containsEntry("zone-a", 2).containsEntry("zone-b", 2).containsEntry("zone-c", 2);
      assertThat(ss.schedulerSkew()).isZero();
    });
    // Every pod is bound in the instant it is created: none ever waits (start-up is not waiting).
    assertThat(r.expectations()).extracting(ExpectationResult::passed).containsExactly(true, true, false, true, false);
    assertThat(r.expectations().get(2).measuredText()).isEqualTo("0 (at 0s)");
    assertThat(r.expectations().get(3).measured()).isZero();
    assertThat(r.longestWaitPod()).isNull();
    assertThat(r.passed()).isFalse();
    assertThat(r.last().time()).isEqualTo(600_000);
  }

  @Test
  void samplesComeAtLeastEveryIntervalAndCarryTheEvents() {
    Scenario s = scenario("sampleInterval: 1m\ntimeline:\n- at: 150s\n  cordon: {nodes: [worker-0]}\n");
    VariantResult r = new ScenarioRunner(Engines.DEFAULT).run(s);
    List<Long> times = r.samples().stream().map(Sample::time).toList();
    for (long t = 60_000; t <= 600_000; t += 60_000) assertThat(times).contains(t);
    assertThat(r.samples()).filteredOn(x -> !x.events().isEmpty()).singleElement().satisfies(x -> {
      assertThat(x.time()).isEqualTo(150_000);
      assertThat(x.events()).containsExactly("cordon nodes=worker-0");
    });
  }

  @Test
  void sampleOnEventsSamplesOnlyAtTicksAndTimelineEvents() {
    Scenario s = scenario("sampleInterval: 2m\nsampleOn: events\ntimeline:\n- at: 150s\n  cordon: {nodes: [worker-0]}\n");
    VariantResult r = new ScenarioRunner(Engines.DEFAULT).run(s);
    assertThat(r.samples()).extracting(Sample::time).containsExactly(0L, 120_000L, 150_000L, 240_000L, 360_000L, 480_000L, 600_000L);
    assertThat(r.samples()).allMatch(x -> x.pending().pending() == 0);
    assertThat(r.longestWaitMs()).isZero();
  }

  @Test
  void sameFileAndSeedGiveByteIdenticalOutputsAndAnotherSeedDoesNot() {
    ScenarioFile f = new io.kubesim.scenarios.ScenarioLoader().load(Path.of("src/test/resources/scenarios/zone-spread.yaml"));
    List<String> first = outputs(f.decodeAll());
    List<String> second = outputs(new io.kubesim.scenarios.ScenarioLoader()
        .load(Path.of("src/test/resources/scenarios/zone-spread.yaml")).decodeAll());
    assertThat(second).isEqualTo(first);
    List<String> other = outputs(f.decodeAll().stream().map(s -> s.withSeed(99)).toList());
    assertThat(other.get(1)).isNotEqualTo(first.get(1));
  }

  private static List<String> outputs(List<Scenario> scenarios) {
    ScenarioRunner runner = new ScenarioRunner(Engines.DEFAULT);
    List<VariantResult> results = scenarios.stream().map(runner::run).toList();
    return List.of(Reports.pretty(Reports.summary(results)), Reports.csv(results), Reports.jsonl(results));
  }

  private static Sample sampleAt(VariantResult r, long time) {
    return r.samples().stream().filter(x -> x.time() == time).findFirst().orElseThrow();
  }

  private static Map<String, Integer> zonesAt(VariantResult r, long time) {
    return sampleAt(r, time).spread().get(0).domainCounts();
  }

  @Test
  void aFailedZonesPodsAreReplacedAfterTheGracePeriodAndTheirTolerationAndFinishTerminatingWhenItRecovers() {
    Recording engine = new Recording();
    // ScheduleAnyway: with DoNotSchedule the failed zone, still counted with 0 pods, would keep the replacements pending.
    String text = BASE.replace("DoNotSchedule", "ScheduleAnyway") + """
        sampleInterval: 10s
        timeline:
        - at: 1m
          failNodes: {zone: zone-b}
        - at: 9m
          recoverNodes: {zone: zone-b}
        expectations:
        - pending: {at: end, atMost: 0}
        """;
    ScenarioFile f = ScenarioTexts.load(dir, text);
    Scenario s = f.decode(f.variants().get(0));
    VariantResult r = new ScenarioRunner(engine).run(s);
    // Ready=Unknown at the first 5-second node-monitor pass after 1m + 50 s grace (1m55s); the
    // NoExecute taints follow one node per 10 s (1m55s, 2m05s); pods go 300 s later (the default
    // unreachable toleration), the last at 7m05s, seen at the 7m10s sample.
    long firstEvicted = 115_000 + 300_000;
    long lastEvicted = 125_000 + 300_000;
    assertThat(zonesAt(r, firstEvicted - 10_000)).containsEntry("zone-b", 2);
    Sample first = r.samples().stream().filter(x -> x.spread().get(0).domainCounts().get("zone-b") == 0).findFirst().orElseThrow();
    assertThat(first.time()).isBetween(lastEvicted, lastEvicted + 10_000);
    assertThat(zonesAt(r, lastEvicted + 10_000)).containsExactly(Map.entry("zone-a", 3), Map.entry("zone-b", 0), Map.entry("zone-c", 3));
    assertThat(sampleAt(r, 8 * 60_000).pending().pending()).isZero();
    // The evicted pods stay terminating on the dead nodes until they come back.
    ScenarioFile never = ScenarioTexts.load(dir, text.replace("- at: 9m\n  recoverNodes: {zone: zone-b}\n", ""));
    VariantResult down = new ScenarioRunner(Engines.DEFAULT).run(never.decode(never.variants().get(0)));
    assertThat(down.podsAtEnd()).isEqualTo(8);
    assertThat(down.runningAtEnd()).isEqualTo(6);
    assertThat(r.podsAtEnd()).isEqualTo(6);
    assertThat(r.runningAtEnd()).isEqualTo(6);
    assertThat(engine.sim.cluster().nodeInfos()).allSatisfy(n -> assertThat(n.node().spec().taints()).isEmpty());
    assertThat(r.expectations()).allMatch(ExpectationResult::passed);
  }

  @Test
  void podsBoundToAFailedNodeInItsGracePeriodDoNotStartUntilItRecovers() {
    Recording engine = new Recording();
    Scenario s = scenario("""
        sampleInterval: 10s
        timeline:
        - at: 1m
          failNodes: {zone: zone-a}
        - at: 70s
          scale: {workload: Deployment/web, replicas: 12}
        - at: 3m
          recoverNodes: {zone: zone-a}
        """);
    Map<String, String> zoneA = new java.util.TreeMap<>();
    VariantResult r = new ScenarioRunner(engine).run(s, ms -> {
      if (ms != 100_000) return;
      for (Pod p : engine.sim.cluster().pods()) {
        String zone = engine.sim.cluster().node(p.spec().nodeName()).labels().get("topology.kubernetes.io/zone");
        if (zone.equals("zone-a")) zoneA.put(p.name(), p.status().phase() + (p.status().isReady() ? " ready" : ""));
      }
    });
    // Still inside the 50 s grace period: the 2 old pods look fine, the 2 bound at 70s never started.
    assertThat(zoneA).hasSize(4);
    assertThat(zoneA.values()).containsExactlyInAnyOrder("Running ready", "Running ready", "Pending", "Pending");
    assertThat(r.runningAtEnd()).isEqualTo(12);
    assertThat(engine.sim.cluster().pods()).allMatch(p -> p.status().isReady());
  }

  @Test
  void aNodeThatFailsAgainAfterRecoveringGetsAFreshGracePeriod() {
    Recording engine = new Recording();
    Scenario s = scenario("""
        sampleInterval: 5s
        timeline:
        - at: 60s
          failNodes: {nodes: [worker-0]}
        - at: 80s
          recoverNodes: {nodes: [worker-0]}
        - at: 90s
          failNodes: {nodes: [worker-0]}
        """);
    List<Long> tainted = new ArrayList<>();
    new ScenarioRunner(engine).run(s, ms -> {
      if (!engine.sim.cluster().node("worker-0").spec().taints().isEmpty()) tainted.add(ms);
    });
    assertThat(tainted.get(0)).as("at the first 5-second monitor pass 50 s after the second failure, not the first").isEqualTo(145_000);
  }

  @Test
  void aRolloutEndsWithEveryPodAtTheNewImage() {
    Recording engine = new Recording();
    Scenario s = scenario("""
        timeline:
        - at: 1m
          rollout: {workload: Deployment/web, image: web:v2}
        expectations:
        - pending: {at: end, atMost: 0}
        """);
    VariantResult r = new ScenarioRunner(engine).run(s);
    List<Pod> live = engine.sim.cluster().pods().stream().filter(p -> !p.isTerminating()).toList();
    assertThat(live).hasSize(6).allSatisfy(p -> {
      assertThat(p.spec().containers().get(0).image()).isEqualTo("web:v2");
      assertThat(p.status().isReady()).isTrue();
    });
    assertThat(r.podsAtEnd()).isEqualTo(6);
    assertThat(engine.sim.cluster().replicaSets()).hasSize(2);
    SpreadSample end = r.last().spread().get(0);
    assertThat(end.newRevisionCounts()).isEqualTo(end.domainCounts());
    assertThat(end.newRevisionCounts().values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(6);
    SpreadSample before = r.samples().stream().filter(x -> x.time() < 60_000).reduce((a, b) -> b).orElseThrow().spread().get(0);
    assertThat(r.samples()).anySatisfy(x -> assertThat(x.spread().get(0).newRevisionCounts().values().stream().mapToInt(Integer::intValue)
        .sum()).isBetween(1, 5));
    assertThat(before.newRevisionCounts()).as("one revision before the rollout").isEqualTo(before.domainCounts());
    assertThat(r.expectations()).allMatch(ExpectationResult::passed);
  }

  @Test
  void aZoneByZoneRebootWithDrainLeavesNothingPendingAtTheEnd() {
    Recording engine = new Recording();
    Scenario s = scenario("""
        timeline:
        - at: 1m
          reboot: {pool: worker, by: zone, downFor: 1m}
        expectations:
        - pending: {at: end, atMost: 0}
        - pending: {at: peak, atLeast: 1}
        - skew: {workload: Deployment/web, at: end, atMost: 0}
        """);
    VariantResult r = new ScenarioRunner(engine).run(s);
    // Drained pods wait while their zone is down: the cordoned zone still counts with 0 pods (nodeTaintsPolicy Ignore).
    assertThat(r.expectations()).allMatch(ExpectationResult::passed);
    assertThat(r.longestWaitMs()).isGreaterThanOrEqualTo(60_000);
    assertThat(r.runningAtEnd()).isEqualTo(6);
    assertThat(r.last().spread().get(0).domainCounts()).containsExactly(Map.entry("zone-a", 2), Map.entry("zone-b", 2),
        Map.entry("zone-c", 2));
    assertThat(engine.sim.cluster().nodeInfos()).allSatisfy(n -> {
      assertThat(n.node().spec().unschedulable()).isFalse();
      assertThat(n.node().spec().taints()).isEmpty();
    });
  }

  @Test
  void pinnedPodsAreMeasured() {
    String text = BASE.replace("manifests:", """
        - name: epyc
          count: 1
          zones: [zone-a]
          hardware: epyc-2s-64c-nps4
          allocatable: {memory: 512Gi}
          kubelet: {cpuManagerPolicy: static, reservedSystemCPUs: "0-1", topologyManagerPolicy: single-numa-node, topologyManagerScope: pod}
        manifests:""") + """
        - apiVersion: apps/v1
          kind: StatefulSet
          metadata: {name: db}
          spec:
            replicas: 4
            selector: {matchLabels: {app: db}}
            template:
              metadata: {labels: {app: db}}
              spec:
                nodeSelector: {kubesim.io/pool: epyc}
                containers: [{name: db, resources: {limits: {cpu: "8", memory: 4Gi}}}]
        expectations:
        - aligned: {level: numa, atLeast: 1}
        - admissionFailures: {atMost: 0}
        """;
    ScenarioFile f = ScenarioTexts.load(dir, text);
    VariantResult r = new ScenarioRunner(Engines.DEFAULT).run(f.decode(f.variants().get(0)));
    assertThat(r.pinning().nodes()).isEqualTo(1);
    assertThat(r.pinning().pinnedPods()).isEqualTo(4);
    assertThat(r.pinning().numaAlignedShare()).isEqualTo(1.0);
    assertThat(r.pinning().freeExclusiveCpus()).isEqualTo(256 - 2 - 32);
    assertThat(r.pinning().strandedCpus()).containsOnlyKeys(8);
    assertThat(r.pinning().strandedCpusByNode().get(8)).containsOnlyKeys("epyc-0");
    assertThat(r.pinning().meanMemoryAccessCost()).isNotNull();
    assertThat(r.expectations()).allMatch(ExpectationResult::passed);
    var json = Reports.summary(List.of(r)).get("variants").get(0).get("pinning");
    assertThat(json.get("numaAligned").asInt()).isEqualTo(4);
    assertThat(json.get("strandedCpus").get("8").asInt()).isEqualTo(r.pinning().strandedCpus().get(8));
    int onNode = r.pinning().strandedCpusByNode().get(8).get("epyc-0");
    assertThat(json.get("strandedCpusByNode").get("8").toString()).isEqualTo(onNode == 0 ? "{}" : "{\"epyc-0\":" + onNode + "}");
  }

  @Test
  void admissionFailuresAreCounted() {
    String text = BASE.replace("manifests:", """
        - name: small
          count: 1
          zones: [zone-a]
          hardware: k8s-dual-socket-ht
          allocatable: {memory: 64Gi}
          kubelet: {cpuManagerPolicy: static, reservedSystemCPUs: "0", topologyManagerPolicy: single-numa-node}
        manifests:""") + """
        - apiVersion: v1
          kind: Pod
          metadata: {name: big}
          spec:
            nodeName: small-0
            containers: [{name: c, resources: {limits: {cpu: "8", memory: 1Gi}}}]
        expectations:
        - admissionFailures: {reason: TopologyAffinityError, atMost: 0}
        """;
    ScenarioFile f = ScenarioTexts.load(dir, text);
    VariantResult r = new ScenarioRunner(Engines.DEFAULT).run(f.decode(f.variants().get(0)));
    assertThat(r.admissionFailures()).containsEntry("TopologyAffinityError", 1);
    assertThat(r.pinning().admissionFailures()).isEqualTo(r.admissionFailures());
    assertThat(r.expectations()).singleElement().satisfies(e -> {
      assertThat(e.passed()).isFalse();
      assertThat(e.measured()).isEqualTo(1.0);
    });
  }
}
