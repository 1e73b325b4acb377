package io.kubesim.sim;

import io.kubesim.api.Deployment;
import io.kubesim.api.Node;
import io.kubesim.api.NodeSpec;
import io.kubesim.api.ObjectMeta;
import io.kubesim.api.Pod;
import io.kubesim.api.PodDisruptionBudget;
import io.kubesim.api.PodTemplateSpec;
import io.kubesim.api.ReplicaSet;
import io.kubesim.api.StatefulSet;
import io.kubesim.api.Taint;
import io.kubesim.api.TaintEffect;
import io.kubesim.cluster.Cluster;
import io.kubesim.controllers.disruption.DisruptionController;
import io.kubesim.controllers.disruption.Eviction;
import io.kubesim.controllers.disruption.PdbStatus;
import io.kubesim.controllers.disruption.ScaleFinder;
import io.kubesim.controllers.nodelifecycle.NodeLifecycleController;
import io.kubesim.controllers.nodelifecycle.TaintEvictionController;
import io.kubesim.scheduler.framework.PodInfo;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * {@link Operations} on a {@link Simulation}, with the node lifecycle and taint eviction
 * controllers, PodDisruptionBudgets and the eviction API behind them. Registered as a
 * {@link Controller} so due taint evictions run in the settle loop.
 *
 * <p>Down nodes (failed or rebooting) are seen by the node lifecycle controller's model (grace
 * period, zone states, rate-limited NoExecute tainting), whose loops run only while a node is down.
 * Pods deleted on a down node stay terminating until it returns; pods bound to a down node (in
 * the grace period, or tolerating its taints) do not start until it returns.
 */
public final class ClusterOperations implements Operations, Controller, SimulationListener {
  public static final long EVICTION_RETRY_MS = 5_000;
  public static final int TERMINATED_POD_GC_THRESHOLD = 12_500;

  private final Simulation sim;
  private final WorkloadControllers workloads = new WorkloadControllers();
  private final TaintEvictionController taintEviction = new TaintEvictionController();
  private final Map<String, PdbStatus> pdbStatus = new HashMap<>();
  /** Nodes whose kubelet is down: their pods cannot finish terminating. */
  private final Set<String> downNodes = new HashSet<>();
  /** Terminated (Succeeded/Failed) pods, oldest first, as {@code key@uid}. */
  private final java.util.ArrayDeque<String> terminatedPods = new java.util.ArrayDeque<>();
  /** Down nodes → when their kubelet stopped posting status (its last heartbeat). */
  private final Map<String, Long> downSince = new HashMap<>();
  /** The Ready condition as stored in the API, when not True (the controller set it Unknown). */
  private final Map<String, String> readyCondition = new HashMap<>();
  private final NodeLifecycleController lifecycle = new NodeLifecycleController();
  private boolean monitoring;
  private boolean tainting;
  private long uids;

  /** Wires the controllers into {@code sim}. */
  public ClusterOperations(Simulation sim) {
    this.sim = sim;
    sim.addController(workloads);
    sim.addListener(workloads);
    sim.addController(this);
    sim.addListener(this);
    sim.setKubeletGate(this::kubeletUp);
  }

  private boolean kubeletUp(Pod pod) {
    return !downNodes.contains(pod.spec().nodeName());
  }

  /** Keeps taint eviction told about pods binding and leaving. */
  @Override
  public void onPodChange(long now, Pod before, Pod after) {
    if (after == null) {
      taintEviction.podDeleted(before.key());
    } else if (after.isBound() && (before == null || !before.isBound())) {
      taintEviction.podUpdated(after, now);
    }
    if (after != null && after.status().isTerminal() && (before == null || !before.status().isTerminal())) {
      terminatedPods.addLast(after.key() + "@" + after.metadata().uid());
    }
  }

  /**
   * Upstream's pod garbage collector: beyond {@value #TERMINATED_POD_GC_THRESHOLD} terminated pods
   * (kube-controller-manager's default), the oldest are deleted. Bounds the pile of pods a kubelet
   * rejects over and over.
   */
  private boolean collectTerminatedPods() {
    boolean changed = false;
    while (terminatedPods.size() > TERMINATED_POD_GC_THRESHOLD) {
      String ref = terminatedPods.removeFirst();
      Pod p = sim.cluster().pod(ref.substring(0, ref.lastIndexOf('@')));
      if (p != null && p.metadata().uid().equals(ref.substring(ref.lastIndexOf('@') + 1))) {
        sim.deletePod(p.key());
        changed = true;
      }
    }
    return changed;
  }

