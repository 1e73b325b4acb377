package io.kubesim.sim;

import io.kubesim.api.Node;
import io.kubesim.api.ObjectMeta;
import io.kubesim.api.Pod;
import io.kubesim.api.PodCondition;
import io.kubesim.api.PodStatus;
import io.kubesim.cluster.Cluster;
import io.kubesim.controllers.SimTime;
import io.kubesim.controllers.nodelifecycle.DefaultTolerationSeconds;
import io.kubesim.scheduler.KubeScheduler;
import io.kubesim.scheduler.SchedulingDecision;
import io.kubesim.scheduler.framework.ClusterEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * The replay engine. Timed events run in time order (ties in the order they were scheduled);
 * after each instant's events, controllers and the scheduler run until nothing changes, then
 * listeners sample the settled state.
 *
 * <p>The methods under "API" are what controllers, the timeline and the kubelet model use to change
 * the cluster; they keep the scheduler's queue, the pod lifecycle and the listeners in step.
 */
public final class Simulation {
  private static final int MAX_SETTLE_ROUNDS = 10_000;
  /** How long after binding a kubelet rejects a pod it cannot admit. */
  public static final long KUBELET_SYNC_DELAY_MS = 1_000;

  private record Timed(long at, long seq, String label, Runnable action) {}

  private final Cluster cluster;
  private final KubeScheduler scheduler;
  private final PodAdmitter admitter;
  private final PodTiming timing;
  private final SplittableRandom random;
  private final List<Controller> controllers = new ArrayList<>();
  private final List<SimulationListener> listeners = new ArrayList<>();
  private final PriorityQueue<Timed> events =
      new PriorityQueue<>((a, b) -> a.at != b.at ? Long.compare(a.at, b.at) : Long.compare(a.seq, b.seq));
  private final PodPhaseLedger ledger = new PodPhaseLedger();
  private long now;
  private long seq;
  private long uids;
  private long nextBackoffFlush = -1;
  private long nextLeftoverFlush = -1;
  private java.util.function.Predicate<Pod> kubeletUp = p -> true;
  /** Bound pods whose start the kubelet gate held back (uids). */
  private final java.util.Set<String> notStarted = new java.util.HashSet<>();

  public Simulation(Cluster cluster, KubeScheduler scheduler, PodAdmitter admitter, PodTiming timing, long seed) {
    this.cluster = cluster;
    this.scheduler = scheduler;
    this.admitter = admitter;
    this.timing = timing;
    this.random = new SplittableRandom(seed);
  }

  public Cluster cluster() {
    return cluster;
  }

  public KubeScheduler scheduler() {
    return scheduler;
  }

  public long now() {
    return now;
  }

  public PodPhaseLedger ledger() {
    return ledger;
  }

  /** A seeded source for controllers (pod name suffixes and the like). */
  public SplittableRandom random() {
    return random;
  }

  public void addController(Controller c) {
    controllers.add(c);
  }

  public void addListener(SimulationListener l) {
    listeners.add(l);
  }

  /**
   * Whether the kubelet of a pod's node is up. A pod whose kubelet is down does not start, become
   * ready or finish terminating: it stays as it is until the node comes back
   * ({@link #startPod}, {@link #finishTermination}).
   */
  public void setKubeletGate(java.util.function.Predicate<Pod> up) {
    this.kubeletUp = up;
  }

  // ---- time

  /** Runs {@code action} at {@code at} (not before now). */
  public void schedule(long at, Runnable action) {
    events.add(new Timed(Math.max(at, now), seq++, null, action));
  }

  /** A labelled timeline event, reported to listeners when it runs. */
  public void at(long at, String label, Consumer<Simulation> action) {
    events.add(new Timed(Math.max(at, now), seq++, label, () -> action.accept(this)));
  }

  /** Runs every event up to and including {@code until}, settling after each instant. */
  public void runUntil(long until) {
    settle();
    while (!events.isEmpty() && events.peek().at <= until) {
      now = events.peek().at;
      while (!events.isEmpty() && events.peek().at == now) {
        Timed t = events.poll();
        if (t.label != null) listeners.forEach(l -> l.onTimelineEvent(now, t.label));
        t.action.run();
      }
      settle();
    }
    now = Math.max(now, until);
  }

