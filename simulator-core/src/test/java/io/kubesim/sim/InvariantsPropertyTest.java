package io.kubesim.sim;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubesim.api.Container;
import io.kubesim.api.Deployment;
import io.kubesim.api.LabelSelector;
import io.kubesim.api.Node;
import io.kubesim.api.NodeStatus;
import io.kubesim.api.ObjectMeta;
import io.kubesim.api.Pod;
import io.kubesim.api.PodSpec;
import io.kubesim.api.PodTemplateSpec;
import io.kubesim.api.Quantity;
import io.kubesim.api.ResourceRequirements;
import io.kubesim.api.Taint;
import io.kubesim.api.TaintEffect;
import io.kubesim.api.TopologySpreadConstraint;
import io.kubesim.cluster.Cluster;
import io.kubesim.kubelet.KubeletConfiguration;
import io.kubesim.kubelet.NodeCpuAdmission;
import io.kubesim.kubelet.cm.cpuset.CpuSet;
import io.kubesim.kubelet.cm.topology.CpuTopologies;
import io.kubesim.kubelet.cm.topology.CpuTopology;
import io.kubesim.scheduler.KubeScheduler;
import io.kubesim.scheduler.Registry;
import io.kubesim.scheduler.Scheduler;
import io.kubesim.scheduler.SchedulingDecision;
import io.kubesim.scheduler.SchedulingQueue;
import io.kubesim.scheduler.TieBreak;
import io.kubesim.scheduler.framework.Features;
import io.kubesim.scheduler.plugins.podtopologyspread.ConstraintSkew;
import io.kubesim.scheduler.plugins.podtopologyspread.PodTopologySpread;
import io.kubesim.scheduler.plugins.podtopologyspread.PodTopologySpreadArgs;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Property-based invariants over random small clusters (some nodes pinning CPUs), random spread
 * Deployments and random timelines (scale, rollout, cordon/uncordon, drain, taint/untaint,
 * failNodes/recoverNodes). After every step: no node over-committed; exclusive CPUs owned once
 * and never reserved; every pod ever created has exactly one ledger state, consistent with the
 * cluster; every placement of a pod with DoNotSchedule constraints kept skew within maxSkew at that
 * moment; and the same seed replays the same placements.
 *
 * <p>The base seed is random unless {@code -Dkubesim.seed=N}; {@code -Dkubesim.runs=N} sets the
 * number of runs (default 40, seeds N, N+1, ...). Every failure names the run's seed.
 */
class InvariantsPropertyTest {
  static final String ZONE = "topology.kubernetes.io/zone";
  static final String HOST = "kubernetes.io/hostname";
  static final CpuTopology[] TOPOLOGIES = {CpuTopologies.K8S_SINGLE_SOCKET_HT, CpuTopologies.K8S_DUAL_SOCKET_HT,
      CpuTopologies.K8S_DUAL_SOCKET_NO_HT, CpuTopologies.RYZEN_1S_16C};
  static final String[] TM = {"none", "best-effort", "restricted", "single-numa-node"};

  static long baseSeed() {
    return io.kubesim.PropertySeed.base();
  }

  @Test
  void invariantsHoldAfterEveryStepAndReplaysAreDeterministic() {
    long base = baseSeed();
    int runs = Integer.getInteger("kubesim.runs", 40);
    for (int i = 0; i < runs; i++) {
      long seed = base + i;
      String tag = "seed " + seed + " (replay: -Dkubesim.seed=" + seed + " -Dkubesim.runs=1)";
      List<String> first = new Run(seed, tag).play();
      List<String> second = new Run(seed, tag).play();
      assertThat(second).as(tag + ": same seed, same placements").isEqualTo(first);
    }
    System.out.println("InvariantsPropertyTest: base seed " + base + ", " + runs + " runs (each twice), " + STATS);
    if (runs >= 20) {
      assertThat(STATS.get("hardSkewChecks")).as("base seed " + base + ": placements under DoNotSchedule checked").isPositive();
      assertThat(STATS.get("exclusiveCpuSets")).as("base seed " + base + ": exclusive CPU sets checked").isPositive();
    }
  }

  static final Map<String, Long> STATS = new java.util.TreeMap<>(Map.of("placements", 0L, "hardSkewChecks", 0L, "exclusiveCpuSets", 0L, "steps", 0L));