  @Override
  public boolean sync(Simulation s) {
    boolean changed = collectTerminatedPods();
    for (String key : taintEviction.due(s.now())) {
      if (sim.cluster().pod(key) != null) {
        sim.deletePod(key);
        changed = true;
      }
    }
    taintEviction.nextDeletionMs().ifPresent(at -> sim.schedule(at, () -> {}));
    return changed;
  }

  // ---- workloads

  @Override
  public void applyDeployment(Deployment d) {
    Deployment before = sim.cluster().deployment(d.metadata().namespace(), d.metadata().name());
    sim.cluster().putDeployment(new Deployment(withUid(d.metadata(), before == null ? null : before.metadata()), d.spec()));
    workloads.markDirty("Deployment", d.metadata().namespace(), d.metadata().name());
  }

  @Override
  public void applyStatefulSet(StatefulSet s) {
    StatefulSet before = sim.cluster().statefulSet(s.metadata().namespace(), s.metadata().name());
    sim.cluster().putStatefulSet(new StatefulSet(withUid(s.metadata(), before == null ? null : before.metadata()), s.spec()));
    workloads.markDirty("StatefulSet", s.metadata().namespace(), s.metadata().name());
  }

  @Override
  public void applyReplicaSet(ReplicaSet rs) {
    ReplicaSet before = sim.cluster().replicaSet(rs.metadata().namespace(), rs.metadata().name());
    sim.cluster().putReplicaSet(rs.withMetadata(withUid(rs.metadata(), before == null ? null : before.metadata())));
    workloads.markDirty("ReplicaSet", rs.metadata().namespace(), rs.metadata().name());
  }

  @Override
  public void applyPodDisruptionBudget(PodDisruptionBudget pdb) {
    sim.cluster().putPodDisruptionBudget(pdb);
    pdbStatus.remove(pdb.metadata().namespace() + "/" + pdb.metadata().name());
  }

  private ObjectMeta withUid(ObjectMeta m, ObjectMeta before) {
    String uid = before != null ? before.uid() : m.uid().isEmpty() ? "obj-uid-" + (++uids) : m.uid();
    String created = before != null ? before.creationTimestamp()
        : m.creationTimestamp() == null ? io.kubesim.controllers.SimTime.format(sim.now()) : m.creationTimestamp();
    return new ObjectMeta(m.name(), m.namespace(), uid, m.labels(), m.annotations(), m.ownerReferences(), created, m.deletionTimestamp());
  }

  @Override
  public void delete(String kind, String namespace, String name) {
    Cluster c = sim.cluster();
    switch (kind) {
      case "Deployment" -> {
        for (ReplicaSet rs : List.copyOf(c.replicaSets())) {
          var ref = rs.metadata().controllerRef();
          if (ref != null && ref.kind().equals("Deployment") && ref.name().equals(name) && rs.metadata().namespace().equals(namespace)) {
            delete("ReplicaSet", namespace, rs.metadata().name());
          }
        }
        c.removeDeployment(namespace, name);
      }
      case "ReplicaSet" -> {
        c.removeReplicaSet(namespace, name);
        for (Pod p : c.podsControlledBy("ReplicaSet", namespace, name)) sim.deletePod(p.key());
      }
      case "StatefulSet" -> {
        c.removeStatefulSet(namespace, name);
        for (Pod p : c.podsControlledBy("StatefulSet", namespace, name)) sim.deletePod(p.key());
      }
      case "PodDisruptionBudget" -> c.removePodDisruptionBudget(namespace, name);
      case "Pod" -> sim.deletePod(namespace + "/" + name);
      default -> throw new IllegalArgumentException("cannot delete kind " + kind + "; allowed: Deployment, ReplicaSet, StatefulSet, PodDisruptionBudget, Pod");
    }
    workloads.forget(kind, namespace, name);
  }

