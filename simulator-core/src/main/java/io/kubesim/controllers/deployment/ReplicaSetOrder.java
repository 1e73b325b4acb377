package io.kubesim.controllers.deployment;

import io.kubesim.controllers.SimTime;
import java.util.Comparator;

/**
 * The ReplicaSet orders of upstream {@code controller_utils.go} and {@code deployment_util.go}.
 * An absent creationTimestamp is Go's zero time: older than everything.
 */
public final class ReplicaSetOrder {
  private ReplicaSetOrder() {}

  static long created(ReplicaSetState rs) {
    String t = rs.replicaSet().metadata().creationTimestamp();
    return SimTime.isZero(t) ? Long.MIN_VALUE : SimTime.parse(t);
  }

  /** {@code ReplicaSetsByCreationTimestamp}: oldest first, name as tie-break. */
  public static final Comparator<ReplicaSetState> BY_CREATION =
      Comparator.comparingLong(ReplicaSetOrder::created).thenComparing(ReplicaSetState::name);

  /** {@code ReplicaSetsBySizeOlder}: largest first; equal sizes oldest first. */
  public static final Comparator<ReplicaSetState> BY_SIZE_OLDER =
      Comparator.comparingInt(ReplicaSetState::specReplicas).reversed().thenComparing(BY_CREATION);

  /** {@code ReplicaSetsBySizeNewer}: largest first; equal sizes newest first. */
  public static final Comparator<ReplicaSetState> BY_SIZE_NEWER =
      Comparator.comparingInt(ReplicaSetState::specReplicas).reversed().thenComparing(BY_CREATION.reversed());

  /**
   * {@code ReplicaSetsByRevision}: lowest revision first; when either revision does not parse or
   * both are equal, by creation. (A missing revision is 0.)
   */
  public static final Comparator<ReplicaSetState> BY_REVISION = (a, b) -> {
    Long ra = DeploymentAnnotations.revision(a.replicaSet());
    Long rb = DeploymentAnnotations.revision(b.replicaSet());
    if (ra == null || rb == null || ra.equals(rb)) return BY_CREATION.compare(a, b);
    return Long.compare(ra, rb);
  };
}
