package io.kubesim.scheduler.plugins.interpodaffinity;

import io.kubesim.api.Pod;
import io.kubesim.scheduler.framework.ClusterEvent;
import io.kubesim.scheduler.framework.EnqueueExtensions;
import io.kubesim.scheduler.framework.QueueingHint;
import io.kubesim.scheduler.framework.CycleState;
import io.kubesim.scheduler.framework.Features;
import io.kubesim.scheduler.framework.FilterPlugin;
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
import java.util.List;

/**
 * Inter-pod affinity and anti-affinity.
 *
 * <p>Filter, in this order: the pod's required affinity (UnschedulableAndUnresolvable), its
 * required anti-affinity (Unschedulable), existing pods' required anti-affinity against it
 * (Unschedulable). Score: see {@link Scoring}; normalised to {@code 100 * (s - min) / (max - min)}.
 *
 * <p>PreScore needs every node, not only the filtered ones: it reads the cycle's snapshot from
 * {@link CycleState#snapshot()}, as upstream reads the framework handle's shared lister.
 */
public final class InterPodAffinity implements PreFilterPlugin, PreFilterExtensions, FilterPlugin, PreScorePlugin, ScorePlugin, EnqueueExtensions {
  public static final String NAME = "InterPodAffinity";

  /** Builds the plugin from registry args (InterPodAffinityArgs). */
  public static final PluginFactory FACTORY = (args, features) -> new InterPodAffinity(PluginArgs.cast(args, InterPodAffinityArgs.class), features);

  /** Upstream {@code ErrReasonExistingAntiAffinityRulesNotMatch}. */
  public static final String ERR_REASON_EXISTING_ANTI_AFFINITY_RULES_NOT_MATCH = "node(s) didn't satisfy existing pods anti-affinity rules";
  /** Upstream {@code ErrReasonAffinityRulesNotMatch}. */
  public static final String ERR_REASON_AFFINITY_RULES_NOT_MATCH = "node(s) didn't match pod affinity rules";
  /** Upstream {@code ErrReasonAntiAffinityRulesNotMatch}. */
  public static final String ERR_REASON_ANTI_AFFINITY_RULES_NOT_MATCH = "node(s) didn't match pod anti-affinity rules";

  private static final StateKey<Filtering.State> PRE_FILTER_KEY = StateKey.of("PreFilter" + NAME, Filtering.State.class);
  private static final StateKey<Scoring.TopologyScore> PRE_SCORE_KEY = StateKey.of("PreScore" + NAME, Scoring.TopologyScore.class);

  private final InterPodAffinityArgs args;

  /**
   * @param args null for {@link InterPodAffinityArgs#DEFAULTS}
   * @throws IllegalArgumentException when the args do not validate
   */
  public InterPodAffinity(InterPodAffinityArgs args, Features features) {
    this.args = args == null ? InterPodAffinityArgs.DEFAULTS : args;
    this.args.validate();
  }

  @Override
  public String name() {
    return NAME;
  }

  /**
   * UnschedulableAndUnresolvable for a pod whose terms do not parse; Skip when the pod has no
   * required terms and no existing pod's required anti-affinity matches it.
   */
  @Override
  public PreFilterResult preFilter(CycleState state, PodInfo pod, Snapshot snapshot) {
    if (pod.parseError() != null) return PreFilterResult.of(Status.unresolvable("parsing pod: " + ParseErrors.of(pod.pod())));
    Filtering.State s = Filtering.compute(pod, snapshot);
    if (s.isTrivial()) return PreFilterResult.of(Status.skip());
    state.write(PRE_FILTER_KEY, s);
    return PreFilterResult.of(Status.success());
  }

  @Override
  public PreFilterExtensions preFilterExtensions() {
    return this;
  }

  /**
   * Updates this cycle's counts as if {@code podToAdd} ran on {@code node}. Without PreFilter state
   * (PreFilter skipped) there is nothing to update: the framework does not consult this plugin's
   * Filter in that cycle.
   */
  @Override
  public Status addPod(CycleState state, PodInfo podToSchedule, PodInfo podToAdd, NodeInfo node) {
    Filtering.State s = state.find(PRE_FILTER_KEY);
    if (s != null) s.updateWithPod(podToAdd, node.node(), 1);
    return Status.success();
  }

  @Override
  public Status removePod(CycleState state, PodInfo podToSchedule, PodInfo podToRemove, NodeInfo node) {
    Filtering.State s = state.find(PRE_FILTER_KEY);
    if (s != null) s.updateWithPod(podToRemove, node.node(), -1);
    return Status.success();
  }