  @Override
  public void scale(String kind, String namespace, String name, int replicas) {
    Cluster c = sim.cluster();
    workloads.markDirty(kind, namespace, name);
    switch (kind) {
      case "Deployment" -> c.putDeployment(require(c.deployment(namespace, name), kind, namespace, name).withReplicas(replicas));
      case "StatefulSet" -> c.putStatefulSet(require(c.statefulSet(namespace, name), kind, namespace, name).withReplicas(replicas));
      case "ReplicaSet" -> c.putReplicaSet(require(c.replicaSet(namespace, name), kind, namespace, name).withReplicas(replicas));
      default -> throw new IllegalArgumentException("cannot scale kind " + kind + "; allowed: Deployment, StatefulSet, ReplicaSet");
    }
  }

  @Override
  public void rollout(String kind, String namespace, String name, PodTemplateSpec template) {
    Cluster c = sim.cluster();
    workloads.markDirty(kind, namespace, name);
    switch (kind) {
      case "Deployment" -> c.putDeployment(require(c.deployment(namespace, name), kind, namespace, name).withTemplate(template));
      case "StatefulSet" -> c.putStatefulSet(require(c.statefulSet(namespace, name), kind, namespace, name).withTemplate(template));
      default -> throw new IllegalArgumentException("cannot roll out kind " + kind + "; allowed: Deployment, StatefulSet");
    }
  }

  private static <T> T require(T object, String kind, String namespace, String name) {
    if (object == null) throw new IllegalArgumentException(kind + " " + namespace + "/" + name + " does not exist");
    return object;
  }

  // ---- nodes

  @Override
  public void addNode(Node node) {
    sim.addNode(node);
  }

  @Override
  public void removeNodes(List<String> nodes) {
    for (String n : nodes) {
      sim.removeNode(n);
      taintEviction.nodeDeleted(n);
      downNodes.remove(n);
      downSince.remove(n);
      readyCondition.remove(n);
    }
  }

  private void updateNode(String name, UnaryOperator<Node> change) {
    Node before = sim.cluster().node(name);
    if (before == null) throw new IllegalArgumentException("node " + name + " does not exist");
    Node after = change.apply(before);
    if (after.equals(before)) return;
    sim.updateNode(after);
    taintEviction.nodeUpdated(name, after.spec().taints(), podsOn(name), sim.now());
  }

  private List<Pod> podsOn(String node) {
    var info = sim.cluster().get(node);
    if (info == null) return List.of();
    return info.pods().stream().map(PodInfo::pod).toList();
  }

  private static Node withTaints(Node n, boolean unschedulable, List<Taint> taints) {
    return n.withSpec(new NodeSpec(unschedulable, taints));
  }

  private static Node addTaint(Node n, Taint t) {
    for (Taint x : n.spec().taints()) {
      if (x.key().equals(t.key()) && x.effect() == t.effect()) return n;
    }
    List<Taint> taints = new ArrayList<>(n.spec().taints());
    taints.add(t);
    return withTaints(n, n.spec().unschedulable(), taints);
  }

  private static Node removeTaint(Node n, String key, TaintEffect effect) {
    List<Taint> taints = new ArrayList<>(n.spec().taints());
    taints.removeIf(t -> t.key().equals(key) && (effect == null || t.effect() == effect));
    return withTaints(n, n.spec().unschedulable(), taints);
  }

  @Override
  public void taint(List<String> nodes, Taint taint) {
    for (String n : nodes) updateNode(n, node -> addTaint(node, taint));
  }

  @Override
  public void untaint(List<String> nodes, String key, TaintEffect effect) {
    for (String n : nodes) updateNode(n, node -> removeTaint(node, key, effect));
  }

  /** kubectl cordon, and the node lifecycle controller's unschedulable taint that follows. */
  @Override
  public void cordon(List<String> nodes) {
    for (String n : nodes) updateNode(n, node -> addTaint(withTaints(node, true, node.spec().taints()), Taint.UNSCHEDULABLE));
  }

  @Override
  public void uncordon(List<String> nodes) {
    for (String n : nodes) {
      updateNode(n, node -> removeTaint(withTaints(node, false, node.spec().taints()), Taint.UNSCHEDULABLE.key(), TaintEffect.NoSchedule));
    }
  }

  // ---- drain and eviction

  @Override
  public void drain(List<String> nodes) {
    drain(nodes, () -> {});
  }

  /** Drains, then runs {@code done} once every evicted pod is gone. */
  void drain(List<String> nodes, Runnable done) {
    cordon(nodes);
    evictUntilGone(podRefsOn(nodes), done);
  }

