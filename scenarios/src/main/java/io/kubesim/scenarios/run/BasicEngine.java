package io.kubesim.scenarios.run;

import io.kubesim.api.Deployment;
import io.kubesim.api.Node;
import io.kubesim.api.NodeSpec;
import io.kubesim.api.ObjectMeta;
import io.kubesim.api.OwnerReference;
import io.kubesim.api.Pod;
import io.kubesim.api.PodDisruptionBudget;
import io.kubesim.api.PodTemplateSpec;
import io.kubesim.api.ReplicaSet;
import io.kubesim.api.StatefulSet;
import io.kubesim.api.Taint;
import io.kubesim.api.TaintEffect;
import io.kubesim.cluster.Cluster;
import io.kubesim.scheduler.framework.NodeInfo;
import io.kubesim.sim.Controller;
import io.kubesim.sim.Operations;
import io.kubesim.sim.Simulation;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A stand-in engine until the controllers of simulator-core are connected ({@link Engines}): it
 * keeps each workload at its replica count and does the node operations that need no controller.
 *
 * <ul>
 *   <li>A Deployment gets one ReplicaSet named {@code <name>-<pod-template-hash>} (revision 1)
 *       whose pods carry the hash label; a ReplicaSet keeps {@code replicas} pods (extra ones go
 *       pending-first, then newest); a StatefulSet keeps pods {@code <name>-0..n-1}, all at once
 *       (as Parallel).
 *   <li>Pods the kubelet rejected stay Failed and are not replaced.
 *   <li>cordon, uncordon, taint, untaint, drain (cordon, then delete every pod at once, PDBs not
 *       consulted), addNode, removeNodes, scale, delete.
 *   <li>Not available: rollout, failNodes, recoverNodes, reboot (they throw
 *       {@link UnsupportedOperationException}).
 * </ul>
 */
public final class BasicEngine implements Operations, Controller {
  private static final String HASH = "pod-template-hash";
  private static final String REVISION = "deployment.kubernetes.io/revision";
  private static final String NAME_CHARS = "bcdfghjklmnpqrstvwxz2456789";

  private final Simulation sim;

  private BasicEngine(Simulation sim) {
    this.sim = sim;
  }

  /** The {@link Engine} form: {@code BasicEngine::attachTo}. */
  public static Operations attachTo(Simulation sim) {
    BasicEngine e = new BasicEngine(sim);
    sim.addController(e);
    return e;
  }

  private Cluster cluster() {
    return sim.cluster();
  }

  // ---------------------------------------------------------------- workloads

  @Override
  public void applyDeployment(Deployment d) {
    cluster().putDeployment(d);
  }

  @Override
  public void applyStatefulSet(StatefulSet s) {
    cluster().putStatefulSet(s);
  }

  @Override
  public void applyReplicaSet(ReplicaSet rs) {
    cluster().putReplicaSet(rs);
  }

  @Override
  public void applyPodDisruptionBudget(PodDisruptionBudget pdb) {
    cluster().putPodDisruptionBudget(pdb);
  }

  @Override
  public void delete(String kind, String namespace, String name) {
    switch (kind) {
      case "Deployment" -> {
        for (ReplicaSet rs : ownedReplicaSets(namespace, name)) delete("ReplicaSet", namespace, rs.metadata().name());
        cluster().removeDeployment(namespace, name);
      }
      case "ReplicaSet" -> {
        cluster().removeReplicaSet(namespace, name);
        deletePods(cluster().podsControlledBy(kind, namespace, name));
      }
      case "StatefulSet" -> {
        cluster().removeStatefulSet(namespace, name);
        deletePods(cluster().podsControlledBy(kind, namespace, name));
      }
      case "PodDisruptionBudget" -> cluster().removePodDisruptionBudget(namespace, name);
      case "Pod" -> sim.deletePod(namespace + "/" + name);
      default -> throw new UnsupportedOperationException("cannot delete a " + kind);
    }
  }

  private void deletePods(List<Pod> pods) {
    for (Pod p : List.copyOf(pods)) sim.deletePod(p.key());
  }

  @Override
  public void scale(String kind, String namespace, String name, int replicas) {
    switch (kind) {
      case "Deployment" -> {
        Deployment d = cluster().deployment(namespace, name);
        Deployment.Spec s = d.spec();
        cluster().putDeployment(d.withSpec(new Deployment.Spec(replicas, s.selector(), s.template(), s.strategy(), s.minReadySeconds(),
            s.revisionHistoryLimit(), s.paused(), s.progressDeadlineSeconds())));
      }
      case "StatefulSet" -> {
        StatefulSet st = cluster().statefulSet(namespace, name);
        StatefulSet.Spec s = st.spec();
        cluster().putStatefulSet(st.withSpec(new StatefulSet.Spec(replicas, s.selector(), s.template(), s.serviceName(),
            s.podManagementPolicy(), s.updateStrategy(), s.minReadySeconds())));
      }
      case "ReplicaSet" -> cluster().putReplicaSet(cluster().replicaSet(namespace, name).withReplicas(replicas));
      default -> throw new UnsupportedOperationException("cannot scale a " + kind);
    }
  }