  /** The default loop, repeated here so that its call to {@link #filter} is bound to this class. */
  @Override
  public void filterAll(CycleState state, PodInfo pod, NodeInfo[] nodes, Status[] statuses, int count) {
    for (int i = 0; i < count; i++) {
      if (statuses[i] == null) {
        Status s = filter(state, pod, nodes[i]);
        if (!s.isSuccess()) statuses[i] = s.withPlugin(NAME);
      }
    }
  }

  @Override
  public Status filter(CycleState state, PodInfo pod, NodeInfo node) {
    Filtering.State s = state.read(PRE_FILTER_KEY);
    if (!Filtering.satisfyPodAffinity(s, node)) return Status.unresolvable(ERR_REASON_AFFINITY_RULES_NOT_MATCH);
    if (!Filtering.satisfyPodAntiAffinity(s, node)) return Status.unschedulable(ERR_REASON_ANTI_AFFINITY_RULES_NOT_MATCH);
    if (!Filtering.satisfyExistingPodsAntiAffinity(s, node)) {
      return Status.unschedulable(ERR_REASON_EXISTING_ANTI_AFFINITY_RULES_NOT_MATCH);
    }
    return Status.success();
  }

  /**
   * Skip when {@code ignorePreferredTermsOfExistingPods} is set and the pod has no preferred terms,
   * or when no term matched anywhere in the cluster.
   */
  @Override
  public Status preScore(CycleState state, PodInfo pod, List<NodeInfo> filteredNodes) {
    if (args.ignorePreferredTermsOfExistingPods() && !Scoring.hasPreferredTerms(pod)) return Status.skip();
    Snapshot snapshot = state.snapshot();
    if (snapshot == null) return Status.error("empty shared lister in InterPodAffinity PreScore: the cycle state has no snapshot");
    if (pod.parseError() != null) return Status.error("failed to parse pod: " + ParseErrors.of(pod.pod()));
    Scoring.TopologyScore score = Scoring.compute(pod, snapshot, args.hardPodAffinityWeight());
    if (score == null) return Status.skip();
    state.write(PRE_SCORE_KEY, score);
    return Status.success();
  }

  /** The summed weights of the pairs of the node's labels; positive for affinity, negative for anti-affinity. */
  /** The default loop, repeated here so that its call to {@link #score} is bound to this class. */
  @Override
  public void scoreAll(CycleState state, PodInfo pod, List<NodeInfo> nodes, long[] scores) {
    for (int i = 0; i < scores.length; i++) scores[i] = score(state, pod, nodes.get(i));
  }

  @Override
  public long score(CycleState state, PodInfo pod, NodeInfo node) {
    return state.read(PRE_SCORE_KEY).score(node.node());
  }

  /** {@code (long) (100 * (s - min) / (max - min))} in floating point; all 0 when max == min. */
  @Override
  public void normalizeScore(CycleState state, PodInfo pod, List<NodeInfo> nodes, long[] scores) {
    if (state.read(PRE_SCORE_KEY).isEmpty()) return;
    long min = Long.MAX_VALUE;
    long max = Long.MIN_VALUE;
    for (long s : scores) {
      min = Math.min(min, s);
      max = Math.max(max, s);
    }
    long diff = max - min;
    for (int i = 0; i < scores.length; i++) {
      double f = 0;
      if (diff > 0) f = (double) MAX_NODE_SCORE * ((double) (scores[i] - min) / (double) diff);
      scores[i] = (long) f;
    }
  }

  /**
   * Queue when an assigned pod that matches one of the pod's required affinity terms appears or is
   * relabelled, when any assigned pod is deleted (it may have blocked the pod by anti-affinity),
   * and when nodes are added or relabelled (new topology domains).
   */
  @Override
  public QueueingHint isSchedulableAfter(ClusterEvent event, Pod pod, io.kubesim.scheduler.framework.Snapshot snapshot) {
    return switch (event.type()) {
      case ASSIGNED_POD_DELETE, NODE_ADD -> QueueingHint.QUEUE;
      case NODE_UPDATE -> event.aspects().contains(ClusterEvent.NodeAspect.LABEL) ? QueueingHint.QUEUE : QueueingHint.SKIP;
      case ASSIGNED_POD_ADD, ASSIGNED_POD_UPDATE -> matchesRequiredAffinity(pod, event.newPod(), snapshot) ? QueueingHint.QUEUE : QueueingHint.SKIP;
      default -> QueueingHint.SKIP;
    };
  }

  private static boolean matchesRequiredAffinity(Pod pod, Pod other, io.kubesim.scheduler.framework.Snapshot snapshot) {
    PodInfo info = PodInfo.of(pod);
    for (var term : info.requiredAffinityTerms()) {
      if (term.matches(other, ns -> snapshot == null ? java.util.Map.of() : snapshot.objects().namespaceLabels(ns))) return true;
    }
    return false;
  }
}