  /** One random cluster, workload set and timeline, with its checks. */
  static final class Run implements SimulationListener {
    final long seed;
    final String tag;
    final Random r;
    final Cluster cluster = new Cluster();
    final KubeletAdmitter kubelets = new KubeletAdmitter();
    final List<String> nodes = new ArrayList<>();
    final Set<String> createdUids = new LinkedHashSet<>();
    final Set<String> decided = new HashSet<>();
    final Set<String> failedUids = new HashSet<>();
    final List<String> placements = new ArrayList<>();
    final List<String> deployments = new ArrayList<>();
    final Map<String, Deployment> specs = new HashMap<>();
    Simulation sim;
    long now;
    String step = "start";

    Run(long seed, String tag) {
      this.seed = seed;
      this.tag = tag;
      this.r = new Random(seed);
    }

    List<String> play() {
      int zones = 1 + r.nextInt(3);
      int count = 2 + r.nextInt(6);
      for (int i = 0; i < count; i++) {
        String name = "n" + i;
        String zone = "zone-" + (char) ('a' + i % zones);
        long cpuMilli;
        if (r.nextInt(3) == 0) {
          CpuTopology topo = TOPOLOGIES[r.nextInt(TOPOLOGIES.length)];
          kubelets.put(name, new NodeCpuAdmission(topo, KubeletConfiguration.DEFAULT.withCpuManagerPolicy("static")
              .withReservedSystemCPUs("0").withTopologyManagerPolicy(TM[r.nextInt(TM.length)])));
          cpuMilli = (topo.numCpus() - 1) * 1000L;
        } else {
          cpuMilli = (2 + r.nextInt(7)) * 1000L;
        }
        Map<String, Quantity> alloc = Map.of("cpu", Quantity.ofMilli(cpuMilli), "memory", Quantity.parse((4 + r.nextInt(13)) + "Gi"),
            "pods", Quantity.of(5 + r.nextInt(20)));
        cluster.addNode(new Node(new ObjectMeta(name, "", null, Map.of(ZONE, zone, HOST, name), null, null, null, null), null,
            new NodeStatus(alloc, alloc)));
        nodes.add(name);
      }
      var framework = Registry.framework(Registry.defaultPlugins(), Features.DEFAULTS);
      var scheduler = new KubeScheduler(cluster, new Scheduler(cluster, framework, 0, TieBreak.RANDOM, seed, false),
          new SchedulingQueue(framework::plugin));
      sim = new Simulation(cluster, scheduler, kubelets, PodTiming.DEFAULT, seed);
      ClusterOperations ops = new ClusterOperations(sim);
      sim.addListener(this);
      int workloads = 1 + r.nextInt(3);
      for (int i = 0; i < workloads; i++) {
        Deployment d = deployment("d" + i, 1 + r.nextInt(8), "v1");
        deployments.add("d" + i);
        specs.put("d" + i, d);
        ops.applyDeployment(d);
      }
      Set<String> failed = new TreeSet<>();
      int steps = 8 + r.nextInt(10);
      for (int s = 0; s < steps; s++) {
        now += 5_000 + r.nextInt(60_000);
        sim.runUntil(now);
        check();
        String node = nodes.get(r.nextInt(nodes.size()));
        String d = deployments.get(r.nextInt(deployments.size()));
        switch (r.nextInt(10)) {
          case 0, 1 -> { int n = r.nextInt(10); step = "scale " + d + " " + n; ops.scale("Deployment", "default", d, n); }
          case 2 -> {
            step = "rollout " + d;
            ops.rollout("Deployment", "default", d, deployment(d, 1, "v" + s).spec().template());
          }
          case 3 -> { step = "cordon " + node; ops.cordon(List.of(node)); }
          case 4 -> { step = "uncordon " + node; ops.uncordon(List.of(node)); }
          case 5 -> { step = "drain " + node; ops.drain(List.of(node)); }
          case 6 -> { step = "taint " + node; ops.taint(List.of(node), new Taint("k", "v", TaintEffect.NoSchedule)); }
          case 7 -> { step = "untaint " + node; ops.untaint(List.of(node), "k", TaintEffect.NoSchedule); }
          case 8 -> {
            if (failed.size() + 1 < nodes.size() && failed.add(node)) { step = "failNodes " + node; ops.failNodes(List.of(node)); }
          }
          default -> {
            if (!failed.isEmpty()) {
              String back = failed.iterator().next();
              failed.remove(back);
              step = "recoverNodes " + back;
              ops.recoverNodes(List.of(back));
            }
          }
        }
      }
      now += 600_000;
      sim.runUntil(now);
      check();
      return placements;
    }