  /** Evicts each pod, retrying 429s every 5 s, until all are gone; then {@code done}. */
  private void evictUntilGone(Set<String> podRefs, Runnable done) {
    Set<String> remaining = new HashSet<>();
    // The PDBs synced for one eviction hold for the next as long as none succeeded: nothing else
    // changes pods within this loop. A drain stuck on a budget then syncs once a round, not once a pod.
    List<List<Eviction.Budget>> synced = new ArrayList<>(1);
    for (String ref : podRefs) {
      String key = ref.substring(0, ref.lastIndexOf('@'));
      String uid = ref.substring(ref.lastIndexOf('@') + 1);
      Pod p = sim.cluster().pod(key);
      if (p == null || !p.metadata().uid().equals(uid)) continue; // gone (or replaced under the same name)
      remaining.add(ref);
      if (p.isTerminating()) continue;
      if (synced.isEmpty()) synced.add(budgets());
      if (evict(p, synced.get(0))) synced.clear();
    }
    if (remaining.isEmpty()) {
      done.run();
    } else {
      sim.schedule(sim.now() + (remaining.stream().anyMatch(this::isTerminatingRef) ? 1_000 : EVICTION_RETRY_MS),
          () -> evictUntilGone(remaining, done));
    }
  }

  private boolean isTerminatingRef(String ref) {
    Pod p = sim.cluster().pod(ref.substring(0, ref.lastIndexOf('@')));
    return p != null && p.isTerminating();
  }

  /** The Eviction subresource: a PDB-aware delete. Returns whether the pod was evicted. */
  public boolean evict(Pod pod) {
    return evict(pod, budgets());
  }

  private boolean evict(Pod pod, List<Eviction.Budget> budgets) {
    Eviction.Result r = Eviction.evict(pod, budgets, sim.now());
    if (r.updatedStatus() != null) pdbStatus.put(pod.namespace() + "/" + r.pdbName(), r.updatedStatus());
    if (r.evicted()) sim.deletePod(pod.key());
    return r.evicted();
  }

  /** Every PDB with its status as the disruption controller computes it now. */
  private List<Eviction.Budget> budgets() {
    Cluster c = sim.cluster();
    if (c.podDisruptionBudgets().isEmpty()) return List.of();
    ScaleFinder finder = ScaleFinder.of(List.copyOf(c.deployments()), List.copyOf(c.replicaSets()), List.copyOf(c.statefulSets()));
    List<Pod> pods = List.copyOf(c.pods());
    List<Eviction.Budget> out = new ArrayList<>();
    for (PodDisruptionBudget pdb : c.podDisruptionBudgets()) {
      String key = pdb.metadata().namespace() + "/" + pdb.metadata().name();
      DisruptionController.Result r = DisruptionController.sync(pdb, pdbStatus.get(key), pods, finder, sim.now());
      pdbStatus.put(key, r.status());
      out.add(new Eviction.Budget(pdb, r.status()));
    }
    return out;
  }

  // ---- node failure and reboots

  /**
   * The nodes' kubelets stop posting status. The node lifecycle controller notices at its next
   * 5-second pass after the 50 s grace period: Ready becomes Unknown, the unreachable NoSchedule
   * taint follows at once and the NoExecute one at the zone's eviction rate; taint eviction then
   * deletes pods after their tolerationSeconds.
   */
  @Override
  public void failNodes(List<String> nodes) {
    for (String n : nodes) {
      if (downNodes.add(n)) downSince.put(n, sim.now());
    }
    startMonitoring();
  }

  /** The kubelets post Ready again: the controller lifts its taints, pods run again. */
  @Override
  public void recoverNodes(List<String> nodes) {
    for (String n : nodes) {
      downSince.remove(n);
      if (!downNodes.remove(n) || sim.cluster().node(n) == null) continue;
      readyCondition.remove(n);
      applyTaintChange(NodeLifecycleController.noScheduleTaints(sim.cluster().node(n), "True", Map.of(), sim.now()));
      for (Pod p : podsOn(n)) {
        if (p.isTerminating()) {
          sim.finishTermination(p.key());
        } else if (!p.status().isTerminal() && !sim.startPod(p.key())) {
          sim.setReady(p.key(), true);
        }
      }
    }
    monitorPass();
  }

