package io.kubesim.metrics;

import io.kubesim.api.LabelSelector;
import io.kubesim.api.Pod;
import io.kubesim.api.TopologySpreadConstraint;
import io.kubesim.api.labels.Selector;
import io.kubesim.cluster.Cluster;
import io.kubesim.scheduler.QueuedPodInfo;
import io.kubesim.scheduler.SchedulingDecision;
import io.kubesim.scheduler.framework.MatchingPodCounts;
import io.kubesim.scheduler.framework.NodeInfo;
import io.kubesim.scheduler.framework.TopologyDomains;
import io.kubesim.scheduler.plugins.podtopologyspread.ConstraintSkew;
import io.kubesim.scheduler.plugins.podtopologyspread.PodTopologySpread;
import io.kubesim.sim.Simulation;
import io.kubesim.sim.SimulationListener;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Collects samples from a simulation: after every instant where something happened, and at
 * least every {@code intervalMs} when the caller schedules ticks. Also tracks how long every pod
 * waited to be scheduled: a pod is pending from its creation until it is bound to a node (the
 * scheduler's decision), not until it runs; start-up time is not waiting.
 */
public final class Recorder implements SimulationListener {
  private final Simulation sim;
  private final PodTopologySpread spread;
  private final long intervalMs;
  private final List<SpreadSample> spreadSamples = new ArrayList<>();
  private final List<PendingSample> pendingSamples = new ArrayList<>();
  private final List<TimelineMark> marks = new ArrayList<>();
  /** Pods waiting to be bound, by uid, in the order they started waiting. */
  private final Map<String, Waiting> waiting = new LinkedHashMap<>();
  private final Map<String, Long> waits = new LinkedHashMap<>();
  private final Map<String, Integer> admissionFailures = new TreeMap<>();
  private boolean dirty = true;
  private long lastSample = Long.MIN_VALUE;
  private int decisions;
  private int unschedulableAttempts;

  /** A labelled timeline event, for charts. */
  public record TimelineMark(long time, String label) {}

  /** How long a pod ({@code namespace/name}) waited to be bound. */
  public record Wait(String pod, long ms) {}

  private record Waiting(String pod, long since) {}

  /** @param spread the profile's PodTopologySpread, so skews use its default constraints and gates */
  public Recorder(Simulation sim, PodTopologySpread spread, long intervalMs) {
    this.sim = sim;
    this.spread = spread;
    this.intervalMs = intervalMs;
  }

  /** A scheduled decision binds the pod: its wait ends here, not when it starts running. */
  @Override
  public void onDecision(long now, SchedulingDecision d) {
    decisions++;
    if (d.isScheduled()) {
      bound(now, d.pod());
    } else {
      unschedulableAttempts++;
    }
    dirty = true;
  }

  @Override
  public void onPodChange(long now, Pod before, Pod after) {
    dirty = true;
    if (after != null && !after.isBound() && !after.status().isTerminal()) {
      waiting.putIfAbsent(uid(after), new Waiting(after.key(), now));
    } else if (after != null && after.isBound()) {
      bound(now, after); // bound other than by the scheduler (e.g. nodeName set by an update)
    } else if (before != null) {
      waiting.remove(uid(before)); // deleted, or failed, while waiting
    }
    if (before != null && after != null && isFailed(after) && !isFailed(before) && after.status().reason() != null) {
      admissionFailures.merge(after.status().reason(), 1, Integer::sum);
    }
  }

  private static boolean isFailed(Pod p) {
    return "Failed".equals(p.status().phase());
  }

  /** Ends a pod's wait (when it was waiting) and records how long it was. */
  private void bound(long now, Pod pod) {
    Waiting w = waiting.remove(uid(pod));
    if (w != null) waits.merge(pod.key(), now - w.since(), Math::max);
  }

  private static String uid(Pod p) {
    return p.metadata().uid();
  }

  @Override
  public void onTimelineEvent(long now, String label) {
    marks.add(new TimelineMark(now, label));
    dirty = true;
  }

  @Override
  public void afterSettle(long now) {
    if (!dirty && now < lastSample + intervalMs) return;
    sample(now);
    dirty = false;
    lastSample = now;
  }

  /** Samples now, whatever changed. */
  public void sample(long now) {
    Cluster cluster = sim.cluster();
    for (Workloads.Workload w : Workloads.of(cluster)) spreadSamples.addAll(spread(now, cluster, w));
    pendingSamples.add(pending(now));
  }

  private List<SpreadSample> spread(long now, Cluster cluster, Workloads.Workload w) {
    List<TopologySpreadConstraint> declared = w.nextPod().spec().topologySpreadConstraints();
    if (declared.isEmpty()) return List.of();
    List<ConstraintSkew> skews = spread.skews(w.nextPod(), cluster);
    List<SpreadSample> out = new ArrayList<>();
    for (int i = 0; i < declared.size(); i++) {
      TopologySpreadConstraint c = declared.get(i);
      ConstraintSkew s = findSkew(skews, c);
      Map<String, Integer> all = domainCounts(cluster, w.nextPod().namespace(), c.labelSelector(), c.topologyKey(), null);
      Map<String, Integer> newest = w.revision().isEmpty() ? all
          : domainCounts(cluster, w.nextPod().namespace(), c.labelSelector(), c.topologyKey(), w.revision());
      int minDomains = c.minDomains() == null ? 1 : c.minDomains();
      int eligible = s == null ? 0 : s.matchNum().size();
      out.add(new SpreadSample(now, w.ref(), i, c.topologyKey(), c.whenUnsatisfiable(), c.maxSkew(), minDomains,
          s == null ? 0 : s.skew(), eligible, eligible >= minDomains, all, SpreadSample.skew(all), newest));
    }
    return out;
  }

  private static ConstraintSkew findSkew(List<ConstraintSkew> skews, TopologySpreadConstraint c) {
    for (ConstraintSkew s : skews) {
      if (s.constraint().topologyKey().equals(c.topologyKey()) && s.whenUnsatisfiable().equals(c.whenUnsatisfiable())) return s;
    }
    return null;
  }

  /** Matching non-terminating pods per domain over every node carrying the key, zeros included. */
  private static Map<String, Integer> domainCounts(Cluster cluster, String namespace, LabelSelector selector, String key, String revision) {
    Selector s = Selector.of(selector);
    if (revision != null) s = s.and(Selector.fromSet(Map.of(Workloads.POD_TEMPLATE_HASH, revision)));
    MatchingPodCounts counts = cluster.matchingPods(namespace, s);
    Map<String, Integer> out = new TreeMap<>();
    TopologyDomains domains = cluster.topologyDomains(key);
    if (counts.countInDomain(domains, 0) >= 0) {
      // The same sums, kept per domain by the cluster.
      for (int d = 0; d < domains.size(); d++) {
        if (domains.nodeCount(d) > 0) out.put(domains.name(d), counts.countInDomain(domains, d));
      }
      return out;
    }
    for (NodeInfo n : cluster.nodeInfos()) {
      String domain = n.node().labels().get(key);
      if (domain != null) out.merge(domain, counts.count(n), Integer::sum);
    }
    return out;
  }


  private PendingSample pending(long now) {
    Map<String, Integer> reasons = new TreeMap<>();
    long longest = 0;
    for (QueuedPodInfo q : sim.scheduler().queue().pending()) {
      if (!q.lastFailureMessage().isEmpty()) reasons.merge(q.lastFailureMessage(), 1, Integer::sum);
    }
    for (Waiting w : waiting.values()) longest = Math.max(longest, now - w.since());
    return new PendingSample(now, waiting.size(), longest, reasons);
  }

  public List<SpreadSample> spreadSamples() {
    return spreadSamples;
  }

  public List<PendingSample> pendingSamples() {
    return pendingSamples;
  }

  public List<TimelineMark> marks() {
    return marks;
  }

  /** How long each pod that got bound waited (creation to binding), longest wait per pod name. */
  public Map<String, Long> schedulingWaits() {
    return Collections.unmodifiableMap(waits);
  }

  /** Pods still waiting to be bound: {@code namespace/name} → the time they started waiting. */
  public Map<String, Long> stillPending() {
    Map<String, Long> out = new LinkedHashMap<>();
    for (Waiting w : waiting.values()) out.put(w.pod(), w.since());
    return out;
  }

  /**
   * The longest wait up to {@code now}: over pods that got bound and pods still waiting (counted
   * to {@code now}); the first pod to reach it wins a tie (bound pods in binding order, then
   * waiting ones in creation order). Null when no pod waited at all.
   */
  public Wait longestWait(long now) {
    Wait longest = null;
    for (Map.Entry<String, Long> w : waits.entrySet()) {
      if (w.getValue() > 0 && (longest == null || w.getValue() > longest.ms())) longest = new Wait(w.getKey(), w.getValue());
    }
    for (Waiting w : waiting.values()) {
      long ms = now - w.since();
      if (ms > 0 && (longest == null || ms > longest.ms())) longest = new Wait(w.pod(), ms);
    }
    return longest;
  }

  /** Pods the kubelet rejected over the run (turned Failed with a reason) → by reason. */
  public Map<String, Integer> admissionFailures() {
    return Collections.unmodifiableMap(admissionFailures);
  }

  public int decisions() {
    return decisions;
  }

  public int unschedulableAttempts() {
    return unschedulableAttempts;
  }
}
