package io.kubesim.scenarios.run;

import io.kubesim.api.Deployment;
import io.kubesim.api.Node;
import io.kubesim.api.Pod;
import io.kubesim.api.PodDisruptionBudget;
import io.kubesim.api.PodTemplateSpec;
import io.kubesim.api.ReplicaSet;
import io.kubesim.api.ReplicationController;
import io.kubesim.api.ResourceNames;
import io.kubesim.api.Service;
import io.kubesim.api.StatefulSet;
import io.kubesim.api.Taint;
import io.kubesim.cluster.Cluster;
import io.kubesim.kubelet.NodeCpuAdmission;
import io.kubesim.metrics.PendingSample;
import io.kubesim.metrics.PinningSummary;
import io.kubesim.metrics.Recorder;
import io.kubesim.metrics.SpreadSample;
import io.kubesim.scenarios.NodePool;
import io.kubesim.scenarios.NodeSelection;
import io.kubesim.scenarios.Scenario;
import io.kubesim.scenarios.TimelineEvent;
import io.kubesim.scheduler.Framework;
import io.kubesim.scheduler.KubeScheduler;
import io.kubesim.scheduler.Registry;
import io.kubesim.scheduler.Scheduler;
import io.kubesim.scheduler.SchedulingQueue;
import io.kubesim.scheduler.TieBreak;
import io.kubesim.scheduler.framework.NodeInfo;
import io.kubesim.scheduler.plugins.podtopologyspread.PodTopologySpread;
import io.kubesim.scheduler.plugins.podtopologyspread.PodTopologySpreadArgs;
import io.kubesim.sim.KubeletAdmitter;
import io.kubesim.sim.Operations;
import io.kubesim.sim.PodPhaseLedger;
import io.kubesim.controllers.SimTime;
import io.kubesim.sim.Simulation;
import io.kubesim.sim.SimulationListener;
import io.kubesim.yaml.InputError;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * Runs one {@link Scenario} (one variant): builds the cluster (nodes from pools, manifests, the
 * snapshot; bound pods stay bound), the scheduler (the profile's plugins with the feature gates,
 * {@code percentageOfNodesToScore}, backoffs, a seeded tie-break), the kubelet CPU admission of
 * pools that pin CPUs, the {@link Simulation} with the scenario's pod timing and the
 * {@link Recorder}; attaches the {@link Engine}; schedules the timeline (labelled, so charts get
 * marks) and a sample at every multiple of {@code sampleInterval} (besides the recorder's samples
 * after every change); runs to {@code duration}; then checks the expectations ({@link Evaluator}).
 *
 * <p>Deterministic: the same scenario and seed give the same result, whatever the progress
 * listener (the run always advances tick by tick).
 */
public final class ScenarioRunner {

  /** Told how far the simulated clock got (for progress bars). */
  @FunctionalInterface
  public interface Progress {
    Progress NONE = ms -> {};

    void reached(long simulatedMs);
  }

  /**
   * Sees a run's simulation once it is built, before anything is created: the explorer and the
   * reports add their own listeners here and read the kubelet's CPU assignments.
   */
  @FunctionalInterface
  public interface Observer {
    Observer NONE = (sim, admitter) -> {};

    void attached(Simulation sim, KubeletAdmitter admitter);
  }

  private final Engine engine;
  private final boolean recordDetails;

  public ScenarioRunner(Engine engine) {
    this(engine, false);
  }

  /**
   * @param recordDetails the scheduler keeps per-node filter statuses and per-plugin scores in
   *     every decision (what the explorer shows; costly on large clusters, so off by default)
   */
  public ScenarioRunner(Engine engine, boolean recordDetails) {
    this.engine = engine;
    this.recordDetails = recordDetails;
  }

  public VariantResult run(Scenario s) {
    return run(s, Progress.NONE);
  }

  public VariantResult run(Scenario s, Progress progress) {
    return run(s, progress, Observer.NONE);
  }

  public VariantResult run(Scenario s, Progress progress, Observer observer) {
    Run r = new Run(s);
    observer.attached(r.sim, r.admitter);
    return r.execute(progress);
  }

  /** The state of one run. */
  private final class Run {
    private final Scenario s;
    private final Cluster cluster = new Cluster();
    private final KubeletAdmitter admitter = new KubeletAdmitter();
    private final Simulation sim;
    private final Recorder recorder;
    private final SampleCollector collector;
    private final Operations ops;