    Deployment deployment(String name, int replicas, String version) {
      Deployment existing = specs.get(name);
      Map<String, String> labels = Map.of("app", name);
      List<TopologySpreadConstraint> spread;
      Container c;
      if (existing != null) {
        spread = existing.spec().template().spec().topologySpreadConstraints();
        Container old = existing.spec().template().spec().containers().get(0);
        c = new Container(old.name(), name + ":" + version, old.resources(), null, null);
      } else {
        spread = new ArrayList<>();
        int n = r.nextInt(3);
        for (int k = 0; k < n; k++) {
          spread.add(new TopologySpreadConstraint(1 + r.nextInt(2), k == 0 ? ZONE : HOST,
              r.nextBoolean() ? "DoNotSchedule" : "ScheduleAnyway", LabelSelector.matchLabels(labels), null, null, null, null));
        }
        ResourceRequirements res;
        if (!kubelets.nodes().isEmpty() && r.nextInt(3) == 0) {
          Map<String, Quantity> g = Map.of("cpu", Quantity.of(1 + r.nextInt(3)), "memory", Quantity.parse("256Mi"));
          res = new ResourceRequirements(g, g); // Guaranteed with integer CPUs: pinned on static nodes
        } else {
          res = new ResourceRequirements(Map.of("cpu", Quantity.ofMilli(100 + 100L * r.nextInt(10)),
              "memory", Quantity.parse((128 << r.nextInt(4)) + "Mi")), null);
        }
        c = new Container("main", name + ":" + version, res, null, null);
      }
      var spec = new PodSpec(null, null, null, null, spread, null, List.of(c), null, null, null, null, null);
      var template = new PodTemplateSpec(new ObjectMeta(null, null, null, labels, null, null, null, null), spec);
      return new Deployment(ObjectMeta.named("default", name),
          new Deployment.Spec(replicas, LabelSelector.matchLabels(labels), template, null, 0, null, false, null));
    }

    String where() {
      return tag + ", after '" + step + "' at " + sim.now() + " ms";
    }

    // ---------------------------------------------------------------- checks

    @Override
    public void onPodChange(long t, Pod before, Pod after) {
      if (before == null && after != null) createdUids.add(after.metadata().uid());
      if (after != null && after.status().isTerminal()) failedUids.add(after.metadata().uid());
    }

    @Override
    public void onDecision(long t, SchedulingDecision d) {
      if (!d.isScheduled()) return;
      Pod pod = d.pod();
      String uid = pod.metadata().uid();
      placements.add(t + " " + pod.metadata().name() + " -> " + d.node());
      STATS.merge("placements", 1L, Long::sum);
      // The cluster already holds every bind of this scheduling batch: undo this pod's and the later ones'.
      List<Pod> later = new ArrayList<>();
      for (Pod p : cluster.pods()) {
        if (p.isBound() && !decided.contains(p.metadata().uid())) later.add(p);
      }
      decided.add(uid);
      Node target = cluster.node(d.node());
      for (ConstraintSkew cs : PodTopologySpread.skews(PodTopologySpreadArgs.SYSTEM, Features.DEFAULTS, pod, cluster)) {
        if (!"DoNotSchedule".equals(cs.whenUnsatisfiable())) continue;
        STATS.merge("hardSkewChecks", 1L, Long::sum);
        var c = cs.constraint();
        Map<String, Integer> counts = new HashMap<>(cs.matchNum());
        for (Pod p : later) {
          if (!p.metadata().namespace().equals(pod.metadata().namespace()) || !c.selector().matches(p.metadata().labels())) continue;
          String v = cluster.node(p.spec().nodeName()).labels().get(c.topologyKey());
          if (v != null && counts.containsKey(v)) counts.merge(v, -1, Integer::sum);
        }
        String domain = target.labels().get(c.topologyKey());
        assertThat(domain).as(where() + ": " + pod.metadata().name() + " placed on " + d.node() + " without " + c.topologyKey()).isNotNull();
        int min = counts.size() < Math.max(1, c.minDomains()) ? 0 : counts.values().stream().mapToInt(Integer::intValue).min().orElse(0);
        int self = c.selector().matches(pod.metadata().labels()) ? 1 : 0;
        int skew = counts.getOrDefault(domain, 0) + self - min;
        assertThat(skew).as(where() + ": " + pod.metadata().name() + " placed on " + d.node() + " (" + c.topologyKey() + "=" + domain
            + ", counts before " + counts + ") breaks maxSkew " + c.maxSkew()).isLessThanOrEqualTo(c.maxSkew());
      }
    }

