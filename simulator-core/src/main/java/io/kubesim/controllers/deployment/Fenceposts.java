package io.kubesim.controllers.deployment;

import io.kubesim.api.Deployment;
import io.kubesim.api.IntOrString;

/**
 * Resolved {@code maxSurge} / {@code maxUnavailable} of a rolling update (upstream
 * {@code ResolveFenceposts}): a percentage of the desired replicas, surge rounded up,
 * unavailable rounded down; when both resolve to 0, unavailable becomes 1 so a rollout can
 * always progress.
 *
 * <p>The API defaults a RollingUpdate strategy's missing fields to 25%; a null field in
 * {@link Deployment.Strategy} is read that way here.
 */
public record Fenceposts(int maxSurge, int maxUnavailable) {
  public static final String ROLLING_UPDATE = "RollingUpdate";
  public static final String RECREATE = "Recreate";
  private static final IntOrString DEFAULT = IntOrString.percent(25);

  public static Fenceposts resolve(IntOrString maxSurge, IntOrString maxUnavailable, int desired) {
    int surge = (maxSurge == null ? IntOrString.of(0) : maxSurge).scaledValue(desired, true);
    int unavailable = (maxUnavailable == null ? IntOrString.of(0) : maxUnavailable).scaledValue(desired, false);
    if (surge == 0 && unavailable == 0) unavailable = 1;
    return new Fenceposts(surge, unavailable);
  }

  public static boolean isRollingUpdate(Deployment d) {
    return ROLLING_UPDATE.equals(d.strategy().type());
  }

  /** The strategy's maxSurge after API defaulting. */
  static IntOrString surgeOf(Deployment d) {
    IntOrString s = d.strategy().maxSurge();
    return s == null ? DEFAULT : s;
  }

  static IntOrString unavailableOf(Deployment d) {
    IntOrString u = d.strategy().maxUnavailable();
    return u == null ? DEFAULT : u;
  }

  /** Upstream {@code MaxSurge}: the resolved surge for RollingUpdate, 0 otherwise. */
  public static int maxSurge(Deployment d) {
    if (!isRollingUpdate(d)) return 0;
    return resolve(surgeOf(d), unavailableOf(d), d.spec().replicas()).maxSurge();
  }

  /** Upstream {@code MaxUnavailable}: resolved and capped at replicas; 0 for Recreate or 0 replicas. */
  public static int maxUnavailable(Deployment d) {
    int replicas = d.spec().replicas();
    if (!isRollingUpdate(d) || replicas == 0) return 0;
    return Math.min(resolve(surgeOf(d), unavailableOf(d), replicas).maxUnavailable(), replicas);
  }

  /** Upstream {@code MinAvailable}: replicas minus maxUnavailable for RollingUpdate, 0 otherwise. */
  public static int minAvailable(Deployment d) {
    return isRollingUpdate(d) ? d.spec().replicas() - maxUnavailable(d) : 0;
  }
}
