package io.kubesim.controllers.nodelifecycle;

import io.kubesim.api.Pod;
import io.kubesim.api.Taint;
import io.kubesim.api.Toleration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.TreeMap;

/**
 * The taint eviction controller (upstream {@code tainteviction}): deletes pods from nodes with
 * NoExecute taints they do not tolerate, at once, or after the shortest {@code tolerationSeconds}
 * of the tolerations used. Deletion is a plain DELETE (with a {@code DisruptionTarget} condition):
 * PodDisruptionBudgets are not consulted.
 *
 * <p>For a pod on a node with NoExecute taints ({@link #decide}):
 *
 * <ul>
 *   <li>a taint no toleration matches → delete now;
 *   <li>otherwise take, for each taint, the <em>first</em> toleration (in the pod's order) that
 *       matches it; the smallest of their {@code tolerationSeconds} is the delay ({@code <= 0} →
 *       now); none set → tolerated forever, any scheduled deletion is cancelled;
 *   <li>an already scheduled deletion keeps its deadline: re-evaluations do not move it, unless
 *       they happen at the very instant it was scheduled.
 * </ul>
 *
 * All NoExecute taints removed → scheduled deletions on the node are cancelled; the pod deleted →
 * its schedule is dropped. A deletion that fired stays recorded, so the pod is not scheduled
 * again until {@link #podDeleted}. The engine tells the controller about node taint changes
 * ({@link #nodeUpdated}), pod binding, toleration changes and deletion ({@link #podUpdated},
 * {@link #podDeleted}), and collects due deletions with {@link #due}.
 */
public final class TaintEvictionController {
  /** What the taints and tolerations call for. */
  public sealed interface Decision {
    /** Nothing to delete: no NoExecute taints, or all tolerated forever. */
    record Cancel() implements Decision {}

    /** All taints tolerated for a while: delete {@code afterMs} after the taint was observed (0 = now). */
    record EvictAfter(long afterMs) implements Decision {}

    /** A taint no toleration matches: delete now. */
    record NotTolerated(Taint taint) implements Decision {}
  }

  private record Work(long createdAtMs, long fireAtMs, boolean fired) {}

  private final Map<String, List<Taint>> taintedNodes = new HashMap<>();
  private final Map<String, Work> work = new TreeMap<>();

  /** Upstream {@code GetMatchingTolerations} + {@code getMinTolerationTime} over the NoExecute taints. */
  public static Decision decide(List<Toleration> tolerations, List<Taint> noExecuteTaints) {
    if (noExecuteTaints.isEmpty()) return new Decision.Cancel();
    List<Toleration> used = new ArrayList<>();
    for (Taint taint : noExecuteTaints) {
      Toleration match = null;
      for (Toleration t : tolerations) {
        if (t.tolerates(taint)) {
          match = t;
          break;
        }
      }
      if (match == null) return new Decision.NotTolerated(taint);
      used.add(match);
    }
    long min = Long.MAX_VALUE;
    for (Toleration t : used) {
      if (t.tolerationSeconds() == null) continue;
      if (t.tolerationSeconds() <= 0) return new Decision.EvictAfter(0);
      min = Math.min(min, t.tolerationSeconds());
    }
    return min == Long.MAX_VALUE ? new Decision.Cancel() : new Decision.EvictAfter(min * 1000);
  }

  /**
   * Upstream {@code handleNodeUpdate}: records the node's NoExecute taints and re-evaluates every
   * pod bound to it ({@code pods}: the pods whose {@code spec.nodeName} is the node).
   */
  public void nodeUpdated(String node, List<Taint> taints, List<Pod> pods, long nowMs) {
    List<Taint> noExecute = NodeTaints.noExecute(taints);
    if (noExecute.isEmpty()) taintedNodes.remove(node);
    else taintedNodes.put(node, noExecute);
    if (noExecute.isEmpty()) {
      for (Pod p : pods) cancel(p.key());
      return;
    }
    for (Pod p : pods) processPodOnNode(p, noExecute, nowMs);
  }

  /** Upstream {@code handleNodeUpdate} for a deleted node: forgets its taints. */
  public void nodeDeleted(String node) {
    taintedNodes.remove(node);
  }

  /**
   * Upstream {@code handlePodUpdate}: call when a pod is created, bound, or its tolerations change.
   * Pods on nodes without known NoExecute taints are left alone.
   */
  public void podUpdated(Pod pod, long nowMs) {
    if (!pod.isBound()) return;
    List<Taint> taints = taintedNodes.get(pod.spec().nodeName());
    if (taints == null) return;
    processPodOnNode(pod, taints, nowMs);
  }

  /** The pod is gone: its scheduled (or fired) deletion is forgotten. */
  public void podDeleted(String podKey) {
    cancel(podKey);
  }

  private void cancel(String podKey) {
    work.remove(podKey);
  }

  /** Upstream {@code processPodOnNode}. */
  private void processPodOnNode(Pod pod, List<Taint> taints, long nowMs) {
    String key = pod.key();
    Decision d = decide(pod.spec().tolerations(), taints);
    if (d instanceof Decision.Cancel) {
      cancel(key);
      return;
    }
    if (d instanceof Decision.NotTolerated) {
      cancel(key);
      addWork(key, nowMs, nowMs);
      return;
    }
    long delay = ((Decision.EvictAfter) d).afterMs();
    long start = nowMs;
    Work existing = work.get(key);
    if (existing != null && !existing.fired()) {
      start = existing.createdAtMs();
      if (start + delay < nowMs + delay) return;
      cancel(key);
    }
    addWork(key, start, start + delay);
  }

  /** Upstream {@code TimedWorkerQueue.AddWork}: a no-op while the pod has any entry (even a fired one). */
  private void addWork(String key, long createdAtMs, long fireAtMs) {
    work.putIfAbsent(key, new Work(createdAtMs, fireAtMs, false));
  }

  /** When the pod's deletion is scheduled, if it is and has not fired. */
  public OptionalLong scheduledDeletionMs(String podKey) {
    Work w = work.get(podKey);
    return w == null || w.fired() ? OptionalLong.empty() : OptionalLong.of(w.fireAtMs());
  }

  /** The earliest pending deletion, for the engine's timer. */
  public OptionalLong nextDeletionMs() {
    return work.values().stream().filter(w -> !w.fired()).mapToLong(Work::fireAtMs).min();
  }

  /** Pod keys ({@code namespace/name}) whose deletion is due at {@code nowMs}, in key order; marks them fired. */
  public List<String> due(long nowMs) {
    List<String> out = new ArrayList<>();
    for (var e : work.entrySet()) {
      Work w = e.getValue();
      if (!w.fired() && w.fireAtMs() <= nowMs) {
        out.add(e.getKey());
        e.setValue(new Work(w.createdAtMs(), w.fireAtMs(), true));
      }
    }
    return out;
  }
}
