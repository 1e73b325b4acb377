package io.kubesim.controllers.deployment;

import io.kubesim.api.Deployment;
import java.util.ArrayList;
import java.util.List;

/**
 * Upstream {@code rolloutRolling}: one sync of a RollingUpdate Deployment.
 *
 * <ol>
 *   <li>Scale the new RS up towards {@code replicas} without exceeding
 *       {@code replicas + maxSurge} RS replicas in total ({@link #newRSNewReplicas}); if it
 *       scaled, stop.
 *   <li>Scale old RSes down, oldest first, only by what keeps availability: with
 *       {@code maxScaledDown = Σspec − (replicas − maxUnavailable) − (newSpec − newAvailable)}
 *       as the gate, first remove old replicas that are not available (up to maxScaledDown), then
 *       remove {@code Σavailable − minAvailable} more. Statuses are not refreshed in between.
 *   <li>If nothing scaled and the previous status says the rollout is complete, delete old RSes
 *       beyond {@code revisionHistoryLimit}.
 * </ol>
 *
 * Only RS objects and their status counts are used; unschedulable surge pods count as
 * unavailable new replicas and freeze step 2.
 */
public final class RollingUpdate {
  private RollingUpdate() {}

  static DeploymentSyncResult rollout(Sync s) {
    Sync.Split split = s.newAndOld(true);
    if (s.collided) return s.collisionResult();
    ReplicaSetState newRS = split.newRS();
    List<ReplicaSetState> all = split.all();
    DeploymentStatus status = s.status(split);
    if (reconcileNewReplicaSet(s, all, newRS).scaled()) return s.result(DeploymentSyncResult.Path.ROLLING_UPDATE, status);
    if (reconcileOldReplicaSets(s, all, Sync.active(split.old()), newRS)) {
      return s.result(DeploymentSyncResult.Path.ROLLING_UPDATE, status);
    }
    if (s.previous.isComplete(s.d)) RevisionHistory.cleanup(s, split.old());
    return s.result(DeploymentSyncResult.Path.ROLLING_UPDATE, status);
  }

  /**
   * Upstream {@code NewRSNewReplicas}: for RollingUpdate, the new RS's current size plus
   * {@code min(replicas + surge − Σspec, replicas − newSpec)} when below the surge ceiling (surge
   * rounded up straight from {@code maxSurge}); for Recreate, {@code replicas}.
   */
  public static int newRSNewReplicas(Deployment d, List<ReplicaSetState> allRSs, ReplicaSetState newRS) {
    int replicas = d.spec().replicas();
    if (!Fenceposts.isRollingUpdate(d)) return replicas;
    int maxSurge = Fenceposts.surgeOf(d).scaledValue(replicas, true);
    int current = Sync.specSum(allRSs);
    int maxTotal = replicas + maxSurge;
    if (current >= maxTotal) return newRS.specReplicas();
    return newRS.specReplicas() + Math.min(maxTotal - current, replicas - newRS.specReplicas());
  }

  /**
   * The scale-down gate of step 2: {@code Σspec(all) − minAvailable − (newSpec − newAvailable)}.
   * Old RSes are scaled down only when it is positive.
   */
  public static int maxScaledDown(Deployment d, List<ReplicaSetState> allRSs, ReplicaSetState newRS) {
    int minAvailable = d.spec().replicas() - Fenceposts.maxUnavailable(d);
    int newUnavailable = newRS.specReplicas() - newRS.availableReplicas();
    return Sync.specSum(allRSs) - minAvailable - newUnavailable;
  }

  static Sync.Scaled reconcileNewReplicaSet(Sync s, List<ReplicaSetState> all, ReplicaSetState newRS) {
    int replicas = s.d.spec().replicas();
    if (newRS.specReplicas() == replicas) return new Sync.Scaled(false, newRS);
    if (newRS.specReplicas() > replicas) return s.scaleAndRecordEvent(newRS, replicas);
    return s.scaleAndRecordEvent(newRS, newRSNewReplicas(s.d, all, newRS));
  }

  static boolean reconcileOldReplicaSets(Sync s, List<ReplicaSetState> all, List<ReplicaSetState> oldActive, ReplicaSetState newRS) {
    if (Sync.specSum(oldActive) == 0) return false;
    int maxScaledDown = maxScaledDown(s.d, all, newRS);
    if (maxScaledDown <= 0) return false;
    List<ReplicaSetState> old = new ArrayList<>(oldActive);
    Integer cleaned = cleanupUnhealthyReplicas(s, old, maxScaledDown);
    if (cleaned == null) return false;
    List<ReplicaSetState> allAfter = new ArrayList<>(old);
    allAfter.add(newRS);
    int scaledDown = scaleDownOldReplicaSetsForRollingUpdate(s, allAfter, old);
    return cleaned + scaledDown > 0;
  }

  /**
   * Upstream {@code cleanupUnhealthyReplicas}: oldest first, removes up to
   * {@code maxCleanupCount} old replicas that are not available; replaces the entries of
   * {@code oldRSs} with the scaled versions. Returns the number removed, or null where upstream
   * fails (an RS reporting more available than desired replicas); writes made before that stand.
   */
  static Integer cleanupUnhealthyReplicas(Sync s, List<ReplicaSetState> oldRSs, int maxCleanupCount) {
    oldRSs.sort(ReplicaSetOrder.BY_CREATION);
    int total = 0;
    for (int i = 0; i < oldRSs.size(); i++) {
      if (total >= maxCleanupCount) break;
      ReplicaSetState rs = oldRSs.get(i);
      if (rs.specReplicas() == 0 || rs.specReplicas() == rs.availableReplicas()) continue;
      int count = Math.min(maxCleanupCount - total, rs.specReplicas() - rs.availableReplicas());
      int newReplicas = rs.specReplicas() - count;
      if (newReplicas > rs.specReplicas()) return null;
      oldRSs.set(i, s.scaleAndRecordEvent(rs, newReplicas).rs());
      total += count;
    }
    return total;
  }

  /**
   * Upstream {@code scaleDownOldReplicaSetsForRollingUpdate}: oldest first, removes
   * {@code Σavailable(allRSs) − minAvailable} replicas from old RSes (statuses as read at the
   * start of the sync).
   */
  static int scaleDownOldReplicaSetsForRollingUpdate(Sync s, List<ReplicaSetState> allRSs, List<ReplicaSetState> oldRSs) {
    int minAvailable = s.d.spec().replicas() - Fenceposts.maxUnavailable(s.d);
    int available = 0;
    for (ReplicaSetState rs : allRSs) available += rs.availableReplicas();
    if (available <= minAvailable) return 0;
    List<ReplicaSetState> sorted = new ArrayList<>(oldRSs);
    sorted.sort(ReplicaSetOrder.BY_CREATION);
    int budget = available - minAvailable;
    int total = 0;
    for (ReplicaSetState rs : sorted) {
      if (total >= budget) break;
      if (rs.specReplicas() == 0) continue;
      int count = Math.min(rs.specReplicas(), budget - total);
      s.scaleAndRecordEvent(rs, rs.specReplicas() - count);
      total += count;
    }
    return total;
  }
}
