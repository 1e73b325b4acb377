package io.kubesim.cluster;

import io.kubesim.api.Deployment;
import io.kubesim.api.Node;
import io.kubesim.api.PodDisruptionBudget;
import io.kubesim.api.Pod;
import io.kubesim.api.ReplicaSet;
import io.kubesim.api.ReplicationController;
import io.kubesim.api.Service;
import io.kubesim.api.StatefulSet;
import io.kubesim.api.labels.Selector;
import io.kubesim.scheduler.framework.ClusterObjects;
import io.kubesim.scheduler.framework.MatchingPodCounts;
import io.kubesim.scheduler.framework.NodeInfo;
import io.kubesim.scheduler.framework.PodInfo;
import io.kubesim.scheduler.framework.Snapshot;
import io.kubesim.scheduler.framework.TopologyDomains;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The cluster: nodes, every pod (pending or bound) and the objects plugins look up. Bound pods are
 * accounted on their {@link NodeInfo} as they bind and leave; {@link MatchingPodCounts} registered
 * by plugins are updated on each change, never rebuilt.
 *
 * <p>The scheduler reads it directly as its {@link Snapshot}: the simulation is single-threaded and
 * a cycle never overlaps a change, which is what upstream's per-cycle snapshot guarantees.
 */
public final class Cluster implements Snapshot, ClusterObjects {
  private final Map<String, NodeInfo> nodes = new LinkedHashMap<>();
  /** Zone-interleaved node list; null when nodes changed since it was built. */
  private List<NodeInfo> nodeOrder = List.of();
  /** Nodes holding pods with (anti-)affinity terms; null when pods changed since built. */
  private List<NodeInfo> withAffinity;
  private List<NodeInfo> withRequiredAntiAffinity;
  private int nextNodeIndex;
  private final Map<String, Pod> pods = new LinkedHashMap<>();
  private final Map<String, PodInfo> boundPodInfos = new HashMap<>();
  private final Map<String, Map<Selector, SelectorCounts>> countsByNamespace = new HashMap<>();
  /** Pods by controller, each owner's in the order they were added or last updated. */
  private final Map<ControllerKey, Map<String, Pod>> podsByController = new HashMap<>();

  /** A controller's identity; a record, so that lookups hash the three cached String hashes. */
  private record ControllerKey(String kind, String namespace, String name) {}
  /** Per namespace, label set → the selector counts that match it (see {@link #countsMatching}). */
  private final Map<String, Map<Map<String, String>, SelectorCounts[]>> matchingByLabels = new HashMap<>();
  private static final int MAX_MEMO_LABEL_SETS = 4096;
  /** Per topology key asked about, its domains over the nodes (kept current on node changes). */
  private final Map<String, TopologyIndex> topologyIndexes = new HashMap<>();

  private final Map<String, List<Service>> services = new HashMap<>();
  private final Map<String, ReplicationController> replicationControllers = new HashMap<>();
  private final Map<String, ReplicaSet> replicaSets = new LinkedHashMap<>();
  private final Map<String, StatefulSet> statefulSets = new LinkedHashMap<>();
  private final Map<String, Deployment> deployments = new LinkedHashMap<>();
  private final Map<String, PodDisruptionBudget> podDisruptionBudgets = new LinkedHashMap<>();
  private final Map<String, Map<String, String>> namespaceLabels = new HashMap<>();

  // ---- nodes

  public NodeInfo addNode(Node node) {
    if (nodes.containsKey(node.name())) throw new IllegalArgumentException("node " + node.name() + " already exists");
    NodeInfo info = new NodeInfo(nextNodeIndex++, node);
    nodes.put(node.name(), info);
    nodeOrder = null;
    for (TopologyIndex index : topologyIndexes.values()) index.put(info.index(), node);
    for (Pod p : pods.values()) {
      if (isOnNode(p) && p.spec().nodeName().equals(node.name())) account(p);
    }
    return info;
  }

  public void updateNode(Node node) {
    NodeInfo info = requireNode(node.name());
    boolean zoneChanged = !Objects.equals(NodeTree.zoneOf(info.node()), NodeTree.zoneOf(node));
    info.setNode(node);
    if (zoneChanged) nodeOrder = null;
    for (TopologyIndex index : topologyIndexes.values()) {
      int from = index.put(info.index(), node);
      int to = index.domainOf(info.index());
      if (from != to) {
        for (Map<Selector, SelectorCounts> byNs : countsByNamespace.values()) {
          for (SelectorCounts c : byNs.values()) c.moved(index, info.index(), from, to);
        }
      }
    }
  }