    Run(Scenario s) {
      this.s = s;
      SplittableRandom seeds = new SplittableRandom(s.seed());
      long schedulerSeed = seeds.nextLong();
      long simSeed = seeds.nextLong();
      Framework framework = Registry.framework(s.scheduler().plugins(), s.features());
      Scheduler scheduler = new Scheduler(cluster, framework, s.scheduler().percentageOfNodesToScore(), TieBreak.RANDOM, schedulerSeed, recordDetails);
      SchedulingQueue queue = new SchedulingQueue(framework::plugin, s.scheduler().initialBackoffMs(), s.scheduler().maxBackoffMs());
      sim = new Simulation(cluster, new KubeScheduler(cluster, scheduler, queue), admitter, s.podTiming(), simSeed);
      PodTopologySpread spread = framework.plugin(PodTopologySpread.NAME) instanceof PodTopologySpread p ? p
          : new PodTopologySpread((PodTopologySpreadArgs) s.scheduler().plugins().args().getOrDefault(PodTopologySpread.NAME,
              PodTopologySpreadArgs.SYSTEM), s.features());
      recorder = new Recorder(sim, spread, s.sampleIntervalMs());
      collector = new SampleCollector(recorder);
      sim.addListener(s.sampleOn() == Scenario.SampleOn.changes ? recorder : new EventSampling(recorder));
      sim.addListener(collector);
      ops = engine.attach(sim);
    }

    VariantResult execute(Progress progress) {
      for (Node n : s.nodes()) addNode(n);
      List<Object> objects = new ArrayList<>(s.objects());
      objects.sort(Comparator.comparingInt(Run::rank));
      for (Object o : objects) create(o);
      for (TimelineEvent e : s.timeline()) sim.at(e.atMs(), e.label(), x -> perform(e));
      long interval = s.sampleIntervalMs();
      List<Long> ticks = new ArrayList<>();
      for (long t = 0; t < s.durationMs(); t += interval) ticks.add(t);
      ticks.add(s.durationMs());
      for (long t : ticks) sim.schedule(t, () -> {});
      for (long t : ticks) {
        sim.runUntil(t);
        // The recorder samples on changes; every tick gets a sample too (the state settled at t).
        List<PendingSample> pending = recorder.pendingSamples();
        if (pending.isEmpty() || pending.get(pending.size() - 1).time() < t) {
          recorder.sample(t);
          collector.afterSettle(t);
        }
        progress.reached(t);
      }
      return result();
    }

    private static int rank(Object o) {
      if (o instanceof Service || o instanceof ReplicationController || o instanceof PodDisruptionBudget) return 0;
      if (o instanceof Pod) return 1;
      if (o instanceof ReplicaSet) return 2;
      if (o instanceof StatefulSet) return 3;
      return 4;
    }

    private void addNode(Node n) {
      NodePool pool = s.poolOfNode().get(n.name());
      if (pool != null && pool.pinsCpus()) admitter.put(n.name(), new NodeCpuAdmission(pool.hardware(), pool.kubelet()));
      ops.addNode(n);
    }

    private void create(Object o) {
      if (o instanceof Node n) addNode(n);
      else if (o instanceof Pod p) sim.createPod(p);
      else if (o instanceof Deployment d) ops.applyDeployment(d);
      else if (o instanceof StatefulSet st) ops.applyStatefulSet(st);
      else if (o instanceof ReplicaSet rs) ops.applyReplicaSet(rs);
      else if (o instanceof PodDisruptionBudget pdb) ops.applyPodDisruptionBudget(pdb);
      else if (o instanceof Service svc) cluster.addService(svc);
      else if (o instanceof ReplicationController rc) cluster.addReplicationController(rc);
      else throw new IllegalArgumentException("cannot create " + o);
    }

    private void perform(TimelineEvent e) {
      try {
        act(e.action());
      } catch (IllegalArgumentException x) {
        throw new InputError(e.mark(), "", "at " + SimTime.human(e.atMs()) + ", " + e.label() + ": " + x.getMessage());
      }
    }

    private List<String> nodes(NodeSelection sel) {
      List<Node> all = new ArrayList<>();
      for (NodeInfo n : cluster.nodeInfos()) all.add(n.node());
      return sel.resolve(all);
    }

