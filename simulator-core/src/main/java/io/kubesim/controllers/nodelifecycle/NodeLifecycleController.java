package io.kubesim.controllers.nodelifecycle;

import io.kubesim.api.Node;
import io.kubesim.api.Taint;
import io.kubesim.api.TaintEffect;
import io.kubesim.controllers.SimTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * The node lifecycle controller's tainting (upstream {@code node_lifecycle_controller.go}), as a
 * state machine with an explicit clock. Three entry points, which the engine calls like upstream's
 * loops:
 *
 * <ul>
 *   <li>{@link #noScheduleTaints} on every node update ({@code doNoScheduleTaintingPass}): the
 *       NoSchedule taints for the node's conditions and {@code spec.unschedulable}, at once.
 *   <li>{@link #monitorNodeHealth} every {@code --node-monitor-period} (5 s): marks nodes whose
 *       heartbeat is older than the grace period (50 s; 60 s for a node that never reported) as
 *       Ready=Unknown, queues NotReady/Unknown nodes for NoExecute tainting, un-taints Ready
 *       nodes, marks pods of newly not-ready nodes not ready, and recomputes each zone's state and
 *       rate: Normal → {@code --node-eviction-rate} 0.1/s; PartialDisruption (more than 2 nodes
 *       and at least 55 % not ready) → 0.01/s in zones of more than 50 nodes, else 0;
 *       FullDisruption (no Ready node) → 0.1/s again — unless every zone is fully disrupted, then
 *       all NoExecute taints are removed and tainting stops.
 *   <li>{@link #doNoExecuteTaintingPass} every 100 ms: per zone, while the zone's token bucket
 *       (burst 1) allows, taint the next queued node {@code not-ready:NoExecute} or
 *       {@code unreachable:NoExecute} (swapping the other one out).
 * </ul>
 *
 * Nodes are grouped by zone key {@code region + ":\0:" + zone} from the topology labels (the beta
 * labels as fallback); nodes labelled {@code node.kubernetes.io/exclude-disruption} do not count
 * towards zone states. Only the Ready condition is monitored (upstream also flips
 * Memory/Disk/PIDPressure to Unknown, which adds no taint).
 */
public final class NodeLifecycleController {
  public static final String EXCLUDE_DISRUPTION_LABEL = "node.kubernetes.io/exclude-disruption";

  /** Controller flags (kube-controller-manager defaults in {@link #DEFAULTS}). */
  public record Config(double evictionRate, double secondaryEvictionRate, int largeClusterSizeThreshold, double unhealthyZoneThreshold,
      long nodeMonitorGracePeriodMs, long nodeStartupGracePeriodMs) {
    public static final Config DEFAULTS = new Config(0.1, 0.01, 50, 0.55, 50_000, 60_000);
  }

  public enum ZoneState { INITIAL, NORMAL, PARTIAL_DISRUPTION, FULL_DISRUPTION }

  /**
   * A node as the controller observes it.
   *
   * @param ready the Ready condition's status ({@code True}, {@code False}, {@code Unknown}), or
   *     null when the kubelet never posted it
   * @param lastHeartbeatMs the kubelet's last status post or lease renewal, or null if none
   * @param conditions other condition statuses by type (MemoryPressure, DiskPressure,
   *     PIDPressure, NetworkUnavailable) for NoSchedule taints; may be empty
   */
  public record NodeObservation(Node node, String ready, Long lastHeartbeatMs, Map<String, String> conditions) {
    public NodeObservation {
      conditions = conditions == null ? Map.of() : Map.copyOf(conditions);
    }

    public NodeObservation(Node node, String ready, Long lastHeartbeatMs) {
      this(node, ready, lastHeartbeatMs, Map.of());
    }

    public String name() {
      return node.name();
    }
  }

  /**
   * What one {@link #monitorNodeHealth} pass does.
   *
   * @param readyUnknown nodes whose Ready condition the controller set to Unknown (heartbeat too old)
   * @param taintChanges taint writes, in order
   * @param markPodsNotReady nodes whose pods get their Ready condition set to False (the node just
   *     stopped being Ready)
   * @param resetProbeTimes true when the cluster just left "all zones fully disrupted"
   */
  public record MonitorResult(List<String> readyUnknown, List<NodeTaints.Change> taintChanges, List<String> markPodsNotReady,
      boolean resetProbeTimes) {}

  private record Health(long probeMs, Long lastHeartbeatMs, String ready) {}

  private final Config config;
  private final Map<String, ZoneState> zoneStates = new TreeMap<>();
  private final Map<String, RateLimitedTimedQueue> tainters = new TreeMap<>();
  private final Map<String, Health> health = new HashMap<>();
  private final Map<String, String> knownNodes = new LinkedHashMap<>(); // name -> zone

  public NodeLifecycleController(Config config) {
    this.config = config;
  }

  public NodeLifecycleController() {
    this(Config.DEFAULTS);
  }

  /** Upstream {@code nodetopology.GetZoneKey}. */
  public static String zoneKey(Node node) {
    return io.kubesim.api.labels.ZoneKey.of(node);
  }

  public ZoneState zoneState(String zone) {
    return zoneStates.get(zone);
  }

  /** The eviction rate (nodes per second) of a zone's NoExecute tainter. */
  public double zoneRate(String zone) {
    RateLimitedTimedQueue q = tainters.get(zone);
    return q == null ? config.evictionRate() : q.qps();
  }

  /** Nodes waiting in a zone's NoExecute tainting queue, in order. */
  public List<String> queued(String zone) {
    RateLimitedTimedQueue q = tainters.get(zone);
    return q == null ? List.of() : q.values();
  }

  /**
   * Upstream {@code doNoScheduleTaintingPass}: the change that makes the node's condition and
   * unschedulable NoSchedule taints match its state, or null when none is needed. Added taints
   * carry {@code timeAdded = now}.
   */
  public static NodeTaints.Change noScheduleTaints(Node node, String ready, Map<String, String> conditions, long nowMs) {
    Map<String, String> all = new HashMap<>(conditions == null ? Map.of() : conditions);
    if (ready != null) all.put("Ready", ready);
    List<Taint> want = new ArrayList<>();
    for (String type : new TreeSet<>(all.keySet())) {
      Map<String, String> byStatus = NodeTaints.CONDITION_TAINTS.get(type);
      if (byStatus != null && byStatus.containsKey(all.get(type))) {
        want.add(new Taint(byStatus.get(all.get(type)), "", TaintEffect.NoSchedule));
      }
    }
    if (node.spec().unschedulable()) want.add(new Taint(NodeTaints.UNSCHEDULABLE, "", TaintEffect.NoSchedule));
    List<Taint> have = new ArrayList<>();
    for (Taint t : node.spec().taints()) {
      if (t.effect() == TaintEffect.NoSchedule && (t.key().equals(NodeTaints.UNSCHEDULABLE) || NodeTaints.CONDITION_TAINT_KEYS.contains(t.key()))) {
        have.add(t);
      }
    }
    List<Taint> add = new ArrayList<>();
    for (Taint t : want) {
      if (!NodeTaints.exists(have, t)) add.add(new Taint(t.key(), t.value(), t.effect(), SimTime.format(nowMs)));
    }
    List<Taint> remove = new ArrayList<>();
    for (Taint t : have) {
      if (!NodeTaints.exists(want, t)) remove.add(t);
    }
    return add.isEmpty() && remove.isEmpty() ? null : new NodeTaints.Change(node.name(), add, remove);
  }

  /** Upstream {@code monitorNodeHealth} over all current nodes. */
  public MonitorResult monitorNodeHealth(List<NodeObservation> nodes, long nowMs) {
    List<String> readyUnknown = new ArrayList<>();
    List<NodeTaints.Change> changes = new ArrayList<>();
    List<String> markPodsNotReady = new ArrayList<>();
    // classify: new nodes, deleted nodes, new zones
    Map<String, String> seen = new LinkedHashMap<>();
    for (NodeObservation o : nodes) {
      String zone = zoneKey(o.node());
      seen.put(o.name(), zone);
      addTainterForZone(zone, nowMs);
      if (!knownNodes.containsKey(o.name())) {
        knownNodes.put(o.name(), zone);
        markNodeAsReachable(o, changes);
      }
    }
    knownNodes.keySet().retainAll(seen.keySet());
    health.keySet().retainAll(seen.keySet());

    Map<String, List<String>> zoneToReady = new TreeMap<>();
    for (NodeObservation o : nodes) {
      String observed = o.ready() == null ? "Unknown" : o.ready();
      String current = updateHealth(o, nowMs);
      if (current != null && !current.equals(o.ready())) readyUnknown.add(o.name());
      if (!o.node().labels().containsKey(EXCLUDE_DISRUPTION_LABEL)) {
        zoneToReady.computeIfAbsent(zoneKey(o.node()), z -> new ArrayList<>()).add(current);
      }
      if (current != null) {
        processTaintBasedEviction(o, observed, changes, nowMs);
        if (!"True".equals(current) && "True".equals(observed)) markPodsNotReady.add(o.name());
      }
    }
    boolean reset = handleDisruption(zoneToReady, nodes, changes, nowMs);
    return new MonitorResult(readyUnknown, changes, markPodsNotReady, reset);
  }

  /**
   * Upstream {@code tryUpdateNodeHealth}: the Ready status after this pass — Unknown once
   * {@code now} is past the last observed heartbeat change plus the grace period — or null when
   * the node never posted a Ready condition and is still within its startup grace.
   */
  private String updateHealth(NodeObservation o, long nowMs) {
    Health h = health.get(o.name());
    long grace = o.ready() == null ? config.nodeStartupGracePeriodMs() : config.nodeMonitorGracePeriodMs();
    long probe;
    if (h == null) {
      String created = o.node().metadata().creationTimestamp();
      probe = o.ready() == null && !SimTime.isZero(created) ? SimTime.parse(created) : nowMs;
    } else if (!java.util.Objects.equals(h.lastHeartbeatMs(), o.lastHeartbeatMs())) {
      probe = nowMs;
    } else {
      probe = h.probeMs();
    }
    health.put(o.name(), new Health(probe, o.lastHeartbeatMs(), o.ready()));
    if (nowMs > probe + grace) return "Unknown";
    return o.ready();
  }

  private void addTainterForZone(String zone, long nowMs) {
    if (!zoneStates.containsKey(zone)) {
      zoneStates.put(zone, ZoneState.INITIAL);
      tainters.put(zone, new RateLimitedTimedQueue(config.evictionRate(), nowMs));
    }
  }

  /** Upstream {@code processTaintBaseEviction}, on the Ready status observed at the start of the pass. */
  private void processTaintBasedEviction(NodeObservation o, String observed, List<NodeTaints.Change> changes, long nowMs) {
    List<Taint> taints = o.node().spec().taints();
    switch (observed) {
      case "False" -> {
        if (NodeTaints.exists(taints, NodeTaints.UNREACHABLE_NO_EXECUTE)) {
          changes.add(swap(o.name(), NodeTaints.NOT_READY_NO_EXECUTE, NodeTaints.UNREACHABLE_NO_EXECUTE, nowMs));
        } else {
          markNodeForTainting(o, "False", nowMs);
        }
      }
      case "Unknown" -> {
        if (NodeTaints.exists(taints, NodeTaints.NOT_READY_NO_EXECUTE)) {
          changes.add(swap(o.name(), NodeTaints.UNREACHABLE_NO_EXECUTE, NodeTaints.NOT_READY_NO_EXECUTE, nowMs));
        } else {
          markNodeForTainting(o, "Unknown", nowMs);
        }
      }
      case "True" -> markNodeAsReachable(o, changes);
      default -> { }
    }
  }

  private static NodeTaints.Change swap(String node, Taint add, Taint remove, long nowMs) {
    return new NodeTaints.Change(node, List.of(new Taint(add.key(), add.value(), add.effect(), SimTime.format(nowMs))), List.of(remove));
  }

  private void markNodeForTainting(NodeObservation o, String status, long nowMs) {
    RateLimitedTimedQueue q = tainters.get(zoneKey(o.node()));
    List<Taint> taints = o.node().spec().taints();
    if ("False".equals(status) && !NodeTaints.exists(taints, NodeTaints.NOT_READY_NO_EXECUTE)) q.remove(o.name());
    if ("Unknown".equals(status) && !NodeTaints.exists(taints, NodeTaints.UNREACHABLE_NO_EXECUTE)) q.remove(o.name());
    q.add(o.name(), nowMs);
  }

  /** Upstream {@code markNodeAsReachable}: removes both NoExecute taints and the node's queue entry. */
  private void markNodeAsReachable(NodeObservation o, List<NodeTaints.Change> changes) {
    List<Taint> present = new ArrayList<>();
    for (Taint t : List.of(NodeTaints.UNREACHABLE_NO_EXECUTE, NodeTaints.NOT_READY_NO_EXECUTE)) {
      if (NodeTaints.exists(o.node().spec().taints(), t)) present.add(t);
    }
    if (!present.isEmpty()) changes.add(new NodeTaints.Change(o.name(), List.of(), present));
    RateLimitedTimedQueue q = tainters.get(zoneKey(o.node()));
    if (q != null) q.remove(o.name());
  }

  /** Upstream {@code ComputeZoneState} over the zone's current Ready statuses (null = no condition). */
  public ZoneState computeZoneState(List<String> readyStatuses) {
    int ready = 0;
    int notReady = 0;
    for (String s : readyStatuses) {
      if ("True".equals(s)) ready++;
      else notReady++;
    }
    if (ready == 0 && notReady > 0) return ZoneState.FULL_DISRUPTION;
    if (notReady > 2 && (float) notReady / (notReady + ready) >= (float) config.unhealthyZoneThreshold()) return ZoneState.PARTIAL_DISRUPTION;
    return ZoneState.NORMAL;
  }

  /** Upstream {@code handleDisruption}; returns true when leaving the all-zones-down mode. */
  private boolean handleDisruption(Map<String, List<String>> zoneToReady, List<NodeObservation> nodes, List<NodeTaints.Change> changes,
      long nowMs) {
    Map<String, ZoneState> newStates = new TreeMap<>();
    boolean allAreFullyDisrupted = true;
    for (var e : zoneToReady.entrySet()) {
      ZoneState s = computeZoneState(e.getValue());
      if (s != ZoneState.FULL_DISRUPTION) allAreFullyDisrupted = false;
      newStates.put(e.getKey(), s);
      zoneStates.putIfAbsent(e.getKey(), ZoneState.INITIAL);
    }
    // zones without counted nodes are forgotten (upstream does this lazily, in map order)
    zoneStates.keySet().retainAll(zoneToReady.keySet());
    boolean allWasFullyDisrupted = zoneStates.values().stream().allMatch(s -> s == ZoneState.FULL_DISRUPTION);
    if (allAreFullyDisrupted && allWasFullyDisrupted) return false;
    if (allAreFullyDisrupted) {
      for (NodeObservation o : nodes) markNodeAsReachable(o, changes);
      for (String zone : zoneStates.keySet()) tainters.get(zone).swapLimiter(0, nowMs);
      zoneStates.replaceAll((z, s) -> ZoneState.FULL_DISRUPTION);
      return false;
    }
    if (allWasFullyDisrupted) {
      health.replaceAll((n, h) -> new Health(nowMs, h.lastHeartbeatMs(), h.ready()));
      for (String zone : zoneStates.keySet()) {
        setLimiterInZone(zone, zoneToReady.get(zone).size(), newStates.get(zone), nowMs);
        zoneStates.put(zone, newStates.get(zone));
      }
      return true;
    }
    for (String zone : zoneStates.keySet()) {
      ZoneState next = newStates.get(zone);
      if (zoneStates.get(zone) == next) continue;
      setLimiterInZone(zone, zoneToReady.get(zone).size(), next, nowMs);
      zoneStates.put(zone, next);
    }
    return false;
  }

  private void setLimiterInZone(String zone, int zoneSize, ZoneState state, long nowMs) {
    RateLimitedTimedQueue q = tainters.get(zone);
    switch (state) {
      case NORMAL, FULL_DISRUPTION -> q.swapLimiter(config.evictionRate(), nowMs);
      case PARTIAL_DISRUPTION -> q.swapLimiter(zoneSize > config.largeClusterSizeThreshold() ? config.secondaryEvictionRate() : 0, nowMs);
      default -> { }
    }
  }

  /**
   * Upstream {@code doNoExecuteTaintingPass}: for every zone, taint queued nodes while the zone's
   * limiter allows. {@code lookup} returns the node's current observation, or null when the node
   * is gone. A node Ready again, or gone, is dropped (still spending a token); a node without a
   * Ready condition is retried 50 ms later.
   */
  public List<NodeTaints.Change> doNoExecuteTaintingPass(Function<String, NodeObservation> lookup, long nowMs) {
    List<NodeTaints.Change> changes = new ArrayList<>();
    for (RateLimitedTimedQueue q : tainters.values()) {
      q.tryProcess(nowMs, name -> {
        NodeObservation o = lookup.apply(name);
        if (o == null) return RateLimitedTimedQueue.Outcome.DONE;
        if (o.ready() == null) return new RateLimitedTimedQueue.Outcome(false, 50);
        switch (o.ready()) {
          case "False" -> changes.add(swap(name, NodeTaints.NOT_READY_NO_EXECUTE, NodeTaints.UNREACHABLE_NO_EXECUTE, nowMs));
          case "Unknown" -> changes.add(swap(name, NodeTaints.UNREACHABLE_NO_EXECUTE, NodeTaints.NOT_READY_NO_EXECUTE, nowMs));
          default -> { }
        }
        return RateLimitedTimedQueue.Outcome.DONE;
      });
    }
    return changes;
  }
}