  @Override
  public void rollout(String kind, String namespace, String name, PodTemplateSpec template) {
    throw unsupported("rollout");
  }

  // ---------------------------------------------------------------- nodes

  @Override
  public void addNode(Node node) {
    sim.addNode(node);
  }

  @Override
  public void removeNodes(List<String> nodes) {
    for (String n : nodes) sim.removeNode(n);
  }

  @Override
  public void taint(List<String> nodes, Taint taint) {
    for (String n : nodes) {
      Node node = cluster().node(n);
      List<Taint> taints = new ArrayList<>();
      for (Taint t : node.spec().taints()) if (!(t.key().equals(taint.key()) && t.effect() == taint.effect())) taints.add(t);
      taints.add(taint);
      sim.updateNode(node.withSpec(new NodeSpec(node.spec().unschedulable(), taints)));
    }
  }

  @Override
  public void untaint(List<String> nodes, String key, TaintEffect effect) {
    for (String n : nodes) {
      Node node = cluster().node(n);
      List<Taint> taints = new ArrayList<>();
      for (Taint t : node.spec().taints()) if (!(t.key().equals(key) && (effect == null || t.effect() == effect))) taints.add(t);
      sim.updateNode(node.withSpec(new NodeSpec(node.spec().unschedulable(), taints)));
    }
  }

  @Override
  public void cordon(List<String> nodes) {
    for (String n : nodes) {
      Node node = cluster().node(n);
      if (node.spec().unschedulable()) continue;
      List<Taint> taints = new ArrayList<>(node.spec().taints());
      taints.add(Taint.UNSCHEDULABLE);
      sim.updateNode(node.withSpec(new NodeSpec(true, taints)));
    }
  }

  @Override
  public void uncordon(List<String> nodes) {
    for (String n : nodes) {
      Node node = cluster().node(n);
      List<Taint> taints = new ArrayList<>();
      for (Taint t : node.spec().taints()) if (!t.key().equals(Taint.UNSCHEDULABLE.key())) taints.add(t);
      sim.updateNode(node.withSpec(new NodeSpec(false, taints)));
    }
  }

  @Override
  public void drain(List<String> nodes) {
    cordon(nodes);
    for (String n : nodes) {
      NodeInfo info = cluster().get(n);
      List<Pod> pods = info.pods().stream().map(pi -> pi.pod()).toList();
      for (Pod p : pods) if (!p.isTerminating() && !p.status().isTerminal()) sim.deletePod(p.key());
    }
  }

  @Override
  public void failNodes(List<String> nodes) {
    throw unsupported("failNodes");
  }

  @Override
  public void recoverNodes(List<String> nodes) {
    throw unsupported("recoverNodes");
  }

  @Override
  public void reboot(List<List<String>> groups, Taint taint, boolean drain, long downMs) {
    throw unsupported("reboot");
  }

  private static UnsupportedOperationException unsupported(String what) {
    return new UnsupportedOperationException(what + " needs the controllers engine; the basic engine only keeps replica counts");
  }

  // ---------------------------------------------------------------- the controller

  @Override
  public boolean sync(Simulation s) {
    boolean changed = false;
    for (Deployment d : List.copyOf(cluster().deployments())) changed |= syncDeployment(d);
    for (ReplicaSet rs : List.copyOf(cluster().replicaSets())) changed |= syncReplicaSet(rs);
    for (StatefulSet st : List.copyOf(cluster().statefulSets())) changed |= syncStatefulSet(st);
    return changed;
  }

  private List<ReplicaSet> ownedReplicaSets(String namespace, String deployment) {
    List<ReplicaSet> out = new ArrayList<>();
    for (ReplicaSet rs : cluster().replicaSets()) {
      OwnerReference ref = rs.metadata().controllerRef();
      if (rs.metadata().namespace().equals(namespace) && ref != null && ref.kind().equals("Deployment") && ref.name().equals(deployment)) {
        out.add(rs);
      }
    }
    return out;
  }

  private boolean syncDeployment(Deployment d) {
    ObjectMeta meta = d.metadata();
    String hash = Canonical.hash(d.spec().template());
    String rsName = meta.name() + "-" + hash;
    boolean changed = false;
    boolean found = false;
    for (ReplicaSet rs : ownedReplicaSets(meta.namespace(), meta.name())) {
      boolean current = !found && (rs.metadata().name().equals(rsName) || sameTemplate(rs.spec().template(), d.spec().template()));
      int want = current ? d.spec().replicas() : 0;
      found |= current;
      if (rs.spec().replicas() != want) {
        cluster().putReplicaSet(rs.withReplicas(want));
        changed = true;
      }
    }
    if (!found) {
      PodTemplateSpec t = d.spec().template();
      ObjectMeta tm = t.metadata() == null ? ObjectMeta.named("") : t.metadata();
      Map<String, String> labels = new LinkedHashMap<>(tm.labels());
      labels.put(HASH, hash);
      PodTemplateSpec template = new PodTemplateSpec(tm.withLabels(labels), t.spec());
      io.kubesim.api.LabelSelector selector = d.spec().selector();
      Map<String, String> matchLabels = new LinkedHashMap<>(selector.matchLabels());
      matchLabels.put(HASH, hash);
      ObjectMeta rsMeta = new ObjectMeta(rsName, meta.namespace(), null, labels, Map.of(REVISION, "1"),
          List.of(new OwnerReference("apps/v1", "Deployment", meta.name(), meta.uid(), true)), null, null);
      cluster().putReplicaSet(new ReplicaSet(rsMeta, new ReplicaSet.Spec(d.spec().replicas(),
          new io.kubesim.api.LabelSelector(matchLabels, selector.matchExpressions()), template, d.spec().minReadySeconds())));
      changed = true;
    }
    return changed;
  }

