package io.kubesim.scheduler;

import io.kubesim.api.Pod;
import io.kubesim.scheduler.framework.ClusterEvent;
import io.kubesim.scheduler.framework.EnqueueExtensions;
import io.kubesim.scheduler.framework.Plugin;
import io.kubesim.scheduler.framework.QueueingHint;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.function.Function;

/**
 * Upstream's {@code PriorityQueue}: activeQ ordered by priority then queue timestamp; backoffQ by
 * backoff expiry; unschedulablePods parked until a hinted cluster event or the 5-minute flush.
 * Times are simulated milliseconds; backoff windows are whole seconds as upstream.
 */
public final class SchedulingQueue {
  public static final long DEFAULT_INITIAL_BACKOFF_MS = 1_000;
  public static final long DEFAULT_MAX_BACKOFF_MS = 10_000;
  public static final long MAX_IN_UNSCHEDULABLE_MS = 5 * 60_000;

  /** Higher priority first, then earlier timestamp, then arrival; written out as the heap calls it per sift step. */
  private static final Comparator<QueuedPodInfo> ACTIVE_ORDER = (a, b) -> {
    int c = Integer.compare(-a.priority, -b.priority);
    if (c != 0) return c;
    c = Long.compare(a.timestamp, b.timestamp);
    return c != 0 ? c : Long.compare(a.sequence, b.sequence);
  };

  private final long initialBackoffMs;
  private final long maxBackoffMs;
  private final Function<String, Plugin> plugins;
  private final PriorityQueue<QueuedPodInfo> activeQ = new PriorityQueue<>(ACTIVE_ORDER);
  private final PriorityQueue<QueuedPodInfo> backoffQ;
  private final Map<String, QueuedPodInfo> unschedulable = new LinkedHashMap<>();
  private final Map<String, QueuedPodInfo> byKey = new HashMap<>();
  private long sequence;

  /** @param plugins looks plugins up by name, to ask their queueing hints */
  public SchedulingQueue(Function<String, Plugin> plugins, long initialBackoffMs, long maxBackoffMs) {
    this.plugins = plugins;
    this.initialBackoffMs = initialBackoffMs;
    this.maxBackoffMs = maxBackoffMs;
    this.backoffQ = new PriorityQueue<>(Comparator.<QueuedPodInfo>comparingLong(this::backoffExpiry).thenComparing(ACTIVE_ORDER));
  }

  public SchedulingQueue(Function<String, Plugin> plugins) {
    this(plugins, DEFAULT_INITIAL_BACKOFF_MS, DEFAULT_MAX_BACKOFF_MS);
  }

  /** A new unscheduled pod. Pods with scheduling gates wait in unschedulablePods until ungated. */
  public void add(Pod pod, long now) {
    if (byKey.containsKey(pod.key())) throw new IllegalStateException("pod " + pod.key() + " is already queued");
    QueuedPodInfo q = new QueuedPodInfo(pod, now, sequence++);
    byKey.put(pod.key(), q);
    if (!pod.spec().schedulingGates().isEmpty()) {
      q.lastFailureMessage = "waiting for scheduling gates: " + pod.spec().schedulingGates();
      unschedulable.put(pod.key(), q);
    } else {
      activeQ.add(q);
    }
  }

  /**
   * The next pod to schedule: the head of activeQ or, when it is empty, of backoffQ even before
   * its backoff ends (gate SchedulerPopFromBackoffQ). Null when both are empty.
   */
  public QueuedPodInfo pop() {
    return pop(Long.MAX_VALUE);
  }

  /**
   * As {@link #pop()}, but a backing-off pod only when it did not fail at {@code now} or later:
   * in simulated time a cycle takes no time, so retrying at once would loop forever.
   */
  public QueuedPodInfo pop(long now) {
    QueuedPodInfo q = activeQ.poll();
    if (q == null && !backoffQ.isEmpty() && backoffQ.peek().timestamp < now) q = backoffQ.poll();
    if (q == null) return null;
    q.attempts++;
    byKey.remove(q.key);
    return q;
  }

  /**
   * The cycle failed. Rejected by plugins: parked until a hinted event; failed without a
   * rejecting plugin (or with an error): backoff.
   */
  public void addUnschedulable(QueuedPodInfo q, List<String> rejectorPlugins, boolean error, String message, long now) {
    if (error) {
      q.consecutiveErrorsCount++;
    } else {
      q.unschedulableCount++;
      q.consecutiveErrorsCount = 0;
    }
    q.timestamp = now;
    q.rejectorPlugins = List.copyOf(rejectorPlugins);
    q.lastFailureMessage = message;
    byKey.put(q.key, q);
    if (error || rejectorPlugins.isEmpty()) {
      backoffQ.add(q);
    } else {
      unschedulable.put(q.key, q);
    }
  }

