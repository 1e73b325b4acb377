package io.kubesim.controllers.replicaset;

import io.kubesim.api.OwnerReference;
import io.kubesim.api.Pod;
import io.kubesim.api.ReplicaSet;
import io.kubesim.api.labels.Selector;
import io.kubesim.controllers.PodState;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * Upstream {@code syncReplicaSet}: create or delete pods to match {@code spec.replicas}
 * ({@link #manageReplicas}) and compute the status ({@link #status}).
 *
 * <p>Pods deleted here are graceful deletes (the pod becomes Terminating), not evictions: no PDB
 * is consulted. Upstream caps one sync at {@link #BURST_REPLICAS} creations or deletions, creates
 * in slow-start batches (1, 2, 4, …, stopping at the first failure) and then waits for its
 * create/delete "expectations" to be observed; creations cannot fail in the simulator and the
 * engine applies writes synchronously, so only the cap is kept.
 */
public final class ReplicaSetController {
  /** Upstream {@code BurstReplicas}: at most this many creates or deletes per sync. */
  public static final int BURST_REPLICAS = 500;

  private ReplicaSetController() {}

  /**
   * What one {@code manageReplicas} does.
   *
   * @param toCreate pods to create from the template (each a new Pending pod)
   * @param toDelete pods to delete, in deletion order
   */
  public record Decision(int toCreate, List<Pod> toDelete) {
    public Decision {
      toDelete = List.copyOf(toDelete);
    }

    public boolean isNoop() {
      return toCreate == 0 && toDelete.isEmpty();
    }
  }

  /** The RS status the Deployment controller reads (active pods only). */
  public record Status(int replicas, int fullyLabeledReplicas, int readyReplicas, int availableReplicas) {}

  /** Upstream {@code FilterActivePods}. */
  public static List<Pod> activePods(List<Pod> pods) {
    List<Pod> out = new ArrayList<>(pods.size());
    for (Pod p : pods) {
      if (PodState.isActive(p)) out.add(p);
    }
    return out;
  }

  /**
   * Upstream {@code manageReplicas}: {@code diff = active owned pods − spec.replicas}; create
   * {@code −diff} or delete {@code diff} (each capped at {@link #BURST_REPLICAS}), choosing the
   * victims with {@link #podsToDelete}.
   *
   * @param ownedPods pods whose controllerRef is this RS (terminal and terminating ones are
   *     ignored)
   * @param relatedPods pods of every RS with the same controller ({@link #relatedPods}), for ranks
   */
  public static Decision manageReplicas(ReplicaSet rs, List<Pod> ownedPods, List<Pod> relatedPods, long nowMs, RestartCounts restarts) {
    List<Pod> active = activePods(ownedPods);
    int diff = active.size() - rs.spec().replicas();
    if (diff < 0) return new Decision(Math.min(-diff, BURST_REPLICAS), List.of());
    if (diff > 0) return new Decision(0, podsToDelete(active, relatedPods, Math.min(diff, BURST_REPLICAS), nowMs, restarts));
    return new Decision(0, List.of());
  }

  public static Decision manageReplicas(ReplicaSet rs, List<Pod> ownedPods, List<Pod> relatedPods, long nowMs) {
    return manageReplicas(rs, ownedPods, relatedPods, nowMs, RestartCounts.NONE);
  }

  /**
   * Upstream {@code getPodsToDelete}: the first {@code diff} active pods in {@link DeletionOrder},
   * ranked by {@link #ranks}; when all go, no sorting (input order).
   */
  public static List<Pod> podsToDelete(List<Pod> activePods, List<Pod> relatedPods, int diff, long nowMs, RestartCounts restarts) {
    if (diff >= activePods.size()) return List.copyOf(activePods);
    List<DeletionOrder.RankedPod> ranked = ranks(activePods, relatedPods);
    List<Pod> out = new ArrayList<>();
    for (DeletionOrder.RankedPod r : DeletionOrder.sort(ranked, nowMs, restarts).subList(0, diff)) out.add(r.pod());
    return out;
  }

  /**
   * Upstream {@code getPodsRankedByRelatedPodsOnSameNode}: each pod's rank is the number of active
   * related pods on its node (unscheduled pods share the node "").
   */
  public static List<DeletionOrder.RankedPod> ranks(List<Pod> podsToRank, List<Pod> relatedPods) {
    Map<String, Integer> onNode = new HashMap<>();
    for (Pod p : relatedPods) {
      if (PodState.isActive(p)) onNode.merge(p.spec().nodeName(), 1, Integer::sum);
    }
    List<DeletionOrder.RankedPod> out = new ArrayList<>();
    for (Pod p : podsToRank) out.add(new DeletionOrder.RankedPod(p, onNode.getOrDefault(p.spec().nodeName(), 0)));
    return out;
  }

  /**
   * Upstream {@code getIndirectlyRelatedPods}: the pods matched by the selector of any RS that has
   * the same controller as {@code rs} (for a Deployment: all its RSes), de-duplicated by UID, in
   * the same namespace. Empty when {@code rs} has no controller.
   */
  public static List<Pod> relatedPods(ReplicaSet rs, List<ReplicaSet> replicaSets, List<Pod> pods) {
    OwnerReference owner = rs.metadata().controllerRef();
    if (owner == null) return List.of();
    Map<String, Pod> seen = new LinkedHashMap<>();
    for (ReplicaSet other : replicaSets) {
      OwnerReference ref = other.metadata().controllerRef();
      if (ref == null || !sameOwner(ref, owner) || !other.metadata().namespace().equals(rs.metadata().namespace())) continue;
      Selector selector;
      try {
        selector = Selector.of(other.spec().selector());
      } catch (IllegalArgumentException e) {
        continue;
      }
      for (Pod p : pods) {
        if (p.namespace().equals(rs.metadata().namespace()) && selector.matches(p.labels())) seen.putIfAbsent(key(p), p);
      }
    }
    return new ArrayList<>(seen.values());
  }

  private static boolean sameOwner(OwnerReference a, OwnerReference b) {
    if (!a.uid().isEmpty() || !b.uid().isEmpty()) return a.uid().equals(b.uid());
    return a.kind().equals(b.kind()) && a.name().equals(b.name());
  }

  private static String key(Pod p) {
    return p.metadata().uid().isEmpty() ? p.key() : p.metadata().uid();
  }

  /**
   * Upstream {@code calculateStatus}: over the active owned pods, how many there are, how many
   * carry all template labels, how many are Ready and how many are Available
   * ({@code minReadySeconds} of the RS, at {@code nowMs}).
   */
  public static Status status(ReplicaSet rs, List<Pod> ownedPods, long nowMs) {
    Selector templateLabels = Selector.fromSet(rs.spec().template() == null || rs.spec().template().metadata() == null ? Map.of()
        : rs.spec().template().metadata().labels());
    int fully = 0;
    int ready = 0;
    int available = 0;
    List<Pod> active = activePods(ownedPods);
    for (Pod p : active) {
      if (templateLabels.matches(p.labels())) fully++;
      if (PodState.isReady(p)) {
        ready++;
        if (PodState.isAvailable(p, rs.spec().minReadySeconds(), nowMs)) available++;
      }
    }
    return new Status(active.size(), fully, ready, available);
  }

  /**
   * The earliest time after {@code nowMs} at which a ready pod becomes available (its ready time
   * plus {@code minReadySeconds}), when the status would change without any pod event; the engine
   * re-computes the status then. Upstream instead re-queues the RS {@code minReadySeconds + 1 s}
   * after observing the ready transition, so it notices availability up to about a second later.
   */
  public static OptionalLong nextAvailabilityMs(ReplicaSet rs, List<Pod> ownedPods, long nowMs) {
    int minReady = rs.spec().minReadySeconds();
    if (minReady == 0) return OptionalLong.empty();
    long best = Long.MAX_VALUE;
    for (Pod p : activePods(ownedPods)) {
      Long at = PodState.availableAtMs(p, minReady);
      if (at != null && at > nowMs) best = Math.min(best, at);
    }
    return best == Long.MAX_VALUE ? OptionalLong.empty() : OptionalLong.of(best);
  }
}