  /** Controllers until quiet, then the scheduler, and again while either changes anything. */
  private void settle() {
    for (int round = 0; ; round++) {
      if (round > MAX_SETTLE_ROUNDS) throw new IllegalStateException("the cluster does not settle at " + SimTime.human(now));
      boolean changed = false;
      for (Controller c : controllers) changed |= c.sync(this);
      List<SchedulingDecision> decisions = scheduler.scheduleAll(now);
      for (SchedulingDecision d : decisions) {
        listeners.forEach(l -> l.onDecision(now, d));
        if (d.isScheduled()) onBound(cluster.pod(d.pod().key()));
      }
      if (!changed && decisions.isEmpty()) break;
    }
    planQueueFlushes();
    listeners.forEach(l -> l.afterSettle(now));
  }

  /** Upstream flushes backoffQ every second and parked pods every 30 s; only while there are any. */
  private void planQueueFlushes() {
    var queue = scheduler.queue();
    if (queue.backoffCount() > 0 && nextBackoffFlush <= now) {
      nextBackoffFlush = SimTime.truncate(now) + 1_000;
      schedule(nextBackoffFlush, () -> scheduler.queue().flushBackoffCompleted(now));
    }
    if (queue.pending().size() > queue.activeCount() + queue.backoffCount() && nextLeftoverFlush <= now) {
      nextLeftoverFlush = Math.floorDiv(now, 30_000) * 30_000 + 30_000;
      schedule(nextLeftoverFlush, () -> scheduler.queue().flushUnschedulableLeftover(now));
    }
  }

  // ---- API: pods

  /** Creates a pod: gives it a uid and creation time, then queues it (or starts it when bound). */
  public Pod createPod(Pod pod) {
    ObjectMeta m = pod.metadata();
    String uid = m.uid().isEmpty() ? "uid-" + (++uids) : m.uid();
    String created = m.creationTimestamp() == null ? SimTime.format(now) : m.creationTimestamp();
    // The DefaultTolerationSeconds admission plugin runs on every pod the API server creates.
    Pod p = DefaultTolerationSeconds.admit(pod.withMetadata(new ObjectMeta(m.name(), m.namespace().isEmpty() ? "default" : m.namespace(), uid,
        m.labels(), m.annotations(), m.ownerReferences(), created, m.deletionTimestamp())));
    cluster.addPod(p);
    notifyPod(null, p);
    if (p.status().isTerminal()) {
      ledger.set(uid, PodPhaseLedger.State.FAILED);
    } else if (p.isBound()) {
      onBound(p);
    } else {
      ledger.set(uid, PodPhaseLedger.State.PENDING);
      scheduler.submit(p, now);
    }
    return p;
  }

  /** Replaces a pod object (labels, status...) and tells the scheduler. */
  public void updatePod(Pod pod) {
    Pod before = cluster.pod(pod.key());
    cluster.updatePod(pod);
    notifyPod(before, pod);
    if (pod.isBound()) {
      scheduler.onEvent(ClusterEvent.assignedPodUpdated(before, pod), now);
    } else {
      scheduler.queue().update(pod, now);
    }
  }

  private Pod modifyPod(String key, UnaryOperator<Pod> change) {
    Pod before = cluster.pod(key);
    if (before == null) return null;
    Pod after = change.apply(before);
    cluster.updatePod(after);
    notifyPod(before, after);
    return after;
  }

  /** The kubelet admits a freshly bound pod, then starts it; a rejected pod fails for good. */
  private void onBound(Pod pod) {
    Node node = cluster.node(pod.spec().nodeName());
    PodAdmitter.Result r = node == null ? new PodAdmitter.Result("NodeNotFound", "node " + pod.spec().nodeName() + " is gone") : admitter.admit(pod, node);
    if (!r.admitted()) {
      // The kubelet notices a new pod about a second after binding; until then the pod holds its
      // requests on the node. Without this delay a rejected pod's replacement would be created,
      // bound and rejected again within one instant, forever.
      ledger.set(pod.metadata().uid(), PodPhaseLedger.State.BOUND);
      schedule(now + KUBELET_SYNC_DELAY_MS, () -> {
        Pod current = cluster.pod(pod.key());
        if (current == null || !current.metadata().uid().equals(pod.metadata().uid())) return;
        modifyPod(pod.key(), p -> p.withStatus(new PodStatus("Failed", null, List.of(), r.reason(), r.message())));
        ledger.set(pod.metadata().uid(), PodPhaseLedger.State.FAILED);
        scheduler.onEvent(ClusterEvent.assignedPodDeleted(pod), now);
      });
      return;
    }
    ledger.set(pod.metadata().uid(), PodPhaseLedger.State.BOUND);
    start(pod);
  }