  /** Removes the node; pods bound to it stay in the cluster (the caller deletes or reschedules them). */
  public void removeNode(String name) {
    NodeInfo info = requireNode(name);
    for (PodInfo p : List.copyOf(info.pods())) unaccount(p.pod());
    for (TopologyIndex index : topologyIndexes.values()) index.remove(info.index());
    nodes.remove(name);
    nodeOrder = null;
  }

  public Node node(String name) {
    NodeInfo info = nodes.get(name);
    return info == null ? null : info.node();
  }

  private NodeInfo requireNode(String name) {
    NodeInfo info = nodes.get(name);
    if (info == null) throw new IllegalArgumentException("node " + name + " does not exist");
    return info;
  }

  // ---- pods

  /** Adds a pod; a pod with {@code spec.nodeName} set is bound (and accounted) at once. */
  public void addPod(Pod pod) {
    if (pods.containsKey(pod.key())) throw new IllegalArgumentException("pod " + pod.key() + " already exists");
    pods.put(pod.key(), pod);
    indexController(pod, true);
    if (isOnNode(pod)) account(pod);
  }

  /**
   * Whether the pod occupies its node: bound and not terminal. Succeeded and Failed pods are out
   * of the scheduler's view entirely (its informer filters them), though the objects remain.
   */
  private static boolean isOnNode(Pod pod) {
    return pod.isBound() && !pod.status().isTerminal();
  }

  /** Replaces a pod (same namespace/name), e.g. to bind it, relabel it or mark it terminating. */
  public void updatePod(Pod pod) {
    Pod old = pods.get(pod.key());
    if (old == null) throw new IllegalArgumentException("pod " + pod.key() + " does not exist");
    // A status change (running, ready) leaves every selector's count where it was: skip the
    // -1/+1 walk over the namespace's selectors.
    boolean countsUnchanged = isOnNode(old) && isOnNode(pod) && old.spec().nodeName().equals(pod.spec().nodeName())
        && old.isTerminating() == pod.isTerminating() && old.labels().equals(pod.labels());
    if (countsUnchanged && old.metadata() == pod.metadata() && old.spec() == pod.spec() && replaceStatus(pod)) {
      indexController(old, false);
      pods.put(pod.key(), pod);
      indexController(pod, true);
      return;
    }
    if (isOnNode(old)) unaccount(old, !countsUnchanged);
    indexController(old, false);
    pods.put(pod.key(), pod);
    indexController(pod, true);
    if (isOnNode(pod)) account(pod, !countsUnchanged);
  }

  /**
   * A status change of a pod on its node (same metadata and spec objects): its node sees the new
   * pod as unaccount + account would show it, without working out its requests and affinity again.
   * False when the pod is not accounted on a node.
   */
  private boolean replaceStatus(Pod pod) {
    PodInfo before = boundPodInfos.get(pod.key());
    NodeInfo info = nodes.get(pod.spec().nodeName());
    if (before == null || info == null) return false;
    PodInfo after = before.withPod(pod);
    info.replacePod(before, after);
    boundPodInfos.put(pod.key(), after);
    return true;
  }

  public void bind(String podKey, String nodeName) {
    Pod pod = pods.get(podKey);
    if (pod == null) throw new IllegalArgumentException("pod " + podKey + " does not exist");
    if (pod.isBound()) throw new IllegalStateException("pod " + podKey + " is already bound to " + pod.spec().nodeName());
    requireNode(nodeName);
    updatePod(pod.withNodeName(nodeName));
  }

  public void deletePod(String podKey) {
    Pod old = pods.remove(podKey);
    if (old == null) throw new IllegalArgumentException("pod " + podKey + " does not exist");
    indexController(old, false);
    if (isOnNode(old)) unaccount(old);
  }

  /** Pods whose controller reference names this owner, in the order they were added or last updated. */
  public List<Pod> podsControlledBy(String kind, String namespace, String name) {
    Map<String, Pod> owned = podsByController.get(new ControllerKey(kind, namespace, name));
    return owned == null ? List.of() : new ArrayList<>(owned.values());
  }

