package io.kubesim.controllers.deployment;

import io.kubesim.api.Deployment;
import java.util.List;

/**
 * The Deployment status fields the controller computes and later reads back
 * ({@code calculateStatus}). The engine keeps the status returned by one sync and passes it to
 * the next: upstream decides "rollout complete" (history cleanup) on the status written by the
 * previous sync, and proportional scaling falls back to {@code status.replicas}.
 *
 * @param collisionCount null until a pod-template-hash collision happened
 */
public record DeploymentStatus(int replicas, int updatedReplicas, int readyReplicas, int availableReplicas, int unavailableReplicas,
    Integer collisionCount) {

  /** A Deployment the controller never synced. */
  public static final DeploymentStatus INITIAL = new DeploymentStatus(0, 0, 0, 0, 0, null);

  /**
   * Upstream {@code calculateStatus}. {@code replicas}/{@code ready}/{@code available} sum the RS
   * status counts; {@code updated} is the new RS's {@code status.replicas};
   * {@code unavailable = max(Σ spec.replicas − available, 0)}.
   */
  public static DeploymentStatus calculate(List<ReplicaSetState> all, ReplicaSetState newRS, Integer collisionCount) {
    int available = 0;
    int total = 0;
    int actual = 0;
    int ready = 0;
    for (ReplicaSetState rs : all) {
      available += rs.availableReplicas();
      total += rs.specReplicas();
      actual += rs.statusReplicas();
      ready += rs.readyReplicas();
    }
    int updated = newRS == null ? 0 : newRS.statusReplicas();
    return new DeploymentStatus(actual, updated, ready, available, Math.max(total - available, 0), collisionCount);
  }

  /**
   * Upstream {@code DeploymentComplete}: updated, total and available replicas all equal
   * {@code spec.replicas} (observedGeneration is assumed current: the simulator applies specs
   * synchronously).
   */
  public boolean isComplete(Deployment d) {
    int want = d.spec().replicas();
    return updatedReplicas == want && replicas == want && availableReplicas == want;
  }

  /** The {@code Available} condition: at least {@code replicas − maxUnavailable} pods available. */
  public boolean hasMinimumAvailability(Deployment d) {
    return availableReplicas >= d.spec().replicas() - Fenceposts.maxUnavailable(d);
  }

  public DeploymentStatus withCollisionCount(Integer count) {
    return new DeploymentStatus(replicas, updatedReplicas, readyReplicas, availableReplicas, unavailableReplicas, count);
  }
}