  /** Whether a ReplicaSet's template is the Deployment's, apart from the hash label (adopting a snapshot's). */
  private static boolean sameTemplate(PodTemplateSpec rsTemplate, PodTemplateSpec template) {
    if (rsTemplate == null || rsTemplate.metadata() == null || template == null) return false;
    Map<String, String> labels = new LinkedHashMap<>(rsTemplate.metadata().labels());
    labels.remove(HASH);
    PodTemplateSpec stripped = new PodTemplateSpec(rsTemplate.metadata().withLabels(labels), rsTemplate.spec());
    ObjectMeta tm = template.metadata() == null ? ObjectMeta.named("") : template.metadata();
    return Canonical.text(new PodTemplateSpec(tm, template.spec())).equals(Canonical.text(stripped));
  }

  private boolean syncReplicaSet(ReplicaSet rs) {
    ObjectMeta meta = rs.metadata();
    List<Pod> live = new ArrayList<>();
    for (Pod p : cluster().podsControlledBy("ReplicaSet", meta.namespace(), meta.name())) {
      if (!p.isTerminating()) live.add(p);
    }
    int diff = rs.spec().replicas() - live.size();
    for (int i = 0; i < diff; i++) createPod(rs.spec().template(), meta, "ReplicaSet", uniqueName(meta.namespace(), meta.name()));
    if (diff < 0) {
      // Upstream ranks unassigned before assigned, then newer before older.
      live.sort(Comparator.<Pod>comparingInt(p -> p.isBound() ? 1 : 0).thenComparing(p -> p.metadata().uid(),
          Comparator.comparingLong(BasicEngine::uidNumber).reversed()));
      for (int i = 0; i < -diff; i++) sim.deletePod(live.get(i).key());
    }
    return diff != 0;
  }

  private static long uidNumber(String uid) {
    try {
      return Long.parseLong(uid.substring(uid.lastIndexOf('-') + 1));
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  private boolean syncStatefulSet(StatefulSet st) {
    ObjectMeta meta = st.metadata();
    boolean changed = false;
    Map<String, Pod> byName = new LinkedHashMap<>();
    for (Pod p : cluster().podsControlledBy("StatefulSet", meta.namespace(), meta.name())) byName.put(p.name(), p);
    for (int i = 0; i < st.spec().replicas(); i++) {
      String name = meta.name() + "-" + i;
      if (!byName.containsKey(name)) {
        Map<String, String> extra = Map.of("statefulset.kubernetes.io/pod-name", name, "apps.kubernetes.io/pod-index", Integer.toString(i));
        createPod(st.spec().template(), meta, "StatefulSet", name, extra);
        changed = true;
      }
    }
    for (Pod p : byName.values()) {
      String ordinal = p.name().substring(meta.name().length() + 1);
      if (!p.isTerminating() && ordinal.matches("[0-9]+") && Integer.parseInt(ordinal) >= st.spec().replicas()) {
        sim.deletePod(p.key());
        changed = true;
      }
    }
    return changed;
  }

  private void createPod(PodTemplateSpec template, ObjectMeta owner, String ownerKind, String name) {
    createPod(template, owner, ownerKind, name, Map.of());
  }

  private void createPod(PodTemplateSpec template, ObjectMeta owner, String ownerKind, String name, Map<String, String> extraLabels) {
    ObjectMeta tm = template.metadata() == null ? ObjectMeta.named("") : template.metadata();
    Map<String, String> labels = new LinkedHashMap<>(tm.labels());
    labels.putAll(extraLabels);
    String apiVersion = "apps/v1";
    ObjectMeta meta = new ObjectMeta(name, owner.namespace(), null, labels, tm.annotations(),
        List.of(new OwnerReference(apiVersion, ownerKind, owner.name(), owner.uid(), true)), null, null);
    sim.createPod(new Pod(meta, template.spec(), null));
  }

  private String uniqueName(String namespace, String prefix) {
    while (true) {
      StringBuilder sb = new StringBuilder(prefix).append('-');
      for (int i = 0; i < 5; i++) sb.append(NAME_CHARS.charAt(sim.random().nextInt(NAME_CHARS.length())));
      if (cluster().pod(namespace + "/" + sb) == null) return sb.toString();
    }
  }
}
