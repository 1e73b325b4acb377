package io.kubesim.controllers.deployment;

import io.kubesim.api.Deployment;
import io.kubesim.api.LabelSelector;
import io.kubesim.api.ObjectMeta;
import io.kubesim.api.OwnerReference;
import io.kubesim.api.Pod;
import io.kubesim.api.PodTemplateSpec;
import io.kubesim.api.ReplicaSet;
import io.kubesim.controllers.SimTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The working state of one Deployment sync: the latest version of every ReplicaSet and the writes
 * made so far, in order. Upstream passes RS pointers around and gets fresh copies back from each
 * update; here every write goes through {@link #update} and callers keep the returned state.
 */
final class Sync {
  final Deployment d;
  final DeploymentStatus previous;
  final List<Pod> pods;
  final long nowMs;
  private final Map<String, ReplicaSetState> current = new LinkedHashMap<>();
  private ReplicaSet created;
  private final List<ReplicaSet> updates = new ArrayList<>();
  private final List<String> deleted = new ArrayList<>();
  private final List<String> events = new ArrayList<>();
  private String revision;
  Integer collisionCount;
  boolean collided;

  /** A ReplicaSet after a scale call, and whether its size changed. */
  record Scaled(boolean scaled, ReplicaSetState rs) {}

  /** The new ReplicaSet (null when none matches the template) and all the others, oldest first. */
  record Split(ReplicaSetState newRS, List<ReplicaSetState> old) {
    List<ReplicaSetState> all() {
      List<ReplicaSetState> all = new ArrayList<>(old);
      if (newRS != null) all.add(newRS);
      return all;
    }
  }

  Sync(Deployment d, DeploymentStatus previous, List<ReplicaSetState> replicaSets, List<Pod> pods, long nowMs) {
    this.d = d;
    this.previous = previous;
    this.pods = pods == null ? List.of() : pods;
    this.nowMs = nowMs;
    this.collisionCount = previous.collisionCount();
    for (ReplicaSetState rs : replicaSets) current.put(rs.name(), rs);
  }

  List<ReplicaSetState> replicaSets() {
    return new ArrayList<>(current.values());
  }

  /** The RS the Deployment's template selects: the oldest whose template equals it ignoring the hash. */
  static ReplicaSetState findNew(Deployment d, List<ReplicaSetState> rsList) {
    List<ReplicaSetState> sorted = new ArrayList<>(rsList);
    sorted.sort(ReplicaSetOrder.BY_CREATION);
    for (ReplicaSetState rs : sorted) {
      if (PodTemplateHash.equalIgnoringHash(rs.replicaSet().spec().template(), d.spec().template())) return rs;
    }
    return null;
  }

  /**
   * Upstream {@code getAllReplicaSetsAndSyncRevision}: finds the new RS and brings its revision
   * (max old revision + 1), copied annotations and minReadySeconds up to date; with
   * {@code createIfMissing}, creates it when no RS matches (see {@link #createNew}).
   */
  Split newAndOld(boolean createIfMissing) {
    List<ReplicaSetState> rsList = replicaSets();
    ReplicaSetState existing = findNew(d, rsList);
    List<ReplicaSetState> old = new ArrayList<>();
    for (ReplicaSetState rs : rsList) {
      if (existing == null || !rs.name().equals(existing.name())) old.add(rs);
    }
    old.sort(ReplicaSetOrder.BY_CREATION);
    long maxOldRevision = 0;
    for (ReplicaSetState rs : old) {
      Long r = DeploymentAnnotations.revision(rs.replicaSet());
      if (r != null && r > maxOldRevision) maxOldRevision = r;
    }
    long newRevision = maxOldRevision + 1;
    if (existing != null) {
      ReplicaSet rs = existing.replicaSet();
      Map<String, String> annotations = DeploymentAnnotations.newReplicaSetAnnotations(d, rs.metadata().annotations(), newRevision, true);
      boolean minReadyChanged = rs.spec().minReadySeconds() != d.spec().minReadySeconds();
      if (annotations != null || minReadyChanged) {
        ObjectMeta meta = annotations == null ? rs.metadata() : rs.metadata().withAnnotations(annotations);
        ReplicaSet.Spec spec = new ReplicaSet.Spec(rs.spec().replicas(), rs.spec().selector(), rs.spec().template(), d.spec().minReadySeconds());
        existing = update(existing.withReplicaSet(new ReplicaSet(meta, spec)));
      } else {
        revision = existing.replicaSet().metadata().annotations().get(DeploymentAnnotations.REVISION);
      }
      return new Split(existing, old);
    }
    if (!createIfMissing) return new Split(null, old);
    ReplicaSetState createdRS = createNew(old, newRevision);
    return createdRS == null ? new Split(null, old) : new Split(createdRS, old);
  }

  /**
   * Creates the new RS named {@code <deployment>-<hash>}, already surged
   * ({@link RollingUpdate#newRSNewReplicas} with the old RSes), with the revision and
   * desired/max-replicas annotations. A name taken by another RS is a hash collision:
   * {@code collisionCount} goes up and nothing is created (upstream returns an error and
   * requeues). Only the owned RSes passed in are checked for the name.
   */
  private ReplicaSetState createNew(List<ReplicaSetState> old, long newRevision) {
    PodTemplateSpec template = d.spec().template();
    String hash = PodTemplateHash.compute(template, collisionCount);
    PodTemplateSpec rsTemplate = PodTemplateHash.withHashLabel(template, hash);
    String name = d.metadata().name() + "-" + hash;
    if (current.containsKey(name)) {
      collisionCount = collisionCount == null ? 1 : collisionCount + 1;
      collided = true;
      events.add("Found a hash collision for deployment " + d.metadata().name() + " - bumping collisionCount to " + collisionCount);
      return null;
    }
    LabelSelector selector = d.spec().selector();
    Map<String, String> matchLabels = new HashMap<>(selector == null ? Map.of() : selector.matchLabels());
    matchLabels.put(PodTemplateHash.LABEL, hash);
    LabelSelector rsSelector = new LabelSelector(matchLabels, selector == null ? List.of() : selector.matchExpressions());
    OwnerReference owner = new OwnerReference("apps/v1", "Deployment", d.metadata().name(), d.metadata().uid(), true);
    ObjectMeta meta = new ObjectMeta(name, d.metadata().namespace(), null, rsTemplate.metadata().labels(), Map.of(), List.of(owner),
        SimTime.format(nowMs), null);
    ReplicaSetState zero = ReplicaSetState.withoutPods(new ReplicaSet(meta, new ReplicaSet.Spec(0, rsSelector, rsTemplate, d.spec().minReadySeconds())));
    List<ReplicaSetState> all = new ArrayList<>(old);
    all.add(zero);
    int replicas = RollingUpdate.newRSNewReplicas(d, all, zero);
    Map<String, String> annotations = DeploymentAnnotations.newReplicaSetAnnotations(d, Map.of(), newRevision, false);
    ReplicaSet rs = new ReplicaSet(meta.withAnnotations(annotations), new ReplicaSet.Spec(replicas, rsSelector, rsTemplate, d.spec().minReadySeconds()));
    created = rs;
    ReplicaSetState state = ReplicaSetState.withoutPods(rs);
    current.put(name, state);
    if (replicas > 0) events.add("Scaled up replica set " + name + " to " + replicas);
    revision = Long.toString(newRevision);
    return state;
  }

  /** Upstream {@code scaleReplicaSetAndRecordEvent}: a no-op when the size is already right. */
  Scaled scaleAndRecordEvent(ReplicaSetState rs, int newScale) {
    if (rs.specReplicas() == newScale) return new Scaled(false, rs);
    return scale(rs, newScale, rs.specReplicas() < newScale ? "up" : "down");
  }

  /**
   * Upstream {@code scaleReplicaSet}: writes the RS when its size or its desired/max-replicas
   * annotations differ; reports "scaled" only for a size change.
   */
  Scaled scale(ReplicaSetState rs, int newScale, String operation) {
    int desired = d.spec().replicas();
    int max = desired + Fenceposts.maxSurge(d);
    boolean sizeNeedsUpdate = rs.specReplicas() != newScale;
    boolean annotationsNeedUpdate = DeploymentAnnotations.replicasAnnotationsNeedUpdate(rs.replicaSet(), desired, max);
    if (!sizeNeedsUpdate && !annotationsNeedUpdate) return new Scaled(false, rs);
    ReplicaSet old = rs.replicaSet();
    ReplicaSet scaled = new ReplicaSet(old.metadata().withAnnotations(DeploymentAnnotations.withReplicasAnnotations(old.metadata().annotations(), desired, max)),
        new ReplicaSet.Spec(newScale, old.spec().selector(), old.spec().template(), old.spec().minReadySeconds()));
    ReplicaSetState updated = update(rs.withReplicaSet(scaled));
    if (sizeNeedsUpdate) {
      events.add("Scaled " + operation + " replica set " + rs.name() + " to " + newScale + " from " + rs.specReplicas());
    }
    return new Scaled(sizeNeedsUpdate, updated);
  }

  ReplicaSetState update(ReplicaSetState rs) {
    current.put(rs.name(), rs);
    updates.add(rs.replicaSet());
    return rs;
  }

  void delete(ReplicaSetState rs) {
    current.remove(rs.name());
    deleted.add(rs.name());
  }

  DeploymentStatus status(Split split) {
    return DeploymentStatus.calculate(split.all(), split.newRS(), collisionCount);
  }

  DeploymentSyncResult result(DeploymentSyncResult.Path path, DeploymentStatus status) {
    String rev = revision != null ? revision : d.metadata().annotations().get(DeploymentAnnotations.REVISION);
    return new DeploymentSyncResult(path, created, updates, deleted, status, rev, events);
  }

  DeploymentSyncResult collisionResult() {
    return result(DeploymentSyncResult.Path.HASH_COLLISION, previous.withCollisionCount(collisionCount));
  }

  static List<ReplicaSetState> active(List<ReplicaSetState> rsList) {
    List<ReplicaSetState> out = new ArrayList<>();
    for (ReplicaSetState rs : rsList) {
      if (rs != null && rs.specReplicas() > 0) out.add(rs);
    }
    return out;
  }

  static int specSum(List<ReplicaSetState> rsList) {
    int n = 0;
    for (ReplicaSetState rs : rsList) n += rs.specReplicas();
    return n;
  }
}
