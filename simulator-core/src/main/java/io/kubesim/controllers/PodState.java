package io.kubesim.controllers;

import io.kubesim.api.Pod;
import io.kubesim.api.PodCondition;

/**
 * Pod predicates shared by the controllers (upstream {@code podutil} and {@code controller}
 * helpers). Phases: a null phase counts as {@code Pending}.
 */
public final class PodState {
  public static final String PENDING = "Pending";
  public static final String RUNNING = "Running";
  public static final String SUCCEEDED = "Succeeded";
  public static final String FAILED = "Failed";
  public static final String UNKNOWN = "Unknown";

  private PodState() {}

  public static String phase(Pod pod) {
    String p = pod.status().phase();
    return p == null || p.isEmpty() ? PENDING : p;
  }

  /** Upstream {@code controller.IsPodActive}: not Succeeded/Failed and no deletionTimestamp. */
  public static boolean isActive(Pod pod) {
    String p = phase(pod);
    return !SUCCEEDED.equals(p) && !FAILED.equals(p) && !pod.isTerminating();
  }

  /** The {@code Ready} condition is True. */
  public static boolean isReady(Pod pod) {
    return pod.status().isReady();
  }

  /**
   * {@code Ready.lastTransitionTime} in ms when the pod is ready and the time is set, else null
   * (upstream's zero time).
   */
  public static Long readySinceMs(Pod pod) {
    if (!isReady(pod)) return null;
    PodCondition c = pod.status().condition("Ready");
    return SimTime.isZero(c.lastTransitionTime()) ? null : SimTime.parse(c.lastTransitionTime());
  }

  /**
   * Upstream {@code podutil.IsPodAvailable} (v1.35): ready, and either {@code minReadySeconds} is 0
   * or {@code Ready.lastTransitionTime + minReadySeconds <= now}. The transition time is the
   * second-truncated API value; {@code nowMs} is not truncated. A ready pod without a transition
   * time is available only when {@code minReadySeconds} is 0.
   */
  public static boolean isAvailable(Pod pod, int minReadySeconds, long nowMs) {
    if (!isReady(pod)) return false;
    if (minReadySeconds == 0) return true;
    Long since = readySinceMs(pod);
    return since != null && since + minReadySeconds * 1000L <= nowMs;
  }

  /**
   * When a ready pod becomes available: its ready transition time plus {@code minReadySeconds},
   * or null when it is not ready or has no transition time. The RS controller re-queues itself
   * for this moment.
   */
  public static Long availableAtMs(Pod pod, int minReadySeconds) {
    Long since = readySinceMs(pod);
    return since == null ? null : since + minReadySeconds * 1000L;
  }
}
