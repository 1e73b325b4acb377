package io.kubesim.controllers.statefulset;

import io.kubesim.api.IntOrString;
import io.kubesim.api.ObjectMeta;
import io.kubesim.api.OwnerReference;
import io.kubesim.api.Pod;
import io.kubesim.api.PodSpec;
import io.kubesim.api.PodStatus;
import io.kubesim.api.PodTemplateSpec;
import io.kubesim.api.StatefulSet;
import io.kubesim.controllers.PodState;
import io.kubesim.controllers.SimTime;
import io.kubesim.controllers.deployment.PodTemplateHash;
import io.kubesim.controllers.statefulset.StatefulSetSyncResult.Create;
import io.kubesim.controllers.statefulset.StatefulSetSyncResult.Delete;
import io.kubesim.controllers.statefulset.StatefulSetSyncResult.Reason;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Upstream {@code updateStatefulSet}: one sync of a StatefulSet.
 *
 * <ol>
 *   <li>Replicas (ordinals {@code 0 .. replicas−1}): a Succeeded/Failed pod is deleted (to be
 *       re-created); a missing ordinal is created at its revision (the current revision below the
 *       partition, the update revision otherwise). With {@code OrderedReady} the sync stops at the
 *       first pod it created, or that is terminating, not Running and Ready, or not available for
 *       {@code minReadySeconds}; {@code Parallel} handles every ordinal at once.
 *   <li>Condemned pods (ordinal ≥ replicas), highest first: with OrderedReady one per sync, and
 *       only while every other pod is healthy (the first unhealthy pod itself may go); Parallel
 *       deletes all.
 *   <li>OnDelete stops here. RollingUpdate deletes the highest ordinal ≥ {@code partition} whose
 *       revision is not the update revision, one at a time, waiting for the pod above it to be
 *       Running and Ready again. With the {@code MaxUnavailableStatefulSet} gate (off by default
 *       in v1.35) up to {@code maxUnavailable} pods go at once.
 * </ol>
 *
 * Not modelled: {@code spec.ordinals.start} (always 0), PVCs and their retention policy, identity
 * and storage repairs of existing pods, ControllerRevision objects (a revision is named
 * {@code <set>-<hash of the template>}, see {@link #revisionName}).
 */
public final class StatefulSetController {
  /** The pod label holding the pod's revision. */
  public static final String REVISION_LABEL = "controller-revision-hash";
  public static final String POD_NAME_LABEL = "statefulset.kubernetes.io/pod-name";
  public static final String POD_INDEX_LABEL = "apps.kubernetes.io/pod-index";
  public static final String PARALLEL = "Parallel";
  public static final String ORDERED_READY = "OrderedReady";
  public static final String ON_DELETE = "OnDelete";
  public static final String ROLLING_UPDATE = "RollingUpdate";

  private static final Pattern ORDINAL = Pattern.compile("(.*)-([0-9]+)$");

  private StatefulSetController() {}

  /** The revision name of the set's current template: {@code <set>-<hash>}. */
  public static String revisionName(StatefulSet set) {
    return set.metadata().name() + "-" + PodTemplateHash.compute(set.spec().template(), null);
  }

  public static String podName(StatefulSet set, int ordinal) {
    return set.metadata().name() + "-" + ordinal;
  }

  /** The ordinal in the pod's name ({@code <parent>-<n>}), or −1. */
  public static int ordinal(Pod pod) {
    Matcher m = ORDINAL.matcher(pod.name());
    if (!m.matches()) return -1;
    try {
      return Integer.parseInt(m.group(2));
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  public static String revisionOf(Pod pod) {
    return pod.labels().getOrDefault(REVISION_LABEL, "");
  }

  /**
   * Upstream {@code newStatefulSetPod}: a Pending pod {@code <set>-<ordinal>} from
   * {@code setAtRevision}'s template, labelled with its name, index and revision, controlled by
   * the set, created at {@code nowMs} (uid left to the engine).
   */
  public static Pod newPod(StatefulSet setAtRevision, int ordinal, String revision, long nowMs) {
    PodTemplateSpec t = setAtRevision.spec().template();
    Map<String, String> labels = new HashMap<>(t == null || t.metadata() == null ? Map.of() : t.metadata().labels());
    String name = podName(setAtRevision, ordinal);
    labels.put(POD_NAME_LABEL, name);
    labels.put(POD_INDEX_LABEL, Integer.toString(ordinal));
    labels.put(REVISION_LABEL, revision);
    Map<String, String> annotations = t == null || t.metadata() == null ? Map.of() : t.metadata().annotations();
    OwnerReference owner = new OwnerReference("apps/v1", "StatefulSet", setAtRevision.metadata().name(), setAtRevision.metadata().uid(), true);
    ObjectMeta meta = new ObjectMeta(name, setAtRevision.metadata().namespace(), null, labels, annotations, List.of(owner), SimTime.format(nowMs),
        null);
    return new Pod(meta, t == null || t.spec() == null ? PodSpec.EMPTY : t.spec(), PodStatus.PENDING);
  }

  /**
   * One sync with the {@code MaxUnavailableStatefulSet} gate off (the v1.35 default).
   *
   * @param currentRevision {@code status.currentRevision} from the previous sync, or null the
   *     first time (then the update revision is current)
   * @param pods the pods the set owns
   */
  public static StatefulSetSyncResult sync(StatefulSet set, String currentRevision, List<Pod> pods, long nowMs) {
    return sync(set, currentRevision, pods, nowMs, false);
  }

  public static StatefulSetSyncResult sync(StatefulSet set, String currentRevision, List<Pod> pods, long nowMs, boolean maxUnavailableGate) {
    return new Run(set, currentRevision, pods, nowMs, maxUnavailableGate).sync();
  }

  private static final class Run {
    final StatefulSet set;
    final String current;
    final String update;
    final List<Pod> pods;
    final long nowMs;
    final boolean gate;
    final boolean monotonic;
    final int minReady;
    final List<Create> create = new ArrayList<>();
    final List<Delete> delete = new ArrayList<>();

    /** A replica slot: an existing pod, or one this sync creates. */
    record Slot(int ordinal, Pod pod, String newRevision) {
      boolean created() {
        return pod != null;
      }

      String revision() {
        return pod != null ? revisionOf(pod) : newRevision;
      }
    }

    Run(StatefulSet set, String currentRevision, List<Pod> pods, long nowMs, boolean gate) {
      this.set = set;
      this.update = revisionName(set);
      this.current = currentRevision == null ? update : currentRevision;
      this.pods = pods;
      this.nowMs = nowMs;
      this.gate = gate;
      this.monotonic = !PARALLEL.equals(set.spec().podManagementPolicy());
      this.minReady = set.spec().minReadySeconds();
    }

    StatefulSet.UpdateStrategy strategy() {
      return set.spec().updateStrategy() == null ? StatefulSet.UpdateStrategy.DEFAULT : set.spec().updateStrategy();
    }

    boolean runningAndReady(Pod p) {
      return PodState.RUNNING.equals(PodState.phase(p)) && PodState.isReady(p);
    }

    boolean available(Pod p) {
      return PodState.isAvailable(p, minReady, nowMs);
    }

    boolean healthy(Slot s) {
      return s.created() && runningAndReady(s.pod()) && !s.pod().isTerminating();
    }

    StatefulSetSyncResult sync() {
      int replicaCount = set.spec().replicas();
      Slot[] replicas = new Slot[replicaCount];
      List<Pod> condemned = new ArrayList<>();
      for (Pod p : pods) {
        int ord = ordinal(p);
        if (ord >= 0 && ord < replicaCount) replicas[ord] = new Slot(ord, p, null);
        else if (ord >= 0) condemned.add(p);
      }
      boolean rolling = ROLLING_UPDATE.equals(strategy().type());
      for (int ord = 0; ord < replicaCount; ord++) {
        if (replicas[ord] == null) replicas[ord] = new Slot(ord, null, rolling && ord < strategy().partition() ? current : update);
      }
      condemned.sort((a, b) -> Integer.compare(ordinal(b), ordinal(a)));
      Pod firstUnhealthy = null;
      for (Slot s : replicas) {
        if (!healthy(s) && firstUnhealthy == null) firstUnhealthy = s.created() ? s.pod() : PLACEHOLDER;
      }
      for (int i = condemned.size() - 1; i >= 0 && firstUnhealthy == null; i--) {
        Pod p = condemned.get(i);
        if (!(runningAndReady(p) && !p.isTerminating())) firstUnhealthy = p;
      }
      StatefulSetSyncResult.Status status = status(0);
      if (set.metadata().isTerminating()) return result(status);

      boolean exit = false;
      for (Slot s : replicas) {
        if (processReplica(s) && monotonic) {
          exit = true;
          break;
        }
      }
      if (exit) return result(status);
      for (Pod p : condemned) {
        if (processCondemned(p, firstUnhealthy) && monotonic) return result(status);
      }
      if (ON_DELETE.equals(strategy().type())) return result(status);
      if (gate) return result(updateWithMaxUnavailable(replicas, status));
      for (int target = replicas.length - 1; target >= strategy().partition(); target--) {
        Slot s = replicas[target];
        if (!s.revision().equals(update) && !(s.created() && s.pod().isTerminating())) {
          // a terminal pod deleted above is deleted once; upstream's second DELETE is a no-op
          if (delete.stream().noneMatch(x -> x.pod() == s.pod())) delete.add(new Delete(s.pod(), Reason.UPDATE));
          return result(status(1));
        }
        if (!healthy(s)) return result(status);
      }
      return result(status);
    }

    /** Upstream {@code processReplica}; true = "stop here" in OrderedReady mode. */
    boolean processReplica(Slot s) {
      if (!s.created()) {
        create.add(new Create(s.ordinal(), podName(set, s.ordinal()), s.newRevision()));
        return true;
      }
      Pod p = s.pod();
      String phase = PodState.phase(p);
      if (PodState.FAILED.equals(phase) || PodState.SUCCEEDED.equals(phase)) {
        if (!p.isTerminating()) delete.add(new Delete(p, Reason.TERMINAL));
        return true;
      }
      if (p.isTerminating()) return true;
      if (!runningAndReady(p)) return true;
      return !available(p);
    }

    /** Upstream {@code processCondemned}; true = "stop here" in OrderedReady mode. */
    boolean processCondemned(Pod p, Pod firstUnhealthy) {
      if (p.isTerminating()) return monotonic;
      if (monotonic && p != firstUnhealthy && (!runningAndReady(p) || !available(p))) return true;
      delete.add(new Delete(p, Reason.CONDEMNED));
      return true;
    }

    /** Upstream {@code updateStatefulSetAfterInvariantEstablished} (gate on). */
    StatefulSetSyncResult.Status updateWithMaxUnavailable(Slot[] replicas, StatefulSetSyncResult.Status status) {
      IntOrString configured = strategy().maxUnavailable();
      int maxUnavailable = 1;
      if (ROLLING_UPDATE.equals(strategy().type())) {
        maxUnavailable = Math.max((configured == null ? IntOrString.of(1) : configured).scaledValue(replicas.length, false), 1);
      }
      int unavailable = 0;
      for (Slot s : replicas) {
        if (!healthy(s)) unavailable++;
      }
      if (unavailable >= maxUnavailable) return status;
      int toDelete = maxUnavailable - unavailable;
      int deleted = 0;
      for (int target = replicas.length - 1; target >= strategy().partition() && deleted < toDelete; target--) {
        Slot s = replicas[target];
        if (!s.revision().equals(update) && !(s.created() && s.pod().isTerminating())) {
          delete.add(new Delete(s.pod(), Reason.UPDATE));
          deleted++;
        }
      }
      return status(deleted);
    }

    /**
     * Upstream {@code updateStatus} over the existing pods, minus {@code deletedForUpdate} current
     * replicas, then {@code completeRollingUpdate}.
     */
    StatefulSetSyncResult.Status status(int deletedForUpdate) {
      int replicas = 0;
      int ready = 0;
      int available = 0;
      int currentCount = 0;
      int updated = 0;
      for (Pod p : pods) {
        if (ordinal(p) < 0) continue;
        replicas++;
        if (runningAndReady(p)) {
          ready++;
          if (available(p)) available++;
        }
        if (!p.isTerminating()) {
          if (revisionOf(p).equals(current)) currentCount++;
          if (revisionOf(p).equals(update)) updated++;
        }
      }
      currentCount -= deletedForUpdate;
      String currentRevision = current;
      if (ROLLING_UPDATE.equals(strategy().type()) && updated == replicas && ready == replicas) {
        currentCount = updated;
        currentRevision = update;
      }
      return new StatefulSetSyncResult.Status(replicas, ready, available, currentCount, updated, currentRevision, update);
    }

    StatefulSetSyncResult result(StatefulSetSyncResult.Status status) {
      return new StatefulSetSyncResult(create, delete, status);
    }
  }

  /** Stands for "a replica not yet created" as the first unhealthy pod; never equal to a real pod. */
  private static final Pod PLACEHOLDER = new Pod(ObjectMeta.named(""), PodSpec.EMPTY, PodStatus.PENDING);
}