  /** Moves parked pods that the event may help, as their rejector plugins' hints say. */
  public void onEvent(ClusterEvent event, long now) {
    onEvent(event, now, null);
  }

  /** As {@link #onEvent(ClusterEvent, long)}, with the cluster the hints may consult. */
  public void onEvent(ClusterEvent event, long now, io.kubesim.scheduler.framework.Snapshot snapshot) {
    for (Iterator<QueuedPodInfo> it = unschedulable.values().iterator(); it.hasNext(); ) {
      QueuedPodInfo q = it.next();
      if (!q.pod.spec().schedulingGates().isEmpty()) continue;
      if (event.type() == ClusterEvent.Type.WILDCARD || hintsQueue(q, event, snapshot)) {
        it.remove();
        requeue(q, now);
      }
    }
  }

  private boolean hintsQueue(QueuedPodInfo q, ClusterEvent event, io.kubesim.scheduler.framework.Snapshot snapshot) {
    for (String name : q.rejectorPlugins) {
      Plugin p = plugins.apply(name);
      if (!(p instanceof EnqueueExtensions hints) || hints.isSchedulableAfter(event, q.pod, snapshot) == QueueingHint.QUEUE) return true;
    }
    return false;
  }

  private void requeue(QueuedPodInfo q, long now) {
    if (isBackingOff(q, now)) {
      backoffQ.add(q);
    } else {
      activeQ.add(q);
    }
  }

  /** Every second: pods whose backoff ended go to activeQ. */
  public void flushBackoffCompleted(long now) {
    while (!backoffQ.isEmpty() && !isBackingOff(backoffQ.peek(), now)) activeQ.add(backoffQ.poll());
  }

  /** Every 30 s: pods parked longer than 5 minutes are retried whatever the hints say. */
  public void flushUnschedulableLeftover(long now) {
    for (Iterator<QueuedPodInfo> it = unschedulable.values().iterator(); it.hasNext(); ) {
      QueuedPodInfo q = it.next();
      if (q.pod.spec().schedulingGates().isEmpty() && now - q.timestamp > MAX_IN_UNSCHEDULABLE_MS) {
        it.remove();
        requeue(q, now);
      }
    }
  }

  /** Replaces a queued pod's object; a parked pod that lost its last scheduling gate becomes active. */
  public void update(Pod pod, long now) {
    QueuedPodInfo q = byKey.get(pod.key());
    if (q == null) return;
    boolean ungated = !q.pod.spec().schedulingGates().isEmpty() && pod.spec().schedulingGates().isEmpty();
    boolean inActive = activeQ.remove(q);
    boolean inBackoff = !inActive && backoffQ.remove(q);
    q.pod = pod;
    q.priority = pod.spec().priorityValue();
    if (inActive) activeQ.add(q);
    if (inBackoff) backoffQ.add(q);
    if (ungated && unschedulable.remove(pod.key()) != null) activeQ.add(q);
  }

  public void delete(String podKey) {
    QueuedPodInfo q = byKey.remove(podKey);
    if (q == null) return;
    if (!activeQ.remove(q) && !backoffQ.remove(q)) unschedulable.remove(podKey);
  }

  /** Upstream's backoff: 1, 2, 4, 8, 10, 10 ... s, expiry truncated to the whole second. */
  long backoffExpiry(QueuedPodInfo q) {
    int count = q.consecutiveErrorsCount > 0 ? q.consecutiveErrorsCount : q.unschedulableCount;
    if (count == 0 || maxBackoffMs == 0) return truncateToSecond(q.timestamp);
    long duration = initialBackoffMs << Math.min(count - 1, 30);
    if (duration > maxBackoffMs || duration <= 0) duration = maxBackoffMs;
    return truncateToSecond(q.timestamp + duration);
  }

  boolean isBackingOff(QueuedPodInfo q, long now) {
    if (maxBackoffMs == 0 || (q.unschedulableCount == 0 && q.consecutiveErrorsCount == 0)) return false;
    return backoffExpiry(q) >= truncateToSecond(now);
  }

  private static long truncateToSecond(long ms) {
    return Math.floorDiv(ms, 1000) * 1000;
  }

  public boolean isEmpty() {
    return activeQ.isEmpty() && backoffQ.isEmpty() && unschedulable.isEmpty();
  }

  public boolean hasSchedulable() {
    return !activeQ.isEmpty() || !backoffQ.isEmpty();
  }

  public int activeCount() {
    return activeQ.size();
  }

  public int backoffCount() {
    return backoffQ.size();
  }

  /** Every pod waiting in the queue (active, backing off or parked), in no particular order. */
  public List<QueuedPodInfo> pending() {
    return new ArrayList<>(byKey.values());
  }

}
