package io.kubesim.controllers.disruption;

import io.kubesim.api.OwnerReference;
import io.kubesim.api.Pod;
import io.kubesim.controllers.PodState;
import io.kubesim.controllers.SimTime;

/**
 * {@code kubectl drain}'s pod filters (kubectl {@code drain/filters.go}), applied in order to every
 * pod on the node; the first filter that does not say "delete" decides. A drain cordons the node,
 * aborts before evicting anything if any pod is {@link Verdict#ERROR}, then evicts every
 * {@link Verdict#EVICT} pod concurrently through {@link Eviction}, retrying a 429 after
 * {@link #EVICT_RETRY_DELAY_MS} (forever, unless {@code --timeout}), and waits for the pods to be
 * gone.
 */
public final class Drain {
  /** kubectl's {@code EvictErrorRetryDelay}. */
  public static final long EVICT_RETRY_DELAY_MS = 5_000;
  public static final String MIRROR_POD_ANNOTATION = "kubernetes.io/config.mirror";

  private Drain() {}

  /**
   * Drain flags.
   *
   * @param skipWaitForDeleteTimeoutSeconds pods deleting for longer than this are skipped; 0 = off
   */
  public record Options(boolean ignoreDaemonSets, boolean deleteEmptyDirData, boolean force, long skipWaitForDeleteTimeoutSeconds) {
    public static final Options DEFAULTS = new Options(false, false, false, 0);
  }

  public enum Verdict { EVICT, SKIP, ERROR }

  /** @param reason kubectl's message, or null for a plain eviction */
  public record Decision(Verdict verdict, String reason) {}

  /**
   * @param daemonSetExists whether the DaemonSet controlling the pod (if any) still exists
   * @param hasEmptyDir whether the pod mounts an emptyDir volume (pod records do not carry volumes)
   */
  public static Decision filter(Pod pod, Options o, boolean daemonSetExists, boolean hasEmptyDir, long nowMs) {
    String phase = PodState.phase(pod);
    boolean finished = PodState.SUCCEEDED.equals(phase) || PodState.FAILED.equals(phase);
    String deletion = pod.metadata().deletionTimestamp();
    if (o.skipWaitForDeleteTimeoutSeconds() > 0 && !SimTime.isZero(deletion)
        && nowMs - SimTime.parse(deletion) > o.skipWaitForDeleteTimeoutSeconds() * 1000) {
      return new Decision(Verdict.SKIP, "deleting for longer than the skip-wait-for-delete timeout");
    }
    OwnerReference ref = pod.metadata().controllerRef();
    if (ref != null && "DaemonSet".equals(ref.kind()) && !finished) {
      if (!daemonSetExists) {
        return o.force() ? new Decision(Verdict.EVICT, "orphaned DaemonSet pod deleted with --force") : new Decision(Verdict.ERROR,
            "daemonset \"" + ref.name() + "\" not found");
      }
      if (!o.ignoreDaemonSets()) return new Decision(Verdict.ERROR, "cannot delete DaemonSet-managed Pods (use --ignore-daemonsets to ignore)");
      return new Decision(Verdict.SKIP, "ignoring DaemonSet-managed Pods");
    }
    if (pod.metadata().annotations().containsKey(MIRROR_POD_ANNOTATION)) return new Decision(Verdict.SKIP, "mirror pod");
    if (hasEmptyDir && !finished && !o.deleteEmptyDirData()) {
      return new Decision(Verdict.ERROR, "cannot delete Pods with local storage (use --delete-emptydir-data to override)");
    }
    if (!finished && ref == null) {
      return o.force() ? new Decision(Verdict.EVICT, "deleting Pods that declare no controller")
          : new Decision(Verdict.ERROR, "cannot delete Pods that declare no controller (use --force to override)");
    }
    return new Decision(Verdict.EVICT, null);
  }
}
