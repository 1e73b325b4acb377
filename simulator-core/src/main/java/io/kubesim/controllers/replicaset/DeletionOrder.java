package io.kubesim.controllers.replicaset;

import io.kubesim.api.Pod;
import io.kubesim.controllers.PodState;
import io.kubesim.controllers.SimTime;
import java.util.ArrayList;
import java.util.List;

/**
 * Upstream {@code ActivePodsWithRanks.Less}: which of two pods a ReplicaSet deletes first. The
 * first rule that tells them apart decides:
 *
 * <ol>
 *   <li>unassigned before assigned;
 *   <li>phase Pending before Unknown before Running (other phases rank with Pending);
 *   <li>not ready before ready;
 *   <li>lower {@code controller.kubernetes.io/pod-deletion-cost} first (missing or invalid = 0);
 *   <li>higher rank first (more active related pods on the same node);
 *   <li>both ready with different ready times: more recently ready first, compared in log2 buckets
 *       of {@code now − readyTime} in nanoseconds ({@code LogarithmicScaleDown}, GA); equal buckets
 *       → smaller UID first; a missing ready time counts as most recent;
 *   <li>more container restarts first, then more sidecar restarts;
 *   <li>different creation times: newer first, same log2 bucket + UID rule as 6.
 * </ol>
 *
 * Timestamps are the API's whole seconds; {@code now} is not truncated. Go's sort is not stable,
 * so upstream leaves exact ties (and the bucket rules can make the order intransitive) to chance;
 * {@link #sort} breaks remaining ties by UID, then name, with a merge sort that tolerates an
 * inconsistent order.
 */
public final class DeletionOrder {
  public static final String POD_DELETION_COST = "controller.kubernetes.io/pod-deletion-cost";

  private DeletionOrder() {}

  /** A pod and its rank (active related pods on its node, itself included). */
  public record RankedPod(Pod pod, int rank) {}

  /** Upstream {@code Less(i, j)}: true when {@code a} is deleted before {@code b}. */
  public static boolean less(RankedPod a, RankedPod b, long nowMs, RestartCounts restarts) {
    Pod p = a.pod();
    Pod q = b.pod();
    String pn = p.spec().nodeName();
    String qn = q.spec().nodeName();
    if (!pn.equals(qn) && (pn.isEmpty() || qn.isEmpty())) return pn.isEmpty();
    int pp = phaseOrdinal(p);
    int qp = phaseOrdinal(q);
    if (pp != qp) return pp < qp;
    boolean pr = PodState.isReady(p);
    boolean qr = PodState.isReady(q);
    if (pr != qr) return !pr;
    int pc = deletionCost(p);
    int qc = deletionCost(q);
    if (pc != qc) return pc < qc;
    if (a.rank() != b.rank()) return a.rank() > b.rank();
    if (pr && qr) {
      Long t1 = PodState.readySinceMs(p);
      Long t2 = PodState.readySinceMs(q);
      if (!java.util.Objects.equals(t1, t2)) return newerFirst(t1, t2, p, q, nowMs);
    }
    int r1 = restarts.maxContainerRestarts(p);
    int r2 = restarts.maxContainerRestarts(q);
    if (r1 != r2) return r1 > r2;
    int s1 = restarts.maxSidecarRestarts(p);
    int s2 = restarts.maxSidecarRestarts(q);
    if (s1 != s2) return s1 > s2;
    Long c1 = created(p);
    Long c2 = created(q);
    if (!java.util.Objects.equals(c1, c2)) return newerFirst(c1, c2, p, q, nowMs);
    return false;
  }

  /** Rules 6 and 8: with {@code LogarithmicScaleDown}; a null (zero) time is the most recent. */
  private static boolean newerFirst(Long t1, Long t2, Pod p, Pod q, long nowMs) {
    if (t1 == null || t2 == null) return t1 == null;
    long rankDiff = logBucket(nowMs, t1) - logBucket(nowMs, t2);
    if (rankDiff == 0) return p.metadata().uid().compareTo(q.metadata().uid()) < 0;
    return rankDiff < 0;
  }

  /**
   * {@code floor(log2(now − t))} with the duration in nanoseconds, −1 when it is not positive.
   * Exact for durations below 2^53 ns (104 days); upstream takes {@code math.Log2} of a float64.
   */
  public static long logBucket(long nowMs, long tMs) {
    long d = (nowMs - tMs) * 1_000_000L;
    return d > 0 ? Math.getExponent((double) d) : -1;
  }

  static int phaseOrdinal(Pod pod) {
    return switch (PodState.phase(pod)) {
      case PodState.UNKNOWN -> 1;
      case PodState.RUNNING -> 2;
      default -> 0;
    };
  }

  /**
   * Upstream {@code GetDeletionCostFromPodAnnotations}: an int32 without a leading '+' or leading
   * zeros ("0" itself is fine); anything else is 0.
   */
  public static int deletionCost(Pod pod) {
    String v = pod.metadata().annotations().get(POD_DELETION_COST);
    if (v == null || v.isEmpty()) return 0;
    char c = v.charAt(0);
    boolean validFirst = c == '-' || v.equals("0") || (c >= '1' && c <= '9');
    if (!validFirst) return 0;
    try {
      return Integer.parseInt(v);
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  private static Long created(Pod pod) {
    String t = pod.metadata().creationTimestamp();
    return SimTime.isZero(t) ? null : SimTime.parse(t);
  }

  /** The pods in deletion order (first = deleted first). */
  public static List<RankedPod> sort(List<RankedPod> pods, long nowMs, RestartCounts restarts) {
    List<RankedPod> list = new ArrayList<>(pods);
    mergeSort(list, 0, list.size(), nowMs, restarts);
    return list;
  }

  private static int compare(RankedPod a, RankedPod b, long nowMs, RestartCounts restarts) {
    if (less(a, b, nowMs, restarts)) return -1;
    if (less(b, a, nowMs, restarts)) return 1;
    int c = a.pod().metadata().uid().compareTo(b.pod().metadata().uid());
    return c != 0 ? c : a.pod().name().compareTo(b.pod().name());
  }

  private static void mergeSort(List<RankedPod> list, int from, int to, long nowMs, RestartCounts restarts) {
    if (to - from < 2) return;
    int mid = (from + to) >>> 1;
    mergeSort(list, from, mid, nowMs, restarts);
    mergeSort(list, mid, to, nowMs, restarts);
    List<RankedPod> merged = new ArrayList<>(to - from);
    int i = from;
    int j = mid;
    while (i < mid && j < to) {
      if (compare(list.get(j), list.get(i), nowMs, restarts) < 0) merged.add(list.get(j++));
      else merged.add(list.get(i++));
    }
    while (i < mid) merged.add(list.get(i++));
    while (j < to) merged.add(list.get(j++));
    for (int k = 0; k < merged.size(); k++) list.set(from + k, merged.get(k));
  }
}