  /** Runs the pod after its start-up time and makes it ready after its readiness time, while its kubelet is up. */
  private void start(Pod pod) {
    String uid = pod.metadata().uid();
    long started = now + timing.startup(random);
    long ready = started + timing.readiness(random);
    schedule(started, () -> ifSamePod(pod.key(), uid, p -> {
      if (!kubeletUp.test(p)) {
        notStarted.add(uid); // bound to a node whose kubelet is down: stays Pending
        return;
      }
      modifyPod(p.key(), x -> x.withStatus(new PodStatus("Running", null, x.status().conditions(), null, null)));
      ledger.set(uid, PodPhaseLedger.State.RUNNING);
    }));
    schedule(ready, () -> ifSamePod(pod.key(), uid, p -> {
      if (kubeletUp.test(p) && ledger.state(uid) == PodPhaseLedger.State.RUNNING) setReady(p.key(), true);
    }));
  }

  /**
   * A bound pod whose kubelet was down when it should have started starts now (its node came
   * back), with the usual start-up and readiness times. Returns whether there was such a pod.
   */
  public boolean startPod(String key) {
    Pod p = cluster.pod(key);
    if (p == null || !notStarted.remove(p.metadata().uid()) || p.isTerminating() || p.status().isTerminal()) return false;
    start(p);
    return true;
  }

  /** Sets the pod's Ready condition (lastTransitionTime only moves on a change). */
  public void setReady(String key, boolean ready) {
    modifyPod(key, p -> {
      if (p.status().isReady() == ready || p.isTerminating()) return p;
      List<PodCondition> conditions = new ArrayList<>();
      for (PodCondition c : p.status().conditions()) {
        if (!c.type().equals("Ready")) conditions.add(c);
      }
      conditions.add(new PodCondition("Ready", ready ? "True" : "False", SimTime.format(now), null));
      return p.withStatus(new PodStatus(p.status().phase(), null, conditions, null, null));
    });
  }

  private void ifSamePod(String key, String uid, Consumer<Pod> action) {
    Pod p = cluster.pod(key);
    if (p != null && p.metadata().uid().equals(uid) && !p.isTerminating() && !p.status().isTerminal()) action.accept(p);
  }

  /**
   * Graceful deletion: the pod is terminating at once (controllers and spread counting stop seeing
   * it) and is removed after its termination time. Unbound or finished pods go at once.
   */
  public void deletePod(String key) {
    Pod pod = cluster.pod(key);
    if (pod == null || pod.isTerminating()) return;
    if (!pod.isBound() || pod.status().isTerminal()) {
      removePod(pod);
      return;
    }
    modifyPod(key, p -> p.withMetadata(p.metadata().withDeletionTimestamp(SimTime.format(now))));
    ledger.set(pod.metadata().uid(), PodPhaseLedger.State.TERMINATING);
    String uid = pod.metadata().uid();
    schedule(now + timing.terminationMs(), () -> {
      Pod p = cluster.pod(key);
      if (p != null && p.metadata().uid().equals(uid) && kubeletUp.test(p)) removePod(p);
    });
  }

  /** A terminating pod held back by the termination gate finishes now. */
  public void finishTermination(String key) {
    Pod p = cluster.pod(key);
    if (p != null && p.isTerminating()) removePod(p);
  }

  private void removePod(Pod pod) {
    notStarted.remove(pod.metadata().uid());
    cluster.deletePod(pod.key());
    scheduler.queue().delete(pod.key());
    if (pod.isBound() && !pod.status().isTerminal()) {
      admitter.release(pod);
      scheduler.onEvent(ClusterEvent.assignedPodDeleted(pod), now);
    }
    if (ledger.state(pod.metadata().uid()) != PodPhaseLedger.State.FAILED) ledger.set(pod.metadata().uid(), PodPhaseLedger.State.DELETED);
    notifyPod(pod, null);
  }

  private void notifyPod(Pod before, Pod after) {
    for (SimulationListener l : listeners) l.onPodChange(now, before, after);
  }

  // ---- API: nodes

  public void addNode(Node node) {
    cluster.addNode(node);
    scheduler.onEvent(ClusterEvent.nodeAdded(node), now);
  }

  public void updateNode(Node node) {
    Node before = cluster.node(node.name());
    cluster.updateNode(node);
    scheduler.onEvent(ClusterEvent.nodeUpdated(before, node), now);
  }

  /** Removes a node; its pods are deleted at once (upstream's pod garbage collector). */
  public void removeNode(String name) {
    Node node = cluster.node(name);
    for (Pod p : List.copyOf(cluster.get(name).pods().stream().map(pi -> pi.pod()).toList())) removePod(cluster.pod(p.key()));
    cluster.removeNode(name);
    scheduler.onEvent(ClusterEvent.nodeDeleted(node), now);
  }
}
