package io.kubesim.controllers.deployment;

import io.kubesim.api.Deployment;
import java.util.ArrayList;
import java.util.List;

/**
 * Upstream {@code sync} / {@code scale}: what the controller does for a paused Deployment or on a
 * scaling event (an active RS whose desired-replicas annotation differs from
 * {@code spec.replicas}) — resize without rolling.
 *
 * <ol>
 *   <li>At most one active RS: it (or the newest RS) gets {@code replicas}.
 *   <li>The new RS is saturated (size, annotation and available all equal {@code replicas}): old
 *       active RSes go to 0.
 *   <li>RollingUpdate: distribute {@code toAdd = (replicas + maxSurge) − Σspec} over the active
 *       RSes, largest first (ties: newer first when adding, older first when removing), each
 *       getting {@code round(spec × (replicas + maxSurge) / max-replicas annotation) − spec},
 *       capped by what is left; the leftover goes to the first (largest) RS. Every active RS is
 *       written, so all get the new desired/max-replicas annotations.
 * </ol>
 */
public final class ProportionalScaling {
  private ProportionalScaling() {}

  static DeploymentSyncResult sync(Sync s) {
    Sync.Split split = s.newAndOld(false);
    DeploymentStatus status = s.status(split);
    scale(s, split.newRS(), split.old());
    if (s.d.spec().paused()) RevisionHistory.cleanup(s, split.old());
    return s.result(DeploymentSyncResult.Path.SCALE, status);
  }

  /** Upstream {@code isScalingEvent}. Syncs the new RS's revision annotations as a side effect, like upstream. */
  static boolean isScalingEvent(Sync s) {
    Sync.Split split = s.newAndOld(false);
    for (ReplicaSetState rs : Sync.active(split.all())) {
      var desired = DeploymentAnnotations.desiredReplicas(rs.replicaSet());
      if (desired.isPresent() && desired.getAsInt() != s.d.spec().replicas()) return true;
    }
    return false;
  }

  static void scale(Sync s, ReplicaSetState newRS, List<ReplicaSetState> oldRSs) {
    Deployment d = s.d;
    List<ReplicaSetState> oldNewestFirst = new ArrayList<>(oldRSs);
    oldNewestFirst.sort(ReplicaSetOrder.BY_CREATION.reversed());
    ReplicaSetState activeOrLatest = findActiveOrLatest(newRS, oldNewestFirst);
    if (activeOrLatest != null) {
      if (activeOrLatest.specReplicas() != d.spec().replicas()) s.scaleAndRecordEvent(activeOrLatest, d.spec().replicas());
      return;
    }
    if (isSaturated(d, newRS)) {
      for (ReplicaSetState old : Sync.active(oldRSs)) s.scaleAndRecordEvent(old, 0);
      return;
    }
    if (!Fenceposts.isRollingUpdate(d)) return;
    List<ReplicaSetState> candidates = new ArrayList<>(oldNewestFirst);
    if (newRS != null) candidates.add(newRS);
    List<ReplicaSetState> active = Sync.active(candidates);
    int allowed = d.spec().replicas() > 0 ? d.spec().replicas() + Fenceposts.maxSurge(d) : 0;
    int toAdd = allowed - Sync.specSum(active);
    String operation = "";
    if (toAdd > 0) {
      active.sort(ReplicaSetOrder.BY_SIZE_NEWER);
      operation = "up";
    } else if (toAdd < 0) {
      active.sort(ReplicaSetOrder.BY_SIZE_OLDER);
      operation = "down";
    }
    int added = 0;
    int[] sizes = new int[active.size()];
    for (int i = 0; i < active.size(); i++) {
      ReplicaSetState rs = active.get(i);
      if (toAdd != 0) {
        int p = proportion(rs, d, s.previous.replicas(), toAdd, added);
        sizes[i] = rs.specReplicas() + p;
        added += p;
      } else {
        sizes[i] = rs.specReplicas();
      }
    }
    for (int i = 0; i < active.size(); i++) {
      if (i == 0 && toAdd != 0) sizes[0] = Math.max(sizes[0] + toAdd - added, 0);
      s.scale(active.get(i), sizes[i], operation);
    }
  }

  /**
   * Upstream {@code FindActiveOrLatest}: the only active RS; with none active, the new RS or else
   * the newest old one; null when several are active.
   */
  static ReplicaSetState findActiveOrLatest(ReplicaSetState newRS, List<ReplicaSetState> oldNewestFirst) {
    if (newRS == null && oldNewestFirst.isEmpty()) return null;
    List<ReplicaSetState> all = new ArrayList<>(oldNewestFirst);
    if (newRS != null) all.add(newRS);
    List<ReplicaSetState> active = Sync.active(all);
    if (active.isEmpty()) return newRS != null ? newRS : oldNewestFirst.get(0);
    return active.size() == 1 ? active.get(0) : null;
  }

  /** Upstream {@code IsSaturated}: spec, desired-replicas annotation and available all equal {@code replicas}. */
  public static boolean isSaturated(Deployment d, ReplicaSetState rs) {
    if (rs == null) return false;
    String desired = rs.replicaSet().metadata().annotations().get(DeploymentAnnotations.DESIRED_REPLICAS);
    int want = d.spec().replicas();
    try {
      return desired != null && rs.specReplicas() == want && Integer.parseInt(desired) == want && rs.availableReplicas() == want;
    } catch (NumberFormatException e) {
      return false;
    }
  }

  /**
   * Upstream {@code GetReplicaSetProportion}: this RS's share of {@code toAdd}, bounded by what
   * is still to be distributed ({@code toAdd − added}).
   *
   * @param deploymentStatusReplicas {@code d.status.replicas}, the fallback denominator when the
   *     RS has no usable max-replicas annotation
   */
  public static int proportion(ReplicaSetState rs, Deployment d, int deploymentStatusReplicas, int toAdd, int added) {
    if (rs == null || rs.specReplicas() == 0 || toAdd == 0 || toAdd == added) return 0;
    int fraction = fraction(rs, d, deploymentStatusReplicas);
    int allowed = toAdd - added;
    return toAdd > 0 ? Math.min(fraction, allowed) : Math.max(fraction, allowed);
  }

  /**
   * Upstream {@code getReplicaSetFraction}: {@code round(spec × (replicas + maxSurge) / before) −
   * spec} with {@code before} = the max-replicas annotation (or status.replicas when it is missing
   * or 0; fraction 0 when that is 0 too); {@code −spec} when scaling to 0. Rounds half away from
   * zero ({@code integer.RoundToInt32}).
   */
  static int fraction(ReplicaSetState rs, Deployment d, int deploymentStatusReplicas) {
    if (d.spec().replicas() == 0) return -rs.specReplicas();
    int deploymentMaxReplicas = d.spec().replicas() + Fenceposts.maxSurge(d);
    var annotated = DeploymentAnnotations.maxReplicas(rs.replicaSet());
    int before = annotated.isPresent() && annotated.getAsInt() != 0 ? annotated.getAsInt() : deploymentStatusReplicas;
    if (before == 0) return 0;
    double size = (double) ((long) rs.specReplicas() * deploymentMaxReplicas) / before;
    return (int) roundHalfAwayFromZero(size) - rs.specReplicas();
  }

  static long roundHalfAwayFromZero(double x) {
    return (long) (Math.signum(x) * Math.floor(Math.abs(x) + 0.5));
  }
}
