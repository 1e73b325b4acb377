package io.kubesim.controllers.disruption;

import io.kubesim.api.Pod;
import io.kubesim.api.PodDisruptionBudget;
import io.kubesim.api.labels.Selector;
import io.kubesim.controllers.PodState;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The eviction subresource ({@code POST pods/<name>/eviction}, upstream {@code EvictionREST}).
 *
 * <ol>
 *   <li>A Succeeded, Failed or Pending pod, or one already terminating, is deleted without any
 *       PDB check.
 *   <li>PDBs of the pod's namespace whose selector matches the pod (a null or empty selector
 *       matches nothing here): more than one → 500; none → delete.
 *   <li>A pod that is not Ready is deleted without touching the budget when the PDB's
 *       {@code unhealthyPodEvictionPolicy} is {@code AlwaysAllow}, or (default
 *       {@code IfHealthyBudget}) when {@code currentHealthy >= desiredHealthy > 0}.
 *   <li>Otherwise the budget decides: stale status → 429; {@code disruptionsAllowed < 0} or more
 *       than 2000 {@code disruptedPods} → 403; {@code disruptionsAllowed == 0} → 429; else the
 *       pod is deleted, {@code disruptionsAllowed} drops by one and the pod is recorded in
 *       {@code disruptedPods}.
 * </ol>
 */
public final class Eviction {
  public static final String ALWAYS_ALLOW = "AlwaysAllow";
  public static final String IF_HEALTHY_BUDGET = "IfHealthyBudget";
  /** Upstream {@code MaxDisruptedPodSize}. */
  public static final int MAX_DISRUPTED_PODS = 2000;

  private Eviction() {}

  /** A PDB and its current status. */
  public record Budget(PodDisruptionBudget pdb, PdbStatus status) {}

  public enum Outcome {
    /** The pod is deleted (graceful delete). */
    EVICTED(201),
    /** 429: the budget does not allow it now; clients retry ({@code kubectl drain} every 5 s). */
    TOO_MANY_REQUESTS(429),
    /** 403: the budget is inconsistent (negative allowance, too many unconfirmed evictions). */
    FORBIDDEN(403),
    /** 500: several PDBs select the pod. */
    MULTIPLE_PDBS(500);

    public final int httpCode;

    Outcome(int httpCode) {
      this.httpCode = httpCode;
    }
  }

  /**
   * @param pdbName the PDB consulted, or null
   * @param updatedStatus the PDB's status after a budget-consuming eviction, else null
   */
  public record Result(Outcome outcome, String message, String pdbName, PdbStatus updatedStatus) {
    public boolean evicted() {
      return outcome == Outcome.EVICTED;
    }
  }

  public static Result evict(Pod pod, List<Budget> budgets, long nowMs) {
    String phase = PodState.phase(pod);
    if (PodState.SUCCEEDED.equals(phase) || PodState.FAILED.equals(phase) || PodState.PENDING.equals(phase) || pod.isTerminating()) {
      return new Result(Outcome.EVICTED, "deleted without a disruption budget check", null, null);
    }
    List<Budget> matching = new ArrayList<>();
    for (Budget b : budgets) {
      if (!b.pdb().metadata().namespace().equals(pod.namespace())) continue;
      Selector selector;
      try {
        selector = Selector.of(b.pdb().spec().selector());
      } catch (IllegalArgumentException e) {
        continue;
      }
      if (selector.isEmpty() || !selector.matches(pod.labels())) continue;
      matching.add(b);
    }
    if (matching.size() > 1) {
      return new Result(Outcome.MULTIPLE_PDBS, "This pod has more than one PodDisruptionBudget, which the eviction subresource does not support.",
          null, null);
    }
    if (matching.isEmpty()) return new Result(Outcome.EVICTED, "no disruption budget selects the pod", null, null);
    Budget b = matching.get(0);
    String name = b.pdb().metadata().name();
    PdbStatus s = b.status() == null ? PdbStatus.UNSYNCED : b.status();
    if (!PodState.isReady(pod)) {
      if (ALWAYS_ALLOW.equals(b.pdb().spec().unhealthyPodEvictionPolicy())) {
        return new Result(Outcome.EVICTED, "unhealthy pod evicted (AlwaysAllow)", name, null);
      }
      if (s.currentHealthy() >= s.desiredHealthy() && s.desiredHealthy() > 0) {
        return new Result(Outcome.EVICTED, "unhealthy pod evicted; the budget is met", name, null);
      }
    }
    if (!s.observed()) {
      return new Result(Outcome.TOO_MANY_REQUESTS, "The disruption budget " + name + " is still being processed by the server.", name, null);
    }
    if (s.disruptionsAllowed() < 0) return new Result(Outcome.FORBIDDEN, "pdb disruptions allowed is negative", name, null);
    if (s.disruptedPods().size() > MAX_DISRUPTED_PODS) {
      return new Result(Outcome.FORBIDDEN, "DisruptedPods map too big - too many evictions not confirmed by PDB controller", name, null);
    }
    if (s.disruptionsAllowed() == 0) {
      return new Result(Outcome.TOO_MANY_REQUESTS, "Cannot evict pod as it would violate the pod's disruption budget. The disruption budget " + name
          + " needs " + s.desiredHealthy() + " healthy pods and has " + s.currentHealthy() + " currently", name, null);
    }
    Map<String, Long> disrupted = new HashMap<>(s.disruptedPods());
    disrupted.put(pod.name(), nowMs);
    PdbStatus updated = new PdbStatus(s.expectedPods(), s.desiredHealthy(), s.currentHealthy(), s.disruptionsAllowed() - 1, disrupted, s.observed());
    return new Result(Outcome.EVICTED, "evicted", name, updated);
  }
}
