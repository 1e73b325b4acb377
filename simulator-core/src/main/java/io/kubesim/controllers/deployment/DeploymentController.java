package io.kubesim.controllers.deployment;

import io.kubesim.api.Deployment;
import io.kubesim.api.LabelSelector;
import io.kubesim.api.Pod;
import java.util.List;

/**
 * Upstream {@code syncDeployment}: one reconcile of one Deployment. Exactly one branch runs, in
 * this order: empty selector (nothing) → being deleted (status only) → paused or scaling event
 * ({@link ProportionalScaling}) → {@link Recreate} or {@link RollingUpdate}.
 *
 * <p>Call it after the ReplicaSet statuses are fresh and again after every change it or the RS
 * controller makes, until nothing changes (the engine's fixpoint). Not modelled: adoption and
 * orphaning (pass the RSes the Deployment owns), the deprecated rollback annotation, progress
 * conditions and deadlines, observedGeneration (specs are assumed observed), and the
 * {@code DeploymentPodReplacementPolicy} alpha. Upstream re-reads the new RS from a possibly
 * stale cache after bumping its revision annotation and then fails that sync with a conflict; we
 * continue with the fresh copy, which reaches the same state one sync earlier.
 */
public final class DeploymentController {
  private DeploymentController() {}

  /**
   * @param d the Deployment
   * @param status the status returned by this Deployment's previous sync
   *     ({@link DeploymentStatus#INITIAL} or null the first time)
   * @param replicaSets the ReplicaSets the Deployment owns, with their current status counts
   * @param pods the pods owned by those ReplicaSets (read only by Recreate)
   * @param nowMs simulated time; the creationTimestamp of a new RS
   */
  public static DeploymentSyncResult sync(Deployment d, DeploymentStatus status, List<ReplicaSetState> replicaSets, List<Pod> pods,
      long nowMs) {
    Sync s = new Sync(d, status == null ? DeploymentStatus.INITIAL : status, replicaSets, pods, nowMs);
    LabelSelector selector = d.spec().selector();
    if (selector != null && selector.matchLabels().isEmpty() && selector.matchExpressions().isEmpty()) {
      return s.result(DeploymentSyncResult.Path.EMPTY_SELECTOR, s.previous);
    }
    if (d.metadata().isTerminating()) {
      return s.result(DeploymentSyncResult.Path.STATUS_ONLY, s.status(s.newAndOld(false)));
    }
    if (d.spec().paused() || ProportionalScaling.isScalingEvent(s)) return ProportionalScaling.sync(s);
    String type = d.strategy().type();
    if (Fenceposts.RECREATE.equals(type)) return Recreate.rollout(s);
    if (Fenceposts.ROLLING_UPDATE.equals(type)) return RollingUpdate.rollout(s);
    throw new IllegalArgumentException("unexpected deployment strategy type: " + type);
  }
}
