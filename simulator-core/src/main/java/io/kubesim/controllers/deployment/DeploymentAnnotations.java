package io.kubesim.controllers.deployment;

import io.kubesim.api.Deployment;
import io.kubesim.api.ReplicaSet;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;

/**
 * The annotations the Deployment controller keeps on its ReplicaSets (upstream
 * {@code deployment_util.go}). {@link #DESIRED_REPLICAS} and {@link #MAX_REPLICAS} are rewritten
 * whenever the controller scales an RS; proportional scaling divides by the latter, and a
 * desired-replicas value different from {@code spec.replicas} marks a scaling event.
 */
public final class DeploymentAnnotations {
  public static final String REVISION = "deployment.kubernetes.io/revision";
  public static final String REVISION_HISTORY = "deployment.kubernetes.io/revision-history";
  public static final String DESIRED_REPLICAS = "deployment.kubernetes.io/desired-replicas";
  public static final String MAX_REPLICAS = "deployment.kubernetes.io/max-replicas";

  /** Deployment annotations never copied to its ReplicaSets. */
  static final Set<String> SKIP_COPY = Set.of(
      "kubectl.kubernetes.io/last-applied-configuration", REVISION, REVISION_HISTORY, DESIRED_REPLICAS, MAX_REPLICAS,
      "deprecated.deployment.rollback.to");

  /** Upstream limits the revision-history annotation to this many characters. */
  static final int MAX_REVISION_HISTORY_CHARS = 2000;

  private DeploymentAnnotations() {}

  /**
   * Upstream {@code Revision}: the revision annotation; 0 when absent; null when it does not
   * parse as an int64 (such RSes are skipped when looking for the highest revision).
   */
  public static Long revision(ReplicaSet rs) {
    String v = rs.metadata().annotations().get(REVISION);
    if (v == null) return 0L;
    try {
      return Long.parseLong(v);
    } catch (NumberFormatException e) {
      return null;
    }
  }

  /** The desired-replicas annotation when it is a non-negative int32 ({@code strconv.ParseUint}). */
  public static OptionalInt desiredReplicas(ReplicaSet rs) {
    return nonNegativeInt32(rs.metadata().annotations().get(DESIRED_REPLICAS));
  }

  /** The max-replicas annotation when it is a non-negative int32. */
  public static OptionalInt maxReplicas(ReplicaSet rs) {
    return nonNegativeInt32(rs.metadata().annotations().get(MAX_REPLICAS));
  }

  private static OptionalInt nonNegativeInt32(String v) {
    if (v == null || v.isEmpty() || !v.chars().allMatch(c -> c >= '0' && c <= '9')) return OptionalInt.empty();
    try {
      long n = Long.parseLong(v);
      return n > Integer.MAX_VALUE ? OptionalInt.empty() : OptionalInt.of((int) n);
    } catch (NumberFormatException e) {
      return OptionalInt.empty();
    }
  }

  static boolean replicasAnnotationsNeedUpdate(ReplicaSet rs, int desired, int max) {
    Map<String, String> a = rs.metadata().annotations();
    return !Integer.toString(desired).equals(a.get(DESIRED_REPLICAS)) || !Integer.toString(max).equals(a.get(MAX_REPLICAS));
  }

  static Map<String, String> withReplicasAnnotations(Map<String, String> annotations, int desired, int max) {
    Map<String, String> a = new HashMap<>(annotations);
    a.put(DESIRED_REPLICAS, Integer.toString(desired));
    a.put(MAX_REPLICAS, Integer.toString(max));
    return a;
  }

  /**
   * Upstream {@code SetNewReplicaSetAnnotations}: copies the Deployment's annotations (except
   * {@link #SKIP_COPY}), raises the revision to {@code newRevision} when it is higher (keeping the
   * previous one in {@link #REVISION_HISTORY}), and for an RS about to be created sets
   * desired/max replicas. Returns null when nothing changed.
   */
  static Map<String, String> newReplicaSetAnnotations(Deployment d, Map<String, String> current, long newRevision, boolean exists) {
    Map<String, String> a = new HashMap<>(current);
    boolean changed = false;
    for (Map.Entry<String, String> e : d.metadata().annotations().entrySet()) {
      if (SKIP_COPY.contains(e.getKey()) || e.getValue().equals(a.get(e.getKey()))) continue;
      a.put(e.getKey(), e.getValue());
      changed = true;
    }
    String oldRevision = a.get(REVISION);
    long oldRevisionInt = 0;
    if (oldRevision != null && !oldRevision.isEmpty()) {
      try {
        oldRevisionInt = Long.parseLong(oldRevision);
      } catch (NumberFormatException e) {
        return null; // upstream logs and reports "unchanged"
      }
    }
    if (oldRevisionInt < newRevision) {
      a.put(REVISION, Long.toString(newRevision));
      changed = true;
      if (oldRevision != null) appendRevisionHistory(a, oldRevision);
    }
    if (!exists) {
      int desired = d.spec().replicas();
      a.put(DESIRED_REPLICAS, Integer.toString(desired));
      a.put(MAX_REPLICAS, Integer.toString(desired + Fenceposts.maxSurge(d)));
      changed = true;
    }
    return changed ? a : null;
  }

  private static void appendRevisionHistory(Map<String, String> a, String oldRevision) {
    String history = a.getOrDefault(REVISION_HISTORY, "");
    if (history.isEmpty()) {
      a.put(REVISION_HISTORY, oldRevision);
      return;
    }
    String[] old = history.split(",", -1);
    int totalLen = history.length() + oldRevision.length() + 1;
    int start = 0;
    while (totalLen > MAX_REVISION_HISTORY_CHARS && start < old.length) {
      totalLen -= old[start].length() + 1;
      start++;
    }
    if (totalLen <= MAX_REVISION_HISTORY_CHARS) {
      StringBuilder sb = new StringBuilder();
      for (int i = start; i < old.length; i++) sb.append(old[i]).append(',');
      a.put(REVISION_HISTORY, sb.append(oldRevision).toString());
    }
  }
}