    private void act(TimelineEvent.Action a) {
      if (a instanceof TimelineEvent.Apply ap) {
        for (Object o : ap.objects()) create(o);
      } else if (a instanceof TimelineEvent.Delete d) {
        for (var ref : d.objects()) ops.delete(ref.kind(), ref.namespace(), ref.name());
      } else if (a instanceof TimelineEvent.Scale sc) {
        ops.scale(sc.workload().kind(), sc.workload().namespace(), sc.workload().name(), sc.replicas());
      } else if (a instanceof TimelineEvent.Rollout r) {
        var ref = r.workload();
        PodTemplateSpec current;
        if (ref.kind().equals("Deployment")) {
          Deployment d = cluster.deployment(ref.namespace(), ref.name());
          if (d == null) throw new IllegalArgumentException(ref + " does not exist");
          current = d.spec().template();
        } else {
          StatefulSet st = cluster.statefulSet(ref.namespace(), ref.name());
          if (st == null) throw new IllegalArgumentException(ref + " does not exist");
          current = st.spec().template();
        }
        ops.rollout(ref.kind(), ref.namespace(), ref.name(), r.apply(current, SimTime.format(sim.now())));
      } else if (a instanceof TimelineEvent.AddNodes an) {
        for (Node n : an.nodes()) addNode(n);
      } else if (a instanceof TimelineEvent.TaintNodes t) {
        Taint taint = new Taint(t.taint().key(), t.taint().value(), t.taint().effect(), SimTime.format(sim.now()));
        ops.taint(nodes(t.selection()), taint);
      } else if (a instanceof TimelineEvent.Untaint u) {
        ops.untaint(nodes(u.selection()), u.key(), u.effect());
      } else if (a instanceof TimelineEvent.Reboot rb) {
        ops.reboot(groups(nodes(rb.selection()), rb.by()), rb.taint(), rb.drain(), rb.downMs());
      } else if (a instanceof TimelineEvent.NodeOp op) {
        List<String> names = nodes(op.selection());
        switch (op.verb()) {
          case "removeNodes" -> {
            ops.removeNodes(names);
            for (String n : names) admitter.remove(n);
          }
          case "cordon" -> ops.cordon(names);
          case "uncordon" -> ops.uncordon(names);
          case "drain" -> ops.drain(names);
          case "failNodes" -> ops.failNodes(names);
          case "recoverNodes" -> ops.recoverNodes(names);
          default -> throw new IllegalStateException(op.verb());
        }
      }
    }

    /** One node per group, or one zone per group (zones in name order). */
    private List<List<String>> groups(List<String> names, String by) {
      if (by.equals("node")) return names.stream().map(List::of).toList();
      Map<String, List<String>> byZone = new TreeMap<>();
      for (String n : names) {
        String zone = cluster.node(n).labels().getOrDefault(ResourceNames.LABEL_ZONE, "");
        byZone.computeIfAbsent(zone, z -> new ArrayList<>()).add(n);
      }
      return List.copyOf(byZone.values());
    }

    private VariantResult result() {
      Recorder.Wait longest = recorder.longestWait(s.durationMs());
      int running = sim.ledger().counts().get(PodPhaseLedger.State.RUNNING);
      PinningSummary pinning = admitter.nodes().isEmpty() ? null : PinningSummary.of(admitter, recorder.admissionFailures());
      VariantResult r = new VariantResult(s, List.copyOf(collector.samples), List.copyOf(recorder.marks()), cluster.nodeInfos().size(),
          cluster.pods().size(), running, longest == null ? 0 : longest.ms(), longest == null ? null : longest.pod(),
          recorder.pendingSamples().get(recorder.pendingSamples().size() - 1).reasons(), Map.copyOf(recorder.admissionFailures()), recorder.decisions(),
          recorder.unschedulableAttempts(), pinning, List.of());
      return r.withExpectations(Evaluator.check(s, r));
    }
  }

  /**
   * The recorder's bookkeeping (waits, marks) without its sampling on every change: a sample only
   * after an instant with a timeline event (ticks are sampled by the run).
   */
  private static final class EventSampling implements SimulationListener {
    private final Recorder recorder;
    private boolean event;

    EventSampling(Recorder recorder) {
      this.recorder = recorder;
    }

    @Override
    public void onDecision(long now, io.kubesim.scheduler.SchedulingDecision decision) {
      recorder.onDecision(now, decision);
    }

    @Override
    public void onPodChange(long now, Pod before, Pod after) {
      recorder.onPodChange(now, before, after);
    }

    @Override
    public void onTimelineEvent(long now, String label) {
      recorder.onTimelineEvent(now, label);
      event = true;
    }

    @Override
    public void afterSettle(long now) {
      if (!event) return;
      event = false;
      recorder.sample(now);
    }
  }

  /**
   * Cuts the recorder's flat sample lists into {@link Sample}s: runs after the recorder on every
   * settle and takes what the recorder added.
   */
  private static final class SampleCollector implements SimulationListener {
    private final Recorder recorder;
    private final List<Sample> samples = new ArrayList<>();
    private int spreadSeen;
    private int pendingSeen;
    private int marksSeen;

    SampleCollector(Recorder recorder) {
      this.recorder = recorder;
    }

    @Override
    public void afterSettle(long now) {
      List<PendingSample> pending = recorder.pendingSamples();
      if (pending.size() == pendingSeen) return;
      List<SpreadSample> spread = recorder.spreadSamples();
      List<String> events = new ArrayList<>();
      List<Recorder.TimelineMark> marks = recorder.marks();
      for (; marksSeen < marks.size(); marksSeen++) events.add(marks.get(marksSeen).label());
      samples.add(new Sample(pending.get(pending.size() - 1).time(), List.copyOf(spread.subList(spreadSeen, spread.size())),
          pending.get(pending.size() - 1), events));
      spreadSeen = spread.size();
      pendingSeen = pending.size();
    }
  }
}