    void check() {
      STATS.merge("steps", 1L, Long::sum);
      // Resources.
      for (String name : nodes) {
        Node node = cluster.node(name);
        if (node == null) continue;
        long cpu = 0, mem = 0, pods = 0;
        for (Pod p : cluster.pods()) {
          if (!p.isBound() || !p.spec().nodeName().equals(node.metadata().name()) || p.status().isTerminal()) continue;
          pods++;
          for (Container c : p.spec().containers()) {
            Map<String, Quantity> req = c.resources().requests();
            if (req == null) continue;
            if (req.containsKey("cpu")) cpu += req.get("cpu").milliValue();
            if (req.containsKey("memory")) mem += req.get("memory").value();
          }
        }
        Map<String, Quantity> a = node.status().allocatable();
        assertThat(cpu).as(where() + ": cpu requested on " + node.metadata().name()).isLessThanOrEqualTo(a.get("cpu").milliValue());
        assertThat(mem).as(where() + ": memory requested on " + node.metadata().name()).isLessThanOrEqualTo(a.get("memory").value());
        assertThat(pods).as(where() + ": pods on " + node.metadata().name()).isLessThanOrEqualTo(a.get("pods").value());
      }
      // Exclusive CPUs.
      for (var e : kubelets.nodes().entrySet()) {
        NodeCpuAdmission k = e.getValue();
        CpuSet taken = CpuSet.EMPTY;
        for (String podUid : k.admittedPods()) {
          for (var c : k.exclusiveCpus(podUid).entrySet()) {
            assertThat(c.getValue().intersects(taken)).as(where() + ": " + e.getKey() + " gives CPUs " + c.getValue()
                + " of " + podUid + "/" + c.getKey() + " to two containers").isFalse();
            assertThat(c.getValue().intersects(k.reservedCpus())).as(where() + ": " + e.getKey() + " gives reserved CPUs "
                + k.reservedCpus() + " exclusively to " + podUid + "/" + c.getKey()).isFalse();
            taken = taken.union(c.getValue());
            STATS.merge("exclusiveCpuSets", 1L, Long::sum);
          }
        }
      }
      // Every pod ever created: exactly one state, consistent with the cluster.
      Map<String, PodPhaseLedger.State> ledger = sim.ledger().all();
      assertThat(ledger.keySet()).as(where() + ": ledger vs pods created").containsExactlyInAnyOrderElementsOf(createdUids);
      Map<String, Pod> live = new HashMap<>();
      for (Pod p : cluster.pods()) live.put(p.metadata().uid(), p);
      for (String uid : createdUids) {
        PodPhaseLedger.State s = ledger.get(uid);
        Pod p = live.get(uid);
        String what = where() + ": pod " + uid + (p == null ? " (gone)" : " " + p.metadata().name()) + " in ledger state " + s;
        // A failed pod stays FAILED in the ledger once removed (the ledger keeps failures countable).
        if (p == null) assertThat(s).as(what).isEqualTo(failedUids.contains(uid) ? PodPhaseLedger.State.FAILED : PodPhaseLedger.State.DELETED);
        else if (p.status().isTerminal()) assertThat(s).as(what).isEqualTo(PodPhaseLedger.State.FAILED);
        else if (p.isTerminating()) assertThat(s).as(what).isEqualTo(PodPhaseLedger.State.TERMINATING);
        else if (!p.isBound()) assertThat(s).as(what).isEqualTo(PodPhaseLedger.State.PENDING);
        else assertThat(s).as(what).isIn(PodPhaseLedger.State.BOUND, PodPhaseLedger.State.RUNNING);
      }
    }
  }
}
