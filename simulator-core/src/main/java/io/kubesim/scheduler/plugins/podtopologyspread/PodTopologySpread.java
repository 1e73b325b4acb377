package io.kubesim.scheduler.plugins.podtopologyspread;

import io.kubesim.scheduler.framework.ClusterEvent;
import io.kubesim.scheduler.framework.EnqueueExtensions;
import io.kubesim.scheduler.framework.QueueingHint;
import io.kubesim.api.Pod;
import io.kubesim.api.ResourceNames;
import io.kubesim.api.TopologySpreadConstraint;
import io.kubesim.api.labels.RequiredNodeAffinity;
import io.kubesim.api.labels.Selector;
import io.kubesim.scheduler.framework.ClusterObjects;
import io.kubesim.scheduler.framework.CycleState;
import io.kubesim.scheduler.framework.Features;
import io.kubesim.scheduler.framework.FilterPlugin;
import io.kubesim.scheduler.framework.MatchingPodCounts;
import io.kubesim.scheduler.framework.NodeInfo;
import io.kubesim.scheduler.framework.PluginFactory;
import io.kubesim.scheduler.framework.PodInfo;
import io.kubesim.scheduler.framework.PreFilterExtensions;
import io.kubesim.scheduler.framework.PreFilterPlugin;
import io.kubesim.scheduler.framework.PreFilterResult;
import io.kubesim.scheduler.framework.PreScorePlugin;
import io.kubesim.scheduler.framework.ScorePlugin;
import io.kubesim.scheduler.framework.Snapshot;
import io.kubesim.scheduler.framework.StateKey;
import io.kubesim.scheduler.framework.Status;
import io.kubesim.scheduler.plugins.helper.PluginArgs;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The PodTopologySpread plugin (upstream {@code pkg/scheduler/framework/plugins/podtopologyspread},
 * v1.35): spreads pods that match a selector evenly over topology domains.
 *
 * <h2>Constraints</h2>
 * A pod with any {@code topologySpreadConstraints} uses its own: the DoNotSchedule ones in
 * PreFilter/Filter, the ScheduleAnyway ones in PreScore/Score. A pod with none gets the plugin's
 * default constraints with their selector replaced by {@link DefaultSelector} (none when that is
 * empty). See {@link Constraint} for the defaults of unset fields and the selector rules.
 *
 * <h2>Counting (PreFilter, {@link Filtering})</h2>
 * Over every node of the snapshot: a node is skipped when it lacks the key of <em>any</em> hard
 * constraint (and, with the NodeInclusionPolicy gate off, when it fails the pod's required node
 * affinity); for each constraint whose inclusion policies it passes, its domain becomes eligible
 * and gains the node's non-terminating pods of the pod's namespace that match the selector (an
 * empty selector counts none). Filter rejects a node lacking a key as UnschedulableAndUnresolvable
 * and a node where {@code count(domain) + selfMatch - minMatchNum > maxSkew} as Unschedulable.
 *
 * <h2>Scoring (PreScore, {@link Scoring})</h2>
 * Domains are seeded by the filtered nodes only (nodes lacking a key are ignored, except under
 * System defaulting for pods without own constraints), counted over every node; Score adds
 * {@code count * ln(size + 2) + maxSkew - 1} per constraint, {@code kubernetes.io/hostname} counted
 * on the node itself; NormalizeScore maps raw {@code s} to {@code 100 * (max + min - s) / max}.
 *
 * <h2>Snapshot in PreScore</h2>
 * Upstream's PreScore reads all nodes through the shared lister of the framework handle; ours reads
 * the cycle's snapshot from {@link CycleState#snapshot()}.
 *
 * <p>Counts come from {@link Snapshot#matchingPods}; per-node domain lookups are cached by node
 * index ({@link Domains}). An instance is meant for one scheduler thread.
 */
public final class PodTopologySpread
    implements PreFilterPlugin, PreFilterExtensions, FilterPlugin, PreScorePlugin, ScorePlugin, EnqueueExtensions {

  public static final String NAME = "PodTopologySpread";

  /** Filter's reason for a node whose domain would exceed maxSkew (code Unschedulable). */
  public static final String ERR_REASON_CONSTRAINTS_NOT_MATCH = "node(s) didn't match pod topology spread constraints";
  /** Filter's reason for a node without a constraint's topology key (code UnschedulableAndUnresolvable). */
  public static final String ERR_REASON_NODE_LABEL_NOT_MATCH = ERR_REASON_CONSTRAINTS_NOT_MATCH + " (missing required label)";

  /** Upstream {@code systemDefaultConstraints}: hostname maxSkew 3 and zone maxSkew 5, both ScheduleAnyway. */
  public static final List<TopologySpreadConstraint> SYSTEM_DEFAULT_CONSTRAINTS = List.of(
      new TopologySpreadConstraint(3, ResourceNames.LABEL_HOSTNAME, TopologySpreadConstraint.SCHEDULE_ANYWAY, null, null, null, null, null),
      new TopologySpreadConstraint(5, ResourceNames.LABEL_ZONE, TopologySpreadConstraint.SCHEDULE_ANYWAY, null, null, null, null, null));

  public static final StateKey<PreFilterState> PRE_FILTER_STATE_KEY = StateKey.of("PreFilter" + NAME, PreFilterState.class);
  public static final StateKey<PreScoreState> PRE_SCORE_STATE_KEY = StateKey.of("PreScore" + NAME, PreScoreState.class);

  static final Status CONSTRAINTS_NOT_MATCH = Status.unschedulable(ERR_REASON_CONSTRAINTS_NOT_MATCH).withPlugin(NAME);
  static final Status NODE_LABEL_NOT_MATCH = Status.unresolvable(ERR_REASON_NODE_LABEL_NOT_MATCH).withPlugin(NAME);
  private static final PreFilterResult PRE_FILTER_SUCCESS = PreFilterResult.of(Status.success());
  private static final PreFilterResult PRE_FILTER_SKIP = PreFilterResult.of(Status.skip());

  private final Features features;
  private final List<TopologySpreadConstraint> defaultConstraints;
  private final boolean systemDefaulted;
  private final Map<String, Domains> domainsByKey = new HashMap<>();
  private final Filtering filtering;
  private final Scoring scoring;

  /**
   * @param args null for upstream's defaults (System defaulting)
   * @throws IllegalArgumentException with upstream's validation message for invalid args
   */
  public PodTopologySpread(PodTopologySpreadArgs args, Features features) {
    PodTopologySpreadArgs a = (args == null ? PodTopologySpreadArgs.SYSTEM : args).validate();
    this.features = features == null ? Features.DEFAULTS : features;
    this.systemDefaulted = a.defaultingType() == PodTopologySpreadArgs.DefaultingType.System;
    this.defaultConstraints = systemDefaulted ? SYSTEM_DEFAULT_CONSTRAINTS : a.defaultConstraints();
    this.filtering = new Filtering(this);
    this.scoring = new Scoring(this);
  }

  /** For the plugin registry: args must be a {@link PodTopologySpreadArgs} or null. */
  public static PluginFactory factory() {
    return (args, features) -> new PodTopologySpread(PluginArgs.cast(args, PodTopologySpreadArgs.class), features);
  }

  @Override
  public String name() {
    return NAME;
  }

  public Features features() {
    return features;
  }

  /** The default constraints in effect (the system ones under System defaulting). */
  public List<TopologySpreadConstraint> defaultConstraints() {
    return defaultConstraints;
  }

  public boolean systemDefaulted() {
    return systemDefaulted;
  }

  /** The state PreFilter wrote in this cycle, or null (PreFilter skipped or did not run). */
  public static PreFilterState preFilterState(CycleState state) {
    return state.find(PRE_FILTER_STATE_KEY);
  }

  /** The state PreScore wrote in this cycle, or null. */
  public static PreScoreState preScoreState(CycleState state) {
    return state.find(PRE_SCORE_STATE_KEY);
  }

  // ---------------------------------------------------------------- constraints (upstream common.go)

  /**
   * The pod's constraints with {@code action} (DoNotSchedule or ScheduleAnyway): its own when it
   * declares any constraint at all, otherwise the defaults.
   *
   * @throws IllegalArgumentException when a selector does not compile, with upstream's wording
   */
  public List<Constraint> constraints(Pod pod, String action, ClusterObjects objects) {
    String kind = TopologySpreadConstraint.DO_NOT_SCHEDULE.equals(action) ? "hard" : "soft";
    if (!pod.spec().topologySpreadConstraints().isEmpty()) {
      try {
        return filterConstraints(pod.spec().topologySpreadConstraints(), pod.labels(), action);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("obtaining pod's " + kind + " topology spread constraints: " + e.getMessage(), e);
      }
    }
    try {
      return buildDefaultConstraints(pod, action, objects);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("setting default " + kind + " topology spread constraints: " + e.getMessage(), e);
    }
  }

  private List<Constraint> buildDefaultConstraints(Pod pod, String action, ClusterObjects objects) {
    List<Constraint> constraints = filterConstraints(defaultConstraints, pod.labels(), action);
    if (constraints.isEmpty()) return constraints;
    Selector selector = DefaultSelector.of(pod, objects);
    if (selector.isEmpty()) return List.of();
    List<Constraint> out = new ArrayList<>(constraints.size());
    for (Constraint c : constraints) {
      out.add(new Constraint(c.maxSkew(), c.topologyKey(), selector, c.minDomains(), c.nodeAffinityPolicy(), c.nodeTaintsPolicy()));
    }
    return out;
  }

  /** Upstream {@code filterTopologySpreadConstraints}: compile the ones with {@code action}, in order. */
  private List<Constraint> filterConstraints(List<TopologySpreadConstraint> specs, Map<String, String> podLabels, String action) {
    List<Constraint> out = new ArrayList<>();
    for (TopologySpreadConstraint c : specs) {
      if (!action.equals(c.whenUnsatisfiable())) continue;
      Selector selector = Selector.of(c.labelSelector());
      if (features.matchLabelKeysInPodTopologySpread() && !c.matchLabelKeys().isEmpty()) {
        Map<String, String> extra = new LinkedHashMap<>();
        for (String key : c.matchLabelKeys()) {
          String value = podLabels.get(key);
          if (value != null) extra.put(key, value); // keys the incoming pod lacks are dropped silently
        }
        // A nil labelSelector (NOTHING) has no requirements to merge into and stays NOTHING.
        if (!extra.isEmpty() && !selector.isNothing()) selector = Selector.fromSet(extra).and(selector);
      }
      NodeInclusionPolicy affinityPolicy = NodeInclusionPolicy.Honor;
      NodeInclusionPolicy taintsPolicy = NodeInclusionPolicy.Ignore;
      if (features.nodeInclusionPolicyInPodTopologySpread()) {
        if (c.nodeAffinityPolicy() != null) affinityPolicy = policy(c.nodeAffinityPolicy());
        if (c.nodeTaintsPolicy() != null) taintsPolicy = policy(c.nodeTaintsPolicy());
      }
      int minDomains = c.minDomains() == null ? 1 : c.minDomains();
      out.add(new Constraint(c.maxSkew(), c.topologyKey(), selector, minDomains, affinityPolicy, taintsPolicy));
    }
    return out;
  }

  /** Upstream compares with Honor only, so anything else behaves as Ignore. */
  private static NodeInclusionPolicy policy(String value) {
    return TopologySpreadConstraint.HONOR.equals(value) ? NodeInclusionPolicy.Honor : NodeInclusionPolicy.Ignore;
  }

  static boolean hasAffinity(RequiredNodeAffinity affinity) {
    return !affinity.nodeSelector().isEmpty() || affinity.required() != null;
  }

  /**
   * Per constraint, whether {@link Constraint#includes} can exclude a node: only with the
   * NodeInclusionPolicy gate on, and only for Honor policies that have something to honor.
   */
  boolean[] checkPolicies(List<Constraint> constraints, boolean anyAffinity) {
    boolean[] out = new boolean[constraints.size()];
    if (!features.nodeInclusionPolicyInPodTopologySpread()) return out;
    for (int i = 0; i < out.length; i++) {
      Constraint c = constraints.get(i);
      out[i] = (c.nodeAffinityPolicy() == NodeInclusionPolicy.Honor && anyAffinity) || c.nodeTaintsPolicy() == NodeInclusionPolicy.Honor;
    }
    return out;
  }

  Domains domains(String key) {
    return domainsByKey.computeIfAbsent(key, Domains::new);
  }

  /** The incremental counts for a selector; null when it counts nothing (empty or NOTHING). */
  static MatchingPodCounts matching(Snapshot snapshot, String namespace, Selector selector) {
    return selector.isEmpty() || selector.isNothing() ? null : snapshot.matchingPods(namespace, selector);
  }

  // ---------------------------------------------------------------- PreFilter / Filter (Filtering)

  @Override
  public PreFilterResult preFilter(CycleState state, PodInfo pod, Snapshot snapshot) {
    List<Constraint> constraints;
    try {
      constraints = constraints(pod.pod(), TopologySpreadConstraint.DO_NOT_SCHEDULE, snapshot.objects());
    } catch (IllegalArgumentException e) {
      return PreFilterResult.of(Status.error("get constraints from pod: " + e.getMessage()).withPlugin(NAME));
    }
    if (constraints.isEmpty()) return PRE_FILTER_SKIP;
    state.write(PRE_FILTER_STATE_KEY, filtering.count(pod.pod(), constraints, snapshot));
    return PRE_FILTER_SUCCESS;
  }

  @Override
  public PreFilterExtensions preFilterExtensions() {
    return this;
  }

  @Override
  public Status addPod(CycleState state, PodInfo podToSchedule, PodInfo other, NodeInfo node) {
    PreFilterState s = state.find(PRE_FILTER_STATE_KEY);
    if (s == null) return missing(PRE_FILTER_STATE_KEY);
    filtering.update(s, podToSchedule.pod(), other.pod(), node, 1);
    return Status.success();
  }

  @Override
  public Status removePod(CycleState state, PodInfo podToSchedule, PodInfo other, NodeInfo node) {
    PreFilterState s = state.find(PRE_FILTER_STATE_KEY);
    if (s == null) return missing(PRE_FILTER_STATE_KEY);
    filtering.update(s, podToSchedule.pod(), other.pod(), node, -1);
    return Status.success();
  }

  /** Filter over a chunk, with the cycle state read once (see {@link Filtering#filterAll}). */
  @Override
  public void filterAll(CycleState state, PodInfo pod, NodeInfo[] nodes, Status[] statuses, int count) {
    PreFilterState s = state.find(PRE_FILTER_STATE_KEY);
    if (s != null) {
      filtering.filterAll(s, nodes, statuses, count);
      return;
    }
    for (int i = 0; i < count; i++) {
      if (statuses[i] == null) statuses[i] = missing(PRE_FILTER_STATE_KEY);
    }
  }

  @Override
  public Status filter(CycleState state, PodInfo pod, NodeInfo node) {
    PreFilterState s = state.find(PRE_FILTER_STATE_KEY);
    if (s == null) return missing(PRE_FILTER_STATE_KEY);
    return filtering.filter(s, node);
  }

  private static Status missing(StateKey<?> key) {
    return Status.error("reading \"" + key.name() + "\" from cycleState: not found").withPlugin(NAME);
  }

  // ---------------------------------------------------------------- PreScore / Score (Scoring)

  /** Skip when nothing is to be scored; reads every node from the cycle's snapshot. */
  @Override
  public Status preScore(CycleState state, PodInfo podInfo, List<NodeInfo> filteredNodes) {
    Snapshot snapshot = state.snapshot();
    if (snapshot == null) return Status.error("getting all nodes: the cycle state has no snapshot").withPlugin(NAME);
    if (snapshot.nodeInfos().isEmpty()) return Status.skip();
    Pod pod = podInfo.pod();
    List<Constraint> constraints;
    try {
      constraints = constraints(pod, TopologySpreadConstraint.SCHEDULE_ANYWAY, snapshot.objects());
    } catch (IllegalArgumentException e) {
      return Status.error("calculating preScoreState: " + e.getMessage()).withPlugin(NAME);
    }
    if (constraints.isEmpty()) return Status.skip();
    // Only System defaulting (for pods without own constraints) keeps nodes that lack a topology key,
    // so that zone-less nodes still get hostname spreading.
    boolean requireAllTopologies = !pod.spec().topologySpreadConstraints().isEmpty() || !systemDefaulted;
    state.write(PRE_SCORE_STATE_KEY, scoring.preScore(pod, constraints, filteredNodes, snapshot, requireAllTopologies));
    return Status.success();
  }

  /** The default loop with the cycle's state read once. */
  @Override
  public void scoreAll(CycleState state, PodInfo pod, List<NodeInfo> nodes, long[] scores) {
    PreScoreState s = state.read(PRE_SCORE_STATE_KEY);
    for (int i = 0; i < scores.length; i++) scores[i] = scoring.score(s, nodes.get(i));
  }

  @Override
  public long score(CycleState state, PodInfo pod, NodeInfo node) {
    return scoring.score(state.read(PRE_SCORE_STATE_KEY), node);
  }

  @Override
  public void normalizeScore(CycleState state, PodInfo pod, List<NodeInfo> nodes, long[] scores) {
    Scoring.normalize(state.read(PRE_SCORE_STATE_KEY), nodes, scores);
  }

  // ---------------------------------------------------------------- skew as the scheduler sees it

  /**
   * For each of the pod's constraints (hard ones first, then soft ones, each in spec order; the
   * defaults when the pod declares none): the domain counts and skew, through PreFilter's counting.
   *
   * @throws IllegalArgumentException when a selector does not compile
   */
  public List<ConstraintSkew> skews(Pod pod, Snapshot snapshot) {
    List<ConstraintSkew> out = new ArrayList<>();
    for (String action : List.of(TopologySpreadConstraint.DO_NOT_SCHEDULE, TopologySpreadConstraint.SCHEDULE_ANYWAY)) {
      List<Constraint> constraints = constraints(pod, action, snapshot.objects());
      if (constraints.isEmpty()) continue;
      PreFilterState s = filtering.count(pod, constraints, snapshot);
      for (int i = 0; i < constraints.size(); i++) {
        Map<String, Integer> counts = s.tpValueToMatchNum(i);
        int max = counts.values().stream().mapToInt(Integer::intValue).max().orElse(0);
        int min = s.minMatchNum(i);
        out.add(new ConstraintSkew(constraints.get(i), action, counts, min, max, Math.max(0, max - min)));
      }
    }
    return out;
  }

  /** {@link #skews(Pod, Snapshot)} for a plugin configured with {@code args} and {@code features}. */
  public static List<ConstraintSkew> skews(PodTopologySpreadArgs args, Features features, Pod pod, Snapshot snapshot) {
    return new PodTopologySpread(args, features).skews(pod, snapshot);
  }

  /**
   * Upstream's hints, over the pod's DoNotSchedule constraints: queue on an assigned pod of the
   * same namespace whose labels match a constraint (added, deleted, or relabelled so that the
   * match flips); on a node added or deleted that carries every topology key; on a node update
   * that changes whether it carries them, one of their values, or its taints.
   */
  @Override
  public QueueingHint isSchedulableAfter(ClusterEvent event, Pod pod, Snapshot snapshot) {
    List<Constraint> hard;
    try {
      hard = constraints(pod, TopologySpreadConstraint.DO_NOT_SCHEDULE, snapshot == null ? null : snapshot.objects());
    } catch (RuntimeException e) {
      return QueueingHint.QUEUE;
    }
    if (hard.isEmpty()) return QueueingHint.SKIP;
    return switch (event.type()) {
      case ASSIGNED_POD_ADD -> matchesAny(hard, pod, event.newPod()) ? QueueingHint.QUEUE : QueueingHint.SKIP;
      case ASSIGNED_POD_DELETE -> matchesAny(hard, pod, event.oldPod()) ? QueueingHint.QUEUE : QueueingHint.SKIP;
      case ASSIGNED_POD_UPDATE -> matchesAny(hard, pod, event.oldPod()) != matchesAny(hard, pod, event.newPod())
          ? QueueingHint.QUEUE : QueueingHint.SKIP;
      case NODE_ADD -> hasAllKeys(hard, event.newNode()) ? QueueingHint.QUEUE : QueueingHint.SKIP;
      case NODE_DELETE -> hasAllKeys(hard, event.oldNode()) ? QueueingHint.QUEUE : QueueingHint.SKIP;
      case NODE_UPDATE -> nodeChangeMatters(hard, event) ? QueueingHint.QUEUE : QueueingHint.SKIP;
      default -> QueueingHint.QUEUE;
    };
  }

  private static boolean matchesAny(List<Constraint> constraints, Pod pod, Pod other) {
    if (other == null || !other.namespace().equals(pod.namespace())) return false;
    for (Constraint c : constraints) {
      if (c.selector().matches(other.labels())) return true;
    }
    return false;
  }

  private static boolean hasAllKeys(List<Constraint> constraints, io.kubesim.api.Node node) {
    for (Constraint c : constraints) {
      if (!node.labels().containsKey(c.topologyKey())) return false;
    }
    return true;
  }

  private static boolean nodeChangeMatters(List<Constraint> constraints, ClusterEvent event) {
    boolean before = hasAllKeys(constraints, event.oldNode());
    boolean after = hasAllKeys(constraints, event.newNode());
    if (before != after) return true;
    if (!after) return false;
    for (Constraint c : constraints) {
      if (!event.oldNode().labels().get(c.topologyKey()).equals(event.newNode().labels().get(c.topologyKey()))) return true;
    }
    return event.aspects().contains(ClusterEvent.NodeAspect.TAINT);
  }
}