  private void indexController(Pod pod, boolean add) {
    io.kubesim.api.OwnerReference ref = pod.metadata().controllerRef();
    if (ref == null) return;
    ControllerKey owner = new ControllerKey(ref.kind(), pod.namespace(), ref.name());
    if (add) {
      podsByController.computeIfAbsent(owner, o -> new LinkedHashMap<>()).put(pod.key(), pod);
    } else {
      Map<String, Pod> owned = podsByController.get(owner);
      if (owned != null) owned.remove(pod.key());
    }
  }

  public Pod pod(String key) {
    return pods.get(key);
  }

  /** Every pod, in the order they were added. */
  public Collection<Pod> pods() {
    return java.util.Collections.unmodifiableCollection(pods.values());
  }

  private void account(Pod pod) {
    account(pod, true);
  }

  private void account(Pod pod, boolean updateCounts) {
    NodeInfo info = nodes.get(pod.spec().nodeName());
    if (info == null) return; // bound to a node that is gone: not part of any node's accounting
    PodInfo pi = PodInfo.of(pod);
    boundPodInfos.put(pod.key(), pi);
    info.addPod(pi);
    if (pi.hasAffinity()) invalidateAffinityLists();
    if (updateCounts) updateCounts(pod, info, +1);
  }

  private void unaccount(Pod pod) {
    unaccount(pod, true);
  }

  private void unaccount(Pod pod, boolean updateCounts) {
    PodInfo pi = boundPodInfos.remove(pod.key());
    NodeInfo info = nodes.get(pod.spec().nodeName());
    if (pi == null || info == null) return;
    info.removePod(pi);
    if (pi.hasAffinity()) invalidateAffinityLists();
    if (updateCounts) updateCounts(pod, info, -1);
  }

  private void updateCounts(Pod pod, NodeInfo node, int delta) {
    Map<Selector, SelectorCounts> byNs = countsByNamespace.get(pod.namespace());
    if (byNs == null || pod.isTerminating()) return; // terminating pods count for no selector
    for (SelectorCounts c : countsMatching(pod, byNs)) c.add(node.index(), delta);
  }

  /**
   * The namespace's selector counts that count {@code pod} (not terminating), remembered per label
   * set: a Deployment's pods share their labels, so a bind costs one lookup instead of matching
   * every registered selector. Forgotten when a selector is registered in the namespace.
   */
  private SelectorCounts[] countsMatching(Pod pod, Map<Selector, SelectorCounts> byNs) {
    Map<Map<String, String>, SelectorCounts[]> memo = matchingByLabels.computeIfAbsent(pod.namespace(), ns -> new HashMap<>());
    SelectorCounts[] matching = memo.get(pod.labels());
    if (matching == null) {
      List<SelectorCounts> out = new ArrayList<>();
      for (SelectorCounts c : byNs.values()) {
        if (c.counts(pod)) out.add(c);
      }
      matching = out.toArray(new SelectorCounts[0]);
      if (memo.size() >= MAX_MEMO_LABEL_SETS) memo.clear();
      memo.put(pod.labels(), matching);
    }
    return matching;
  }

  // ---- Snapshot

  private void invalidateAffinityLists() {
    withAffinity = null;
    withRequiredAntiAffinity = null;
  }

  @Override
  public List<NodeInfo> nodeInfos() {
    if (nodeOrder == null) nodeOrder = NodeTree.interleaveZones(nodes.values());
    return nodeOrder;
  }

  @Override
  public NodeInfo get(String nodeName) {
    return nodes.get(nodeName);
  }

  @Override
  public List<NodeInfo> havePodsWithAffinity() {
    if (withAffinity == null) withAffinity = nodeInfos().stream().filter(n -> !n.podsWithAffinity().isEmpty()).toList();
    return withAffinity;
  }

  @Override
  public List<NodeInfo> havePodsWithRequiredAntiAffinity() {
    if (withRequiredAntiAffinity == null) {
      withRequiredAntiAffinity = nodeInfos().stream().filter(n -> !n.podsWithRequiredAntiAffinity().isEmpty()).toList();
    }
    return withRequiredAntiAffinity;
  }

