package io.kubesim.sim;

import io.kubesim.api.Deployment;
import io.kubesim.api.ObjectMeta;
import io.kubesim.api.OwnerReference;
import io.kubesim.api.Pod;
import io.kubesim.api.PodStatus;
import io.kubesim.api.ReplicaSet;
import io.kubesim.api.StatefulSet;
import io.kubesim.cluster.Cluster;
import io.kubesim.controllers.deployment.DeploymentController;
import io.kubesim.controllers.deployment.DeploymentStatus;
import io.kubesim.controllers.deployment.DeploymentSyncResult;
import io.kubesim.controllers.deployment.ReplicaSetState;
import io.kubesim.controllers.replicaset.ReplicaSetController;
import io.kubesim.controllers.statefulset.StatefulSetController;
import io.kubesim.controllers.statefulset.StatefulSetSyncResult;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.Set;

/**
 * The Deployment, ReplicaSet and StatefulSet controllers as one reconcile loop over the cluster:
 * the decision logic of {@code io.kubesim.controllers}, with its writes applied through the
 * {@link Simulation}. Writes are synchronous, so upstream's expectations and informer lag vanish.
 */
final class WorkloadControllers implements Controller, SimulationListener {
  private static final String SUFFIX_ALPHABET = "bcdfghjklmnpqrstvwxz2456789";

  private final Map<String, DeploymentStatus> deploymentStatus = new HashMap<>();
  private final Map<String, String> statefulSetRevision = new HashMap<>();
  /** StatefulSet revision name → the set as it was at that revision (upstream's ControllerRevisions). */
  private final Map<String, StatefulSet> statefulSetRevisions = new HashMap<>();
  private final Set<Long> wakeUps = new HashSet<>();
  /** Workloads (kind/namespace/name) whose objects or pods changed since they last synced. */
  private final Set<String> dirty = new HashSet<>();
  private boolean everything = true;
  private long uids;

  /** A pod changed: its owner and, for a ReplicaSet, the Deployment above it must look again. */
  @Override
  public void onPodChange(long now, Pod before, Pod after) {
    Pod p = after != null ? after : before;
    OwnerReference ref = p.metadata().controllerRef();
    if (ref != null) markDirty(ref.kind(), p.namespace(), ref.name());
  }

  /** Something outside the controllers changed a workload (apply, scale, rollout, delete). */
  void markDirty(String kind, String namespace, String name) {
    dirty.add(kind + "/" + namespace + "/" + name);
  }

  @Override
  public boolean sync(Simulation sim) {
    Cluster c = sim.cluster();
    boolean all = everything;
    everything = false;
    // ReplicaSets first mark their Deployment dirty through the pods they change; a Deployment's
    // writes mark its ReplicaSets dirty below.
    Set<String> work = new HashSet<>(dirty);
    dirty.clear();
    for (ReplicaSet rs : List.copyOf(c.replicaSets())) {
      OwnerReference owner = rs.metadata().controllerRef();
      if (owner != null && work.contains("ReplicaSet/" + rs.metadata().namespace() + "/" + rs.metadata().name())) {
        work.add(owner.kind() + "/" + rs.metadata().namespace() + "/" + owner.name());
      }
    }
    boolean changed = false;
    for (Deployment d : List.copyOf(c.deployments())) {
      if (all || work.contains("Deployment/" + d.metadata().namespace() + "/" + d.metadata().name())) changed |= syncDeployment(sim, d);
    }
    for (ReplicaSet rs : List.copyOf(c.replicaSets())) {
      if (all || work.contains("ReplicaSet/" + rs.metadata().namespace() + "/" + rs.metadata().name()) || dirty.contains(key(rs))) {
        changed |= syncReplicaSet(sim, rs);
      }
    }
    for (StatefulSet s : List.copyOf(c.statefulSets())) {
      if (all || work.contains("StatefulSet/" + s.metadata().namespace() + "/" + s.metadata().name())) changed |= syncStatefulSet(sim, s);
    }
    return changed;
  }

  private static String key(ReplicaSet rs) {
    return "ReplicaSet/" + rs.metadata().namespace() + "/" + rs.metadata().name();
  }

  /** Forgets a deleted workload's bookkeeping. */
  void forget(String kind, String namespace, String name) {
    String key = namespace + "/" + name;
    if (kind.equals("Deployment")) deploymentStatus.remove(key);
    if (kind.equals("StatefulSet")) statefulSetRevision.remove(key);
  }

  // ---- Deployment

  private boolean syncDeployment(Simulation sim, Deployment d) {
    Cluster c = sim.cluster();
    String key = d.metadata().namespace() + "/" + d.metadata().name();
    List<ReplicaSetState> owned = new ArrayList<>();
    List<Pod> pods = new ArrayList<>();
    for (ReplicaSet rs : ownedReplicaSets(c, d)) {
      List<Pod> rsPods = c.podsControlledBy("ReplicaSet", rs.metadata().namespace(), rs.metadata().name());
      ReplicaSetController.Status st = ReplicaSetController.status(rs, rsPods, sim.now());
      owned.add(new ReplicaSetState(rs, st.replicas(), st.readyReplicas(), st.availableReplicas()));
      pods.addAll(rsPods);
    }
    DeploymentSyncResult r = DeploymentController.sync(d, deploymentStatus.get(key), owned, pods, sim.now());
    deploymentStatus.put(key, r.status());
    boolean changed = false;
    for (ReplicaSet rs : r.latest().values()) {
      if (rs.metadata().uid().isEmpty()) rs = rs.withMetadata(withUid(rs.metadata()));
      ReplicaSet before = c.replicaSet(rs.metadata().namespace(), rs.metadata().name());
      if (!rs.equals(before)) {
        c.putReplicaSet(before == null ? rs : rs.withMetadata(withUidOf(rs.metadata(), before.metadata())));
        dirty.add(key(rs));
        changed = true;
      }
    }
    for (String name : r.deleted()) {
      c.removeReplicaSet(d.metadata().namespace(), name);
      changed = true;
    }
    return changed;
  }

