package io.kubesim.scenarios;

import static io.kubesim.scenarios.ScenarioTexts.BASE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kubesim.api.Deployment;
import io.kubesim.api.Node;
import io.kubesim.api.Quantity;
import io.kubesim.api.TaintEffect;
import io.kubesim.scheduler.Registry;
import io.kubesim.scheduler.plugins.noderesources.NodeResourcesFitArgs;
import io.kubesim.scheduler.plugins.podtopologyspread.PodTopologySpreadArgs;
import io.kubesim.sim.PodTiming;
import io.kubesim.yaml.InputError;
import java.nio.file.Path;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScenarioDecoderTest {
  @TempDir Path dir;

  private Scenario decode(String more) {
    return ScenarioTexts.decode(dir, more);
  }

  /** The error decoding the base plus {@code more} gives; asserts its place and message. */
  private void assertError(String more, int line, int column, String path, String message) {
    assertError(() -> decode(more), line, column, path, message);
  }

  private void assertError(ThrowingCallable call, int line, int column, String path, String message) {
    assertThatThrownBy(call).isInstanceOfSatisfying(InputError.class, e -> {
      assertThat(e.mark().line()).as("line of: " + e.getMessage()).isEqualTo(line);
      assertThat(e.mark().column()).as("column of: " + e.getMessage()).isEqualTo(column);
      assertThat(e.path()).as("path of: " + e.getMessage()).isEqualTo(path);
      assertThat(e.problem()).isEqualTo(message);
      assertThat(e.getMessage()).isEqualTo(dir.resolve("s.yaml") + ":" + line + ":" + column + ": " + path + ": " + message);
    });
  }

  // ---------------------------------------------------------------- sections

  @Test
  void topLevelDefaults() {
    Scenario s = decode("");
    assertThat(s.name()).isEqualTo("t");
    assertThat(s.seed()).isEqualTo(1);
    assertThat(s.durationMs()).isEqualTo(600_000);
    assertThat(s.sampleIntervalMs()).isEqualTo(30_000);
    assertThat(s.podTiming()).isEqualTo(PodTiming.DEFAULT);
    assertThat(s.variant()).isEqualTo("default");
    assertThat(s.scheduler().plugins()).isEqualTo(Registry.defaultPlugins());
    assertThat(s.scheduler().initialBackoffMs()).isEqualTo(1_000);
    assertThat(s.scheduler().maxBackoffMs()).isEqualTo(10_000);
  }

  @Test
  void podTimingAndFeatureGates() {
    Scenario s = decode("""
        podTiming: {startup: 5s, startupJitter: 0s, readiness: 1m, termination: 30s}
        featureGates: {MatchLabelKeysInPodTopologySpread: false}
        seed: 42
        sampleInterval: 10s
        """);
    assertThat(s.podTiming()).isEqualTo(new PodTiming(5_000, 0, 60_000, PodTiming.DEFAULT.readinessJitterMs(), 30_000));
    assertThat(s.features().matchLabelKeysInPodTopologySpread()).isFalse();
    assertThat(s.features().nodeInclusionPolicyInPodTopologySpread()).isTrue();
    assertThat(s.seed()).isEqualTo(42);
    assertThat(s.sampleIntervalMs()).isEqualTo(10_000);
  }

  @Test
  void nodePoolsExpandWithWellKnownLabelsRoundRobinOverZones() {
    Scenario s = decode("");
    assertThat(s.nodes()).extracting(Node::name).containsExactly("worker-0", "worker-1", "worker-2", "worker-3", "worker-4", "worker-5");
    assertThat(s.nodes()).extracting(n -> n.labels().get("topology.kubernetes.io/zone"))
        .containsExactly("zone-a", "zone-b", "zone-c", "zone-a", "zone-b", "zone-c");
    Node n = s.nodes().get(4);
    assertThat(n.labels()).containsEntry("kubernetes.io/hostname", "worker-4").containsEntry("kubesim.io/pool", "worker")
        .containsEntry("kubernetes.io/os", "linux");
    assertThat(n.status().allocatable()).containsEntry("cpu", Quantity.parse("4")).containsEntry("memory", Quantity.parse("16Gi"))
        .containsEntry("pods", Quantity.of(110));
    assertThat(s.poolOfNode()).containsOnlyKeys("worker-0", "worker-1", "worker-2", "worker-3", "worker-4", "worker-5");
  }

  @Test
  void secondPoolWithRegionLabelsAndTaints() {
    String text = BASE.replace("manifests:", """
        - name: gpu
          count: 2
          region: r1
          zones: [zone-x]
          labels: {accelerator: a100}
          taints: [{key: gpu, effect: NoSchedule}]
          allocatable: {cpu: "32", nvidia.com/gpu: "8"}
        manifests:""");
    ScenarioFile f = ScenarioTexts.load(dir, text);
    Scenario s = f.decode(f.variants().get(0));
    Node gpu = s.nodes().get(7);
    assertThat(gpu.name()).isEqualTo("gpu-1");
    assertThat(gpu.labels()).containsEntry("topology.kubernetes.io/region", "r1").containsEntry("topology.kubernetes.io/zone", "zone-x")
        .containsEntry("accelerator", "a100");
    assertThat(gpu.spec().taints()).singleElement().satisfies(t -> {
      assertThat(t.key()).isEqualTo("gpu");
      assertThat(t.effect()).isEqualTo(TaintEffect.NoSchedule);
    });
    assertThat(gpu.status().allocatable()).containsEntry("nvidia.com/gpu", Quantity.parse("8"));
  }

  @Test
  void hardwarePresetGivesAllocatableCpuMinusReservedAndPinning() {
    String text = BASE.replace("manifests:", """
        - name: epyc
          count: 1
          hardware: epyc-2s-64c-nps4
          kubelet: {cpuManagerPolicy: static, reservedSystemCPUs: "0-3", topologyManagerPolicy: single-numa-node}
        manifests:""");
    ScenarioFile f = ScenarioTexts.load(dir, text);
    Scenario s = f.decode(f.variants().get(0));
    NodePool epyc = s.nodePools().get(1);
    assertThat(epyc.pinsCpus()).isTrue();
    assertThat(epyc.hardware().numCpus()).isEqualTo(256);
    Node n = s.nodes().get(6);
    assertThat(n.status().allocatable().get("cpu")).isEqualTo(Quantity.parse("252"));
    assertThat(n.status().capacity().get("cpu")).isEqualTo(Quantity.parse("256"));
  }

  @Test
  void lscpuHardwareIsReadRelativeToTheScenario() {
    ScenarioTexts.write(dir, "hw/box.csv", """
        # CPU,Core,Socket,Node,L1d:L1i:L2:L3
        0,0,0,0,0:0:0:0
        1,1,0,0,1:1:1:0
        2,0,0,0,0:0:0:0
        3,1,0,0,1:1:1:0
        """);
    String text = BASE.replace("manifests:", """
        - name: box
          count: 1
          hardware: {lscpu: hw/box.csv}
        manifests:""");
    ScenarioFile f = ScenarioTexts.load(dir, text);
    Scenario s = f.decode(f.variants().get(0));
    assertThat(s.nodePools().get(1).hardware().numCpus()).isEqualTo(4);
    assertThat(s.nodes().get(6).status().allocatable().get("cpu")).isEqualTo(Quantity.parse("4"));
  }

  @Test
  void schedulerProfileMergesLikeUpstream() {
    Scenario s = decode("""
        scheduler:
          apiVersion: kubescheduler.config.k8s.io/v1
          kind: KubeSchedulerConfiguration
          percentageOfNodesToScore: 50
          podInitialBackoffSeconds: 2
          podMaxBackoffSeconds: 20
          leaderElection: {leaderElect: false}
          profiles:
          - schedulerName: default-scheduler
            plugins:
              multiPoint:
                enabled: [{name: PodTopologySpread, weight: 5}]
                disabled: [{name: InterPodAffinity}, {name: ImageLocality}]
              score:
                enabled: [{name: NodeResourcesFit, weight: 3}]
            pluginConfig:
            - name: PodTopologySpread
              args:
                defaultingType: List
                defaultConstraints: [{maxSkew: 2, topologyKey: kubernetes.io/hostname, whenUnsatisfiable: ScheduleAnyway}]
            - name: NodeResourcesFit
              args: {scoringStrategy: {type: MostAllocated, resources: [{name: cpu, weight: 1}]}}
        """);
    SchedulerSettings sch = s.scheduler();
    assertThat(sch.percentageOfNodesToScore()).isEqualTo(50);
    assertThat(sch.initialBackoffMs()).isEqualTo(2_000);
    assertThat(sch.maxBackoffMs()).isEqualTo(20_000);
    assertThat(sch.plugins().enabled()).containsExactly("NodeUnschedulable", "NodeName", "TaintToleration", "NodeAffinity", "NodePorts",
        "NodeResourcesFit", "PodTopologySpread", "NodeResourcesBalancedAllocation");
    assertThat(sch.plugins().weights()).containsEntry("PodTopologySpread", 5).containsEntry("NodeResourcesFit", 3)
        .containsEntry("TaintToleration", 3).doesNotContainKey("InterPodAffinity");
    PodTopologySpreadArgs spread = (PodTopologySpreadArgs) sch.plugins().args().get("PodTopologySpread");
    assertThat(spread.defaultingType()).isEqualTo(PodTopologySpreadArgs.DefaultingType.List);
    assertThat(spread.defaultConstraints()).singleElement().satisfies(c -> assertThat(c.maxSkew()).isEqualTo(2));
    NodeResourcesFitArgs fit = (NodeResourcesFitArgs) sch.plugins().args().get("NodeResourcesFit");
    assertThat(fit.scoringStrategy().type()).isEqualTo("MostAllocated");
  }

  @Test
  void disablingEverythingKeepsOnlyTheEnabledOnes() {
    Scenario s = decode("""
        scheduler:
          profiles:
          - plugins: {multiPoint: {disabled: [{name: "*"}], enabled: [{name: NodeResourcesFit}, {name: PodTopologySpread}]}}
        """);
    assertThat(s.scheduler().plugins().enabled()).containsExactly("NodeResourcesFit", "PodTopologySpread");
    assertThat(s.scheduler().plugins().weights()).isEmpty();
  }

  @Test
  void timelineActionsAndDefaultLabels() {
    Scenario s = decode("""
        timeline:
        - at: 1m
          scale: {workload: Deployment/web, replicas: 9}
        - at: 2m
          cordon: {zone: zone-a}
        - at: 2m
          taint: {pool: worker, zone: zone-b, count: 1, key: maintenance, effect: NoSchedule}
        - at: 3m
          addNodes: {pool: worker, count: 2}
        - at: 4m
          drain: {nodes: [worker-6]}
          label: drain the new node
        - at: 5m
          reboot: {pool: worker, by: zone, taint: {key: maintenance, effect: NoSchedule}, downFor: 3m}
        - at: 6m
          rollout: {workload: Deployment/web, image: web:v2}
        - at: 7m
          delete: Deployment/web
        """);
    assertThat(s.timeline()).extracting(TimelineEvent::label).containsExactly(
        "scale Deployment/web to 9", "cordon zone=zone-a", "taint pool=worker zone=zone-b count=1 maintenance:NoSchedule",
        "addNodes pool=worker count=2", "drain the new node", "reboot pool=worker by zone", "rollout Deployment/web image web:v2",
        "delete Deployment/web");
    assertThat(s.timeline()).extracting(TimelineEvent::atMs).containsExactly(60_000L, 120_000L, 120_000L, 180_000L, 240_000L, 300_000L,
        360_000L, 420_000L);
    TimelineEvent.AddNodes add = (TimelineEvent.AddNodes) s.timeline().get(3).action();
    assertThat(add.nodes()).extracting(Node::name).containsExactly("worker-6", "worker-7");
    assertThat(add.nodes()).extracting(n -> n.labels().get("topology.kubernetes.io/zone")).containsExactly("zone-a", "zone-b");
    assertThat(s.poolOfNode()).containsKeys("worker-6", "worker-7");
    TimelineEvent.Reboot reboot = (TimelineEvent.Reboot) s.timeline().get(5).action();
    assertThat(reboot.downMs()).isEqualTo(180_000);
    assertThat(reboot.drain()).isTrue();
    assertThat(reboot.taint().key()).isEqualTo("maintenance");
    assertThat(s.timeline().get(0).mark().line()).isEqualTo(25);
  }

  @Test
  void applyInTheTimelineMakesAWorkloadKnownToLaterEntriesAndExpectations() {
    Scenario s = decode("""
        timeline:
        - at: 1m
          apply:
          - apiVersion: apps/v1
            kind: StatefulSet
            metadata: {name: es}
            spec:
              replicas: 3
              selector: {matchLabels: {app: es}}
              template:
                metadata: {labels: {app: es}}
                spec:
                  containers: [{name: es}]
                  topologySpreadConstraints:
                  - {maxSkew: 1, minDomains: 3, topologyKey: topology.kubernetes.io/zone, whenUnsatisfiable: DoNotSchedule, labelSelector: {matchLabels: {app: es}}}
        - at: 2m
          scale: {workload: StatefulSet/es, replicas: 5}
        expectations:
        - minDomains: {workload: StatefulSet/es, met: true}
        """);
    assertThat(((TimelineEvent.Apply) s.timeline().get(0).action()).names()).containsExactly("StatefulSet/es");
    assertThat(s.expectations()).singleElement().isInstanceOfSatisfying(Expectation.MinDomains.class,
        e -> assertThat(e.topologyKey()).isEqualTo("topology.kubernetes.io/zone"));
  }

  @Test
  void expectationsDecodeWithDefaults() {
    Scenario s = decode("""
        expectations:
        - skew: {workload: Deployment/web, atMost: 1}
        - skew: {workload: Deployment/web, topologyKey: topology.kubernetes.io/zone, view: newRevision, at: peak, from: 5m, atMost: 2}
        - pending: {at: end, atMost: 0}
        - pendingDuration: {atMost: 5m}
        - admissionFailures: {atMost: 0}
          variants: [default]
        """);
    assertThat(s.expectations()).hasSize(5);
    Expectation.Skew first = (Expectation.Skew) s.expectations().get(0);
    assertThat(first.view()).isEqualTo(Expectation.View.scheduler);
    assertThat(first.at()).isEqualTo(Expectation.At.end);
    assertThat(first.topologyKey()).isEqualTo("topology.kubernetes.io/zone");
    assertThat(first.bound()).isEqualTo(new Expectation.Bound(null, 1.0));
    Expectation.Skew second = (Expectation.Skew) s.expectations().get(1);
    assertThat(second.fromMs()).isEqualTo(300_000);
    assertThat(((Expectation.PendingDuration) s.expectations().get(3)).bound().atMost()).isEqualTo(300_000.0);
    assertThat(s.expectations().get(4).appliesTo("default")).isTrue();
    assertThat(s.expectations().get(4).appliesTo("other")).isFalse();
  }

  @Test
  void includesAreSplicedIntoManifests() {
    ScenarioTexts.write(dir, "apps/db.yaml", """
        apiVersion: apps/v1
        kind: StatefulSet
        metadata: {name: db}
        spec:
          replicas: 1
          selector: {matchLabels: {app: db}}
          template:
            metadata: {labels: {app: db}}
            spec: {containers: [{name: db}]}
        ---
        apiVersion: policy/v1
        kind: PodDisruptionBudget
        metadata: {name: db}
        spec: {maxUnavailable: 1, selector: {matchLabels: {app: db}}}
        """);
    Scenario s = decode("include: [apps/db.yaml]\n");
    assertThat(s.objects()).hasSize(3);
    assertThat(s.objects().get(0)).isInstanceOf(Deployment.class);
  }

  @Test
  void snapshotPodsStayBound() {
    ScenarioTexts.write(dir, "cluster.yaml", """
        apiVersion: v1
        kind: List
        items:
        - apiVersion: v1
          kind: Node
          metadata: {name: old-1, labels: {topology.kubernetes.io/zone: zone-a}}
          status: {allocatable: {cpu: "4", pods: "110"}}
        - apiVersion: v1
          kind: Pod
          metadata: {name: legacy, namespace: ops}
          spec: {nodeName: old-1, containers: [{name: c}]}
          status: {phase: Running}
        """);
    Scenario s = decode("snapshot: cluster.yaml\n");
    assertThat(s.nodes()).extracting(Node::name).endsWith("old-1");
    assertThat(s.objects()).anySatisfy(o -> assertThat(o).isInstanceOfSatisfying(io.kubesim.api.Pod.class,
        p -> assertThat(p.spec().nodeName()).isEqualTo("old-1")));
  }

  // ---------------------------------------------------------------- errors

  @Test
  void unknownFieldSuggestsTheClosest() {
    assertError("timline: []\n", 23, 10, "timline", "unknown field \"timline\" (did you mean \"timeline\"?); allowed: apiVersion, "
        + "description, duration, expectations, featureGates, include, kind, manifests, matrix, name, nodePools, plan, podTiming, "
        + "sampleInterval, sampleOn, scheduler, seed, snapshot, timeline, variants");
  }

  @Test
  void unknownFieldInsideAnAction() {
    assertThatThrownBy(() -> decode("timeline:\n- at: 1m\n  drain: {zone: zone-a, grace: 5s}\n"))
        .isInstanceOfSatisfying(InputError.class, e -> {
          assertThat(e.path()).isEqualTo("timeline[0].drain.grace");
          assertThat(e.mark().line()).isEqualTo(25);
          assertThat(e.problem()).startsWith("unknown field \"grace\"; allowed: count, nodes, pool, selector, zone");
        });
  }

  @Test
  void badEnumSuggestsTheClosest() {
    assertError("expectations:\n- skew: {workload: Deployment/web, view: schedular, atMost: 1}\n", 24, 42, "expectations[0].skew.view",
        "unknown value \"schedular\" (did you mean \"scheduler\"?); allowed: scheduler, all, newRevision");
  }

  @Test
  void badTaintEffectInAnAction() {
    assertError("timeline:\n- at: 1m\n  taint: {pool: worker, key: k, effect: NoSchedul}\n", 25, 41, "timeline[0].taint.effect",
        "unknown value \"NoSchedul\" (did you mean \"NoSchedule\"?); allowed: NoSchedule, PreferNoSchedule, NoExecute");
  }

  @Test
  void badDuration() {
    assertError("timeline:\n- at: 5 min\n  drain: {zone: zone-a}\n", 24, 7, "timeline[0].at",
        "invalid duration \"5 min\": expected a number and a unit (ms, s, m, h), e.g. 90s, 5m, 1h30m");
  }

  @Test
  void badQuantity() {
    String text = ScenarioTexts.BASE.replace("cpu: \"4\"", "cpu: \"4x\"");
    assertError(() -> ScenarioTexts.load(dir, text).decodeAll(), 9, 22, "nodePools[0].allocatable.cpu",
        "invalid quantity \"4x\": expected a number with an optional suffix (n, u, m, k, M, G, T, P, E, Ki, Mi, Gi, Ti, Pi, Ei or an "
            + "exponent like e3)");
  }

  @Test
  void missingWorkloadReference() {
    assertError("expectations:\n- skew: {workload: Deployment/wbe, atMost: 1}\n", 24, 20, "expectations[0].skew.workload",
        "no Deployment \"wbe\" in namespace default in the scenario (did you mean \"Deployment/web\"?); workloads: Deployment/web");
  }

  @Test
  void missingZoneReference() {
    assertError("timeline:\n- at: 5m\n  drain: {zone: zone-d}\n", 25, 17, "timeline[0].drain.zone",
        "no node in zone \"zone-d\" at this point (did you mean \"zone-a\"?); zones: zone-a, zone-b, zone-c");
  }

  @Test
  void missingPoolAndNodeReferences() {
    assertError("timeline:\n- at: 5m\n  cordon: {pool: workr}\n", 25, 18, "timeline[0].cordon.pool",
        "no node pool \"workr\" (did you mean \"worker\"?); pools: worker");
    assertError("timeline:\n- at: 5m\n  cordon: {nodes: [worker-9]}\n", 25, 20, "timeline[0].cordon.nodes[0]",
        "no node \"worker-9\" at this point (did you mean \"worker-0\"?)");
  }

  @Test
  void aRemovedNodeCannotBeUsedLater() {
    assertError("timeline:\n- at: 1m\n  removeNodes: {nodes: [worker-1]}\n- at: 2m\n  drain: {nodes: [worker-1]}\n", 27, 19,
        "timeline[1].drain.nodes[0]", "no node \"worker-1\" at this point (did you mean \"worker-0\"?)");
  }

  @Test
  void aDeletedWorkloadCannotBeScaled() {
    assertError("timeline:\n- at: 1m\n  delete: Deployment/web\n- at: 2m\n  scale: {workload: Deployment/web, replicas: 1}\n", 27, 21,
        "timeline[1].scale.workload", "no Deployment \"web\" in namespace default at this point");
  }

  @Test
  void missingContainerAndConstraintReferences() {
    assertError("timeline:\n- at: 1m\n  rollout: {workload: Deployment/web, image: web:v2, container: wbe}\n", 25, 65,
        "timeline[0].rollout.container", "no container \"wbe\" in Deployment/web's pod template (did you mean \"web\"?); containers: web");
    assertError("expectations:\n- skew: {workload: Deployment/web, topologyKey: kubernetes.io/hostname, atMost: 1}\n", 24, 49,
        "expectations[0].skew.topologyKey", "Deployment/web has no spread constraint with topologyKey \"kubernetes.io/hostname\"; its "
            + "keys: topology.kubernetes.io/zone");
  }

  @Test
  void outOfOrderEvent() {
    assertError("timeline:\n- at: 5m\n  drain: {zone: zone-a}\n- at: 4m\n  cordon: {pool: worker}\n", 26, 7, "timeline[1].at",
        "out of order: at 4m comes before the previous entry (at 5m, line 24); list the timeline in time order");
  }

  @Test
  void eventAfterTheEnd() {
    assertError("timeline:\n- at: 11m\n  drain: {zone: zone-a}\n", 24, 7, "timeline[0].at",
        "at 11m is after the end of the scenario (duration 10m)");
  }

  @Test
  void twoActionsInOneEntry() {
    assertError("timeline:\n- at: 1m\n  scale: {workload: Deployment/web, replicas: 3}\n  drain: {zone: zone-a}\n", 26, 10,
        "timeline[0].drain", "one action per entry: found \"scale\" and \"drain\"");
  }

  @Test
  void duplicateNames() {
    String pools = ScenarioTexts.BASE.replace("manifests:", "- name: worker\n  count: 1\nmanifests:");
    assertError(() -> ScenarioTexts.load(dir, pools).decodeAll(), 10, 9, "nodePools[1].name", "duplicate node pool \"worker\" (first at line 6)");
    String deployments = ScenarioTexts.BASE + ScenarioTexts.BASE.substring(ScenarioTexts.BASE.indexOf("- apiVersion: apps/v1"));
    assertError(() -> ScenarioTexts.load(dir, deployments).decodeAll(), 25, 20, "manifests[1].metadata.name",
        "duplicate Deployment \"web\" in namespace default (first at " + dir.resolve("s.yaml") + ":13:20)");
  }

  @Test
  void duplicateNodeNamesAcrossPoolsAndManifests() {
    String text = ScenarioTexts.BASE + "- {apiVersion: v1, kind: Node, metadata: {name: worker-2}}\n";
    assertError(() -> ScenarioTexts.load(dir, text).decodeAll(), 23, 49, "manifests[1].metadata.name",
        "duplicate node name \"worker-2\" (first at " + dir.resolve("s.yaml") + ":6:9)");
    assertError("timeline:\n- at: 1m\n  apply: {apiVersion: v1, kind: Node, metadata: {name: worker-3}}\n", 25, 56,
        "timeline[0].apply.metadata.name", "node \"worker-3\" already exists");
  }

  @Test
  void escapingIncludePath() {
    assertError("include: [../outside.yaml]\n", 23, 11, "include[0]",
        "include path \"../outside.yaml\" leaves the scenario's directory; files must be in " + dir.toAbsolutePath().normalize()
            + " or below it");
    assertError("include: [/etc/hostname]\n", 23, 11, "include[0]",
        "include path \"/etc/hostname\" leaves the scenario's directory; files must be in " + dir.toAbsolutePath().normalize()
            + " or below it");
  }

  @Test
  void includeThroughASymbolicLinkOutOfTheDirectory(@TempDir Path elsewhere) throws java.io.IOException {
    Path outside = ScenarioTexts.write(elsewhere, "secret.yaml", "apiVersion: v1\nkind: Service\nmetadata: {name: s}\n");
    java.nio.file.Files.createSymbolicLink(dir.resolve("link.yaml"), outside);
    assertError("include: [link.yaml]\n", 23, 11, "include[0]",
        "include path \"link.yaml\" leaves the scenario's directory through a symbolic link");
  }

  @Test
  void missingIncludeFile() {
    assertError("include: [nope.yaml]\n", 23, 11, "include[0]",
        "include file \"nope.yaml\" does not exist (looked for " + dir.toAbsolutePath().normalize().resolve("nope.yaml") + ")");
  }

  @Test
  void snapshotPodOnAnUnknownNode() {
    ScenarioTexts.write(dir, "cluster.yaml", """
        apiVersion: v1
        kind: List
        items:
        - apiVersion: v1
          kind: Pod
          metadata: {name: legacy}
          spec: {nodeName: worker-66, containers: [{name: c}]}
        """);
    assertThatThrownBy(() -> decode("snapshot: cluster.yaml\n")).isInstanceOfSatisfying(InputError.class, e -> {
      assertThat(e.mark().file()).endsWith("cluster.yaml");
      assertThat(e.mark().line()).isEqualTo(7);
      assertThat(e.mark().column()).isEqualTo(20);
      assertThat(e.path()).isEqualTo("items[0].spec.nodeName");
      assertThat(e.problem()).isEqualTo("pod default/legacy is bound to node \"worker-66\", which is not in the scenario (did you mean "
          + "\"worker-0\"?)");
    });
  }

  @Test
  void kubeletProblems() {
    String noHardware = ScenarioTexts.BASE.replace("  allocatable: {cpu: \"4\", memory: 16Gi}",
        "  allocatable: {cpu: \"4\", memory: 16Gi}\n  kubelet: {cpuManagerPolicy: static, reservedSystemCPUs: \"0\"}");
    assertThatThrownBy(() -> ScenarioTexts.load(dir, noHardware).decodeAll()).isInstanceOfSatisfying(InputError.class, e -> {
      assertThat(e.path()).isEqualTo("nodePools[0].kubelet");
      assertThat(e.problem()).startsWith("CPU pinning needs the pool's hardware: a CPU topology preset (");
    });
    String badPolicy = ScenarioTexts.BASE.replace("  allocatable: {cpu: \"4\", memory: 16Gi}",
        "  hardware: epyc-2s-64c-nps1\n  kubelet: {cpuManagerPolicy: static, topologyManagerPolicy: single-numa}");
    assertThatThrownBy(() -> ScenarioTexts.load(dir, badPolicy).decodeAll()).isInstanceOfSatisfying(InputError.class, e -> {
      assertThat(e.path()).isEqualTo("nodePools[0].kubelet.topologyManagerPolicy");
      assertThat(e.problem()).isEqualTo("unknown value \"single-numa\" (did you mean \"single-numa-node\"?); allowed: none, best-effort, "
          + "restricted, single-numa-node");
    });
    String noReserved = ScenarioTexts.BASE.replace("  allocatable: {cpu: \"4\", memory: 16Gi}",
        "  hardware: epyc-2s-64c-nps1\n  kubelet: {cpuManagerPolicy: static}");
    assertThatThrownBy(() -> ScenarioTexts.load(dir, noReserved).decodeAll()).isInstanceOfSatisfying(InputError.class,
        e -> assertThat(e.problem()).contains("the static policy requires systemreserved.cpu + kubereserved.cpu to be greater than zero"));
    String badPreset = ScenarioTexts.BASE.replace("  allocatable: {cpu: \"4\", memory: 16Gi}", "  hardware: epyc-2s-64c-nps3");
    assertThatThrownBy(() -> ScenarioTexts.load(dir, badPreset).decodeAll()).isInstanceOfSatisfying(InputError.class,
        e -> assertThat(e.problem()).startsWith("unknown CPU topology preset \"epyc-2s-64c-nps3\" (did you mean \"epyc-2s-64c-nps1\"?)"));
  }

  @Test
  void schedulerProblems() {
    assertError("scheduler:\n  profiles:\n  - plugins: {multiPoint: {enabled: [{name: PodTopologySpred}]}}\n", 25, 45,
        "scheduler.profiles[0].plugins.multiPoint.enabled[0].name", "unknown value \"PodTopologySpred\" (did you mean "
            + "\"PodTopologySpread\"?); allowed: NodeUnschedulable, NodeName, TaintToleration, NodeAffinity, NodePorts, NodeResourcesFit, "
            + "PodTopologySpread, InterPodAffinity, NodeResourcesBalancedAllocation");
    assertError("scheduler:\n  percentageOfNodesToScore: 101\n", 24, 29, "scheduler.percentageOfNodesToScore",
        "not in valid range [0-100]");
    assertError("scheduler:\n  podInitialBackoffSeconds: 5\n  podMaxBackoffSeconds: 2\n", 25, 25, "scheduler.podMaxBackoffSeconds",
        "podMaxBackoffSeconds (2) must be greater than or equal to podInitialBackoffSeconds (5)");
    assertThatThrownBy(() -> decode("scheduler:\n  profiles:\n  - pluginConfig:\n    - name: PodTopologySpread\n"
        + "      args: {defaultConstraints: [{maxSkew: 1, topologyKey: zone, whenUnsatisfiable: DoNotSchedule}]}\n"))
        .isInstanceOfSatisfying(InputError.class, e -> {
          assertThat(e.path()).isEqualTo("scheduler.profiles[0].pluginConfig[0].args");
          assertThat(e.problem()).isEqualTo("invalid PodTopologySpreadArgs: defaultingType: Invalid value: \"System\": when "
              + ".defaultConstraints are not empty");
        });
  }

  @Test
  void expectationProblems() {
    assertError("expectations:\n- pending: {at: end}\n", 24, 12, "expectations[0].pending", "needs atMost or atLeast");
    assertError("expectations:\n- aligned: {atLeast: 0.9}\n", 24, 12, "expectations[0].aligned",
        "needs a node pool whose kubelet pins CPUs (cpuManagerPolicy: static)");
    assertError("expectations:\n- pending: {at: end, from: 1m, atMost: 0}\n", 24, 28, "expectations[0].pending.from",
        "from only applies to at: peak");
    assertError("expectations:\n- pending: {atMost: 0}\n  variants: [baseline]\n", 25, 14, "expectations[0].variants[0]",
        "unknown value \"baseline\"; allowed: default");
  }

  @Test
  void everyErrorKeepsTheAllowedList() {
    assertThat(ScenarioDecoder.ACTIONS).contains("apply", "delete", "scale", "rollout", "addNodes", "removeNodes", "taint", "untaint",
        "cordon", "uncordon", "drain", "failNodes", "recoverNodes", "reboot");
    assertError("timeline:\n- at: 1m\n  label: nothing\n", 24, 3, "timeline[0]", "missing the action: one of "
        + String.join(", ", ScenarioDecoder.ACTIONS));
  }
}