  @Override
  public MatchingPodCounts matchingPods(String namespace, Selector selector) {
    Map<Selector, SelectorCounts> byNs = countsByNamespace.computeIfAbsent(namespace, ns -> new HashMap<>());
    SelectorCounts counts = byNs.get(selector);
    if (counts == null) {
      counts = new SelectorCounts(namespace, selector);
      // Bound pods mostly share a few label sets (one per ReplicaSet): match each set once.
      Map<Map<String, String>, Boolean> matches = new HashMap<>();
      for (NodeInfo n : nodes.values()) {
        for (PodInfo p : n.pods()) {
          Pod pod = p.pod();
          if (pod.isTerminating() || !pod.namespace().equals(namespace)) continue;
          Boolean match = matches.get(pod.labels());
          if (match == null) {
            match = counts.counts(pod);
            matches.put(pod.labels(), match);
          }
          if (match) counts.add(n.index(), 1);
        }
      }
      byNs.put(selector, counts);
      matchingByLabels.remove(namespace);
    }
    return counts;
  }

  @Override
  public TopologyDomains topologyDomains(String topologyKey) {
    TopologyIndex index = topologyIndexes.get(topologyKey);
    if (index == null) {
      index = new TopologyIndex(topologyKey);
      for (NodeInfo n : nodes.values()) index.put(n.index(), n.node());
      topologyIndexes.put(topologyKey, index);
    }
    return index;
  }

  @Override
  public ClusterObjects objects() {
    return this;
  }

  // ---- objects

  public void addService(Service s) {
    services.computeIfAbsent(s.metadata().namespace(), ns -> new ArrayList<>()).add(s);
  }

  public void addReplicationController(ReplicationController rc) {
    replicationControllers.put(key(rc.metadata().namespace(), rc.metadata().name()), rc);
  }

  public void putReplicaSet(ReplicaSet rs) {
    replicaSets.put(key(rs.metadata().namespace(), rs.metadata().name()), rs);
  }

  public void removeReplicaSet(String namespace, String name) {
    replicaSets.remove(key(namespace, name));
  }

  public void putStatefulSet(StatefulSet ss) {
    statefulSets.put(key(ss.metadata().namespace(), ss.metadata().name()), ss);
  }

  public void removeStatefulSet(String namespace, String name) {
    statefulSets.remove(key(namespace, name));
  }

  public void putDeployment(Deployment d) {
    deployments.put(key(d.metadata().namespace(), d.metadata().name()), d);
  }

  public void removeDeployment(String namespace, String name) {
    deployments.remove(key(namespace, name));
  }

  /** null when absent. */
  public Deployment deployment(String namespace, String name) {
    return deployments.get(key(namespace, name));
  }

  public Collection<Deployment> deployments() {
    return java.util.Collections.unmodifiableCollection(deployments.values());
  }

  public Collection<ReplicaSet> replicaSets() {
    return java.util.Collections.unmodifiableCollection(replicaSets.values());
  }

  public Collection<StatefulSet> statefulSets() {
    return java.util.Collections.unmodifiableCollection(statefulSets.values());
  }

  public void putPodDisruptionBudget(PodDisruptionBudget pdb) {
    podDisruptionBudgets.put(key(pdb.metadata().namespace(), pdb.metadata().name()), pdb);
  }

  public void removePodDisruptionBudget(String namespace, String name) {
    podDisruptionBudgets.remove(key(namespace, name));
  }

  public Collection<PodDisruptionBudget> podDisruptionBudgets() {
    return java.util.Collections.unmodifiableCollection(podDisruptionBudgets.values());
  }

  /** Node names in insertion order. */
  public java.util.Set<String> nodeNames() {
    return java.util.Collections.unmodifiableSet(nodes.keySet());
  }

  public void putNamespace(String name, Map<String, String> labels) {
    namespaceLabels.put(name, Map.copyOf(labels));
  }

  @Override
  public List<Service> services(String namespace) {
    return services.getOrDefault(namespace, List.of());
  }

  @Override
  public ReplicationController replicationController(String namespace, String name) {
    return replicationControllers.get(key(namespace, name));
  }

  @Override
  public ReplicaSet replicaSet(String namespace, String name) {
    return replicaSets.get(key(namespace, name));
  }

  @Override
  public StatefulSet statefulSet(String namespace, String name) {
    return statefulSets.get(key(namespace, name));
  }

  @Override
  public Map<String, String> namespaceLabels(String namespace) {
    Map<String, String> labels = namespaceLabels.get(namespace);
    // Every namespace carries its name label (kubernetes.io/metadata.name), even one never declared.
    return labels != null ? labels : Map.of("kubernetes.io/metadata.name", namespace);
  }

  private static String key(String namespace, String name) {
    return namespace + "/" + name;
  }
}
