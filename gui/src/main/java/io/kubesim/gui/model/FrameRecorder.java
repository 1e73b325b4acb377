package io.kubesim.gui.model;

import io.kubesim.api.Node;
import io.kubesim.api.OwnerReference;
import io.kubesim.api.Pod;
import io.kubesim.api.Quantity;
import io.kubesim.api.ResourceNames;
import io.kubesim.api.Taint;
import io.kubesim.cluster.Cluster;
import io.kubesim.controllers.deployment.PodTemplateHash;
import io.kubesim.controllers.statefulset.StatefulSetController;
import io.kubesim.kubelet.NodeCpuAdmission;
import io.kubesim.kubelet.PinningQuality;
import io.kubesim.kubelet.cm.cpuset.CpuSet;
import io.kubesim.scheduler.SchedulingDecision;
import io.kubesim.scheduler.framework.PodRequests;
import io.kubesim.scheduler.framework.NodeInfo;
import io.kubesim.sim.KubeletAdmitter;
import io.kubesim.sim.Simulation;
import io.kubesim.sim.SimulationListener;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Turns a running simulation into {@link Frame}s: after a settle where anything changed it copies
 * the cluster into immutable views. Runs on the simulation's thread.
 *
 * <p>Frames are at least {@code spacing} apart (1 s, more when the cluster holds many pods, so a
 * replay of 150,000 pods stays within about {@value #POD_REFERENCE_BUDGET} pod references); a
 * timeline event always gets its own frame. Views of unchanged pods and nodes are shared between
 * frames: the simulator replaces an object when it changes, so identity tells what changed.
 */
public final class FrameRecorder implements SimulationListener {
  static final long POD_REFERENCE_BUDGET = 20_000_000;
  private static final long MIN_SPACING_MS = 1_000;

  private final Simulation sim;
  private final KubeletAdmitter admitter;
  private final long durationMs;
  private final List<Frame> frames = new ArrayList<>();
  private final List<TimedDecision> decisions = new ArrayList<>();
  private final Map<String, Cached<Pod, PodView>> podViews = new HashMap<>();
  private final Map<String, Cached<Node, NodeView>> nodeViews = new HashMap<>();
  private final Map<String, List<String>> revisionsOfWorkload = new HashMap<>();
  private final List<String> events = new ArrayList<>();
  private boolean dirty = true;

  private record Cached<S, V>(S source, V view) {}

  /** A scheduling decision and when it was made. */
  public record TimedDecision(long time, SchedulingDecision decision) {}

  public FrameRecorder(Simulation sim, KubeletAdmitter admitter, long durationMs) {
    this.sim = sim;
    this.admitter = admitter;
    this.durationMs = durationMs;
  }

  public List<Frame> frames() {
    return List.copyOf(frames);
  }

  public List<TimedDecision> decisions() {
    return List.copyOf(decisions);
  }

  @Override
  public void onDecision(long now, SchedulingDecision decision) {
    decisions.add(new TimedDecision(now, decision));
    dirty = true;
  }

  @Override
  public void onPodChange(long now, Pod before, Pod after) {
    dirty = true;
  }

  @Override
  public void onTimelineEvent(long now, String label) {
    events.add(label);
    dirty = true;
  }

  @Override
  public void afterSettle(long now) {
    boolean first = frames.isEmpty();
    long last = first ? Long.MIN_VALUE : frames.get(frames.size() - 1).time();
    boolean nodesChanged = nodesChanged();
    if (!first && !dirty && !nodesChanged) return;
    if (!first && events.isEmpty() && now - last < spacing()) return;
    Frame f = capture(now);
    if (!first && last == now) frames.set(frames.size() - 1, f);
    else frames.add(f);
    events.clear();
    dirty = false;
  }

  private long spacing() {
    long pods = sim.cluster().pods().size();
    return Math.max(MIN_SPACING_MS, durationMs * pods / POD_REFERENCE_BUDGET);
  }

  private boolean nodesChanged() {
    Cluster c = sim.cluster();
    if (c.nodeInfos().size() != nodeViews.size()) return true;
    for (NodeInfo info : c.nodeInfos()) {
      Cached<Node, NodeView> cached = nodeViews.get(info.node().name());
      if (cached == null || cached.source() != info.node()) return true;
    }
    return false;
  }

  private Frame capture(long now) {
    Cluster c = sim.cluster();
    List<Node> current = new ArrayList<>();
    for (NodeInfo info : c.nodeInfos()) current.add(info.node());
    List<NodeView> nodes = views(current, nodeViews, Node::name, FrameRecorder::nodeView);
    // Numbers in names compare as numbers, so worker-2 comes before worker-10.
    nodes.sort(java.util.Comparator.comparing(NodeView::name, io.kubesim.scenarios.NodeSelection.NATURAL));
    List<PodView> pods = views(c.pods(), podViews, Pod::key, this::podView);
    pods.sort(java.util.Comparator.comparing(PodView::key));

    Map<String, NodeCpus> cpus = new TreeMap<>();
    Map<String, String> keyOfUid = new HashMap<>();
    if (!admitter.nodes().isEmpty()) for (Pod p : c.pods()) keyOfUid.put(p.metadata().uid(), p.key());
    int exclusive = 0, numa = 0, socket = 0;
    for (Map.Entry<String, NodeCpuAdmission> e : admitter.nodes().entrySet()) {
      NodeCpuAdmission a = e.getValue();
      Map<Integer, String> owners = new HashMap<>();
      for (String uid : a.admittedPods()) {
        String podKey = keyOfUid.getOrDefault(uid, uid);
        for (Map.Entry<String, CpuSet> ex : a.exclusiveCpus(uid).entrySet()) {
          for (int cpu : ex.getValue()) owners.put(cpu, podKey + "/" + ex.getKey());
        }
        for (PinningQuality q : a.pinning(uid)) {
          if (!q.exclusive()) continue;
          exclusive++;
          if (q.numaNodes().size() == 1) numa++;
          if (q.sockets().size() == 1) socket++;
        }
      }
      cpus.put(e.getKey(), new NodeCpus(a.reservedCpus(), a.sharedPool(), owners));
    }
    return Frame.of(now, nodes, pods, cpus, new Alignment(exclusive, numa, socket), events);
  }

  /** The views of {@code sources}, reusing the cached view of every object the simulator has not replaced; the cache keeps only current objects. */
  private static <S, V> List<V> views(Iterable<S> sources, Map<String, Cached<S, V>> cache, java.util.function.Function<S, String> key,
      java.util.function.Function<S, V> view) {
    List<V> out = new ArrayList<>();
    Map<String, Cached<S, V>> kept = new HashMap<>();
    for (S source : sources) {
      Cached<S, V> cached = cache.get(key.apply(source));
      if (cached == null || cached.source() != source) cached = new Cached<>(source, view.apply(source));
      kept.put(key.apply(source), cached);
      out.add(cached.view());
    }
    cache.clear();
    cache.putAll(kept);
    return out;
  }

  private static NodeView nodeView(Node n) {
    boolean notReady = false;
    for (Taint t : n.spec().taints()) notReady |= NodeStates.meansNotReady(t);
    Quantity cpu = n.status().allocatable().get(ResourceNames.CPU);
    return new NodeView(n.name(), n.labels().getOrDefault(ResourceNames.LABEL_REGION, ""), n.labels().getOrDefault(ResourceNames.LABEL_ZONE, ""),
        n.spec().taints(), n.spec().unschedulable(), notReady, cpu == null ? 0 : cpu.milliValue());
  }

  private PodView podView(Pod p) {
    String workload = workloadOf(p);
    String revision = p.labels().getOrDefault(PodTemplateHash.LABEL, p.labels().getOrDefault(StatefulSetController.REVISION_LABEL, ""));
    int ordinal = 0;
    if (!workload.isEmpty() && !revision.isEmpty()) {
      List<String> seen = revisionsOfWorkload.computeIfAbsent(workload, w -> new ArrayList<>());
      ordinal = seen.indexOf(revision);
      if (ordinal < 0) {
        seen.add(revision);
        ordinal = seen.size() - 1;
      }
    }
    String phase = p.status().phase() == null ? "Pending" : p.status().phase();
    return new PodView(p.key(), p.spec().nodeName(), phase, workload, revision, ordinal, p.status().isReady(), p.isTerminating(),
        PodRequests.of(p).milliCpu());
  }

  /** {@code Deployment/web} for a pod of ReplicaSet {@code web-<hash>}, else the controller's kind/name. */
  static String workloadOf(Pod p) {
    OwnerReference ref = p.metadata().controllerRef();
    if (ref == null) return "";
    String hash = p.labels().get(PodTemplateHash.LABEL);
    if (ref.kind().equals("ReplicaSet") && hash != null && ref.name().endsWith("-" + hash)) {
      return "Deployment/" + ref.name().substring(0, ref.name().length() - hash.length() - 1);
    }
    return ref.kind() + "/" + ref.name();
  }
}