  private static List<ReplicaSet> ownedReplicaSets(Cluster c, Deployment d) {
    List<ReplicaSet> out = new ArrayList<>();
    for (ReplicaSet rs : c.replicaSets()) {
      OwnerReference ref = rs.metadata().controllerRef();
      if (ref != null && ref.kind().equals("Deployment") && ref.name().equals(d.metadata().name())
          && rs.metadata().namespace().equals(d.metadata().namespace())) {
        out.add(rs);
      }
    }
    return out;
  }

  private ObjectMeta withUid(ObjectMeta m) {
    return new ObjectMeta(m.name(), m.namespace(), "rs-uid-" + (++uids), m.labels(), m.annotations(), m.ownerReferences(),
        m.creationTimestamp(), m.deletionTimestamp());
  }

  private static ObjectMeta withUidOf(ObjectMeta m, ObjectMeta existing) {
    return new ObjectMeta(m.name(), m.namespace(), existing.uid(), m.labels(), m.annotations(), m.ownerReferences(),
        m.creationTimestamp() == null ? existing.creationTimestamp() : m.creationTimestamp(), m.deletionTimestamp());
  }

  // ---- ReplicaSet

  private boolean syncReplicaSet(Simulation sim, ReplicaSet rs) {
    Cluster c = sim.cluster();
    String ns = rs.metadata().namespace();
    List<Pod> owned = c.podsControlledBy("ReplicaSet", ns, rs.metadata().name());
    ReplicaSetController.Decision decision = ReplicaSetController.manageReplicas(rs, owned, relatedPods(c, rs), sim.now());
    for (int i = 0; i < decision.toCreate(); i++) sim.createPod(podFor(sim, rs));
    for (Pod p : decision.toDelete()) sim.deletePod(p.key());
    OptionalLong next = ReplicaSetController.nextAvailabilityMs(rs, owned, sim.now());
    if (next.isPresent() && wakeUps.add(next.getAsLong())) sim.schedule(next.getAsLong(), () -> dirty.add(key(rs)));
    return !decision.isNoop();
  }

  /** Pods of every ReplicaSet with the same controller (the ranks of upstream's scale-down). */
  private static List<Pod> relatedPods(Cluster c, ReplicaSet rs) {
    OwnerReference owner = rs.metadata().controllerRef();
    if (owner == null) return List.of();
    List<Pod> out = new ArrayList<>();
    for (ReplicaSet other : c.replicaSets()) {
      OwnerReference ref = other.metadata().controllerRef();
      if (ref != null && ref.kind().equals(owner.kind()) && ref.name().equals(owner.name())
          && other.metadata().namespace().equals(rs.metadata().namespace())) {
        out.addAll(c.podsControlledBy("ReplicaSet", other.metadata().namespace(), other.metadata().name()));
      }
    }
    return out;
  }

  private static Pod podFor(Simulation sim, ReplicaSet rs) {
    var template = rs.spec().template();
    ObjectMeta t = template.metadata() == null ? ObjectMeta.named("") : template.metadata();
    String name = rs.metadata().name() + "-" + suffix(sim);
    while (sim.cluster().pod(rs.metadata().namespace() + "/" + name) != null) name = rs.metadata().name() + "-" + suffix(sim);
    OwnerReference owner = new OwnerReference("apps/v1", "ReplicaSet", rs.metadata().name(), rs.metadata().uid(), true);
    ObjectMeta meta = new ObjectMeta(name, rs.metadata().namespace(), null, t.labels(), t.annotations(), List.of(owner), null, null);
    return new Pod(meta, template.spec(), PodStatus.PENDING);
  }

  /** Upstream's 5-character random pod name suffix, from the seeded source. */
  private static String suffix(Simulation sim) {
    StringBuilder b = new StringBuilder(5);
    for (int i = 0; i < 5; i++) b.append(SUFFIX_ALPHABET.charAt(sim.random().nextInt(SUFFIX_ALPHABET.length())));
    return b.toString();
  }

  // ---- StatefulSet

  private boolean syncStatefulSet(Simulation sim, StatefulSet set) {
    Cluster c = sim.cluster();
    String key = set.metadata().namespace() + "/" + set.metadata().name();
    statefulSetRevisions.put(StatefulSetController.revisionName(set), set);
    List<Pod> pods = c.podsControlledBy("StatefulSet", set.metadata().namespace(), set.metadata().name());
    StatefulSetSyncResult r = StatefulSetController.sync(set, statefulSetRevision.get(key), pods, sim.now());
    String previous = statefulSetRevision.put(key, r.status().currentRevision());
    boolean changed = !Objects.equals(previous, r.status().currentRevision());
    for (StatefulSetSyncResult.Delete d : r.delete()) {
      Pod p = c.pod(d.pod().key());
      if (p == null) continue;
      // Upstream deletes terminal pods so they are re-created; here a failed pod is simply removed.
      sim.deletePod(p.key());
      changed = true;
    }
    for (StatefulSetSyncResult.Create create : r.create()) {
      if (c.pod(set.metadata().namespace() + "/" + create.name()) != null) continue; // still terminating
      StatefulSet atRevision = statefulSetRevisions.getOrDefault(create.revision(), set);
      sim.createPod(StatefulSetController.newPod(atRevision, create.ordinal(), create.revision(), sim.now()));
      changed = true;
    }
    return changed;
  }
}