  // ---- the node lifecycle controller's loops, run only while some node is down or queued

  private void startMonitoring() {
    if (monitoring) return;
    monitoring = true;
    // Upstream's monitor runs every 5 s from controller start: passes fall on multiples of 5 s.
    sim.schedule(Math.floorDiv(sim.now() + 4_999, 5_000) * 5_000, this::monitorTick);
  }

  private void monitorTick() {
    monitorPass();
    if (!downNodes.isEmpty() || hasQueuedTaints()) {
      sim.schedule(sim.now() + 5_000, this::monitorTick);
    } else {
      monitoring = false;
    }
  }

  private void monitorPass() {
    var result = lifecycle.monitorNodeHealth(observations(), sim.now());
    for (String n : result.readyUnknown()) {
      readyCondition.put(n, "Unknown");
      applyTaintChange(NodeLifecycleController.noScheduleTaints(sim.cluster().node(n), "Unknown", Map.of(), sim.now()));
    }
    result.taintChanges().forEach(this::applyTaintChange);
    for (String n : result.markPodsNotReady()) {
      for (Pod p : podsOn(n)) sim.setReady(p.key(), false);
    }
    if (hasQueuedTaints() && !tainting) {
      tainting = true;
      sim.schedule(sim.now(), this::taintTick);
    }
  }

  /** Upstream's NoExecute tainting pass runs every 100 ms. */
  private void taintTick() {
    lifecycle.doNoExecuteTaintingPass(this::observation, sim.now()).forEach(this::applyTaintChange);
    if (hasQueuedTaints()) {
      sim.schedule(sim.now() + 100, this::taintTick);
    } else {
      tainting = false;
    }
  }

  private boolean hasQueuedTaints() {
    for (String n : sim.cluster().nodeNames()) {
      if (!lifecycle.queued(NodeLifecycleController.zoneKey(sim.cluster().node(n))).isEmpty()) return true;
    }
    return false;
  }

  private List<NodeLifecycleController.NodeObservation> observations() {
    List<NodeLifecycleController.NodeObservation> out = new ArrayList<>();
    for (String n : sim.cluster().nodeNames()) out.add(observation(n));
    return out;
  }

  /** A node as the controller sees it: healthy kubelets have just posted; down ones stopped at downSince. */
  private NodeLifecycleController.NodeObservation observation(String name) {
    Node node = sim.cluster().node(name);
    if (node == null) return null;
    long heartbeat = downSince.getOrDefault(name, sim.now());
    return new NodeLifecycleController.NodeObservation(node, readyCondition.getOrDefault(name, "True"), heartbeat);
  }

  private void applyTaintChange(io.kubesim.controllers.nodelifecycle.NodeTaints.Change change) {
    if (change == null || sim.cluster().node(change.node()) == null) return;
    updateNode(change.node(), n -> withTaints(n, n.spec().unschedulable(), change.applyTo(n.spec().taints())));
  }

  @Override
  public void reboot(List<List<String>> groups, Taint taint, boolean drain, long downMs) {
    rebootGroup(groups, 0, taint, drain, downMs);
  }

  private void rebootGroup(List<List<String>> groups, int i, Taint taint, boolean drain, long downMs) {
    if (i >= groups.size()) return;
    List<String> group = groups.get(i);
    if (taint != null) taint(group, taint);
    Runnable goDown = () -> {
      failNodes(group);
      for (String n : group) {
        for (Pod p : podsOn(n)) sim.setReady(p.key(), false);
      }
      sim.schedule(sim.now() + downMs, () -> {
        recoverNodes(group);
        if (taint != null) {
          untaint(group, taint.key(), taint.effect());
        } else {
          uncordon(group);
        }
        rebootGroup(groups, i + 1, taint, drain, downMs);
      });
    };
    if (taint == null) cordon(group);
    if (drain) {
      evictUntilGone(podRefsOn(group), goDown);
    } else {
      goDown.run();
    }
  }

  private Set<String> podRefsOn(List<String> nodes) {
    Set<String> refs = new HashSet<>();
    for (String n : nodes) {
      for (Pod p : podsOn(n)) {
        if (!p.isTerminating()) refs.add(p.key() + "@" + p.metadata().uid());
      }
    }
    return refs;
  }
}
