package io.kubesim.scheduler;

import io.kubesim.api.Pod;
import io.kubesim.cluster.Cluster;
import io.kubesim.scheduler.framework.ClusterEvent;
import java.util.ArrayList;
import java.util.List;

/**
 * The scheduler as a cluster component: its queue, one cycle per pod, and binding into the
 * {@link Cluster} (upstream's assume + bind, immediate here). Cluster changes made by others are
 * reported through {@link #onEvent} so parked pods are retried when a hint says the change may
 * help. Times are simulated milliseconds.
 */
public final class KubeScheduler {
  private final Cluster cluster;
  private final Scheduler scheduler;
  private final SchedulingQueue queue;

  public KubeScheduler(Cluster cluster, Scheduler scheduler, SchedulingQueue queue) {
    this.cluster = cluster;
    this.scheduler = scheduler;
    this.queue = queue;
  }

  /**
   * The scheduler of the v1.35 default profile over {@code cluster}: adaptive
   * {@code percentageOfNodesToScore}, ties broken by {@code seed}, and every decision carrying
   * per-node filter statuses and per-plugin scores.
   */
  public static KubeScheduler withDefaultProfile(Cluster cluster, long seed) {
    Framework framework = Registry.framework(Registry.defaultPlugins(), io.kubesim.scheduler.framework.Features.DEFAULTS);
    return new KubeScheduler(cluster, new Scheduler(cluster, framework, 0, TieBreak.RANDOM, seed, true), new SchedulingQueue(framework::plugin));
  }

  public SchedulingQueue queue() {
    return queue;
  }

  public Scheduler scheduler() {
    return scheduler;
  }

  /** Queues an unbound pod that is already in the cluster. */
  public void submit(Pod pod, long now) {
    if (pod.isBound()) throw new IllegalArgumentException("pod " + pod.key() + " is already bound to " + pod.spec().nodeName());
    queue.add(pod, now);
  }

  /**
   * Pops the next pod and runs one cycle; a feasible pod is bound in the cluster, an unfeasible
   * one goes back to the queue with its reasons. Returns null when nothing is schedulable now.
   */
  public SchedulingDecision scheduleOne(long now) {
    QueuedPodInfo q = queue.pop(now);
    while (q != null && !isStillPending(q.key())) q = queue.pop(now);
    if (q == null) return null;
    Pod pod = cluster.pod(q.key());
    SchedulingDecision d = scheduler.schedule(pod);
    if (d.isScheduled()) {
      cluster.bind(q.key(), d.node());
      queue.onEvent(ClusterEvent.assignedPodAdded(cluster.pod(q.key())), now, cluster);
    } else {
      queue.addUnschedulable(q, d.rejectorPlugins(), d.isError(), d.message(), now);
    }
    return d;
  }

  /** Schedules until no pod is ready to be tried now; the decisions in order. */
  public List<SchedulingDecision> scheduleAll(long now) {
    List<SchedulingDecision> out = new ArrayList<>();
    queue.flushBackoffCompleted(now);
    for (SchedulingDecision d = scheduleOne(now); d != null; d = scheduleOne(now)) out.add(d);
    return out;
  }

  /** A pod deleted or bound elsewhere is no longer the scheduler's business. */
  private boolean isStillPending(String key) {
    Pod current = cluster.pod(key);
    return current != null && !current.isBound() && !current.isTerminating();
  }

  public void onEvent(ClusterEvent event, long now) {
    if (event != null) queue.onEvent(event, now, cluster);
  }
}
