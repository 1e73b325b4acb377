package io.kubesim.scheduler.plugins.nodeaffinity;

import io.kubesim.scheduler.framework.ClusterEvent;
import io.kubesim.scheduler.framework.EnqueueExtensions;
import io.kubesim.scheduler.framework.QueueingHint;
import io.kubesim.api.Affinity;
import io.kubesim.api.NodeSelector;
import io.kubesim.api.NodeSelectorRequirement;
import io.kubesim.api.NodeSelectorTerm;
import io.kubesim.api.Pod;
import io.kubesim.api.PreferredSchedulingTerm;
import io.kubesim.api.labels.NodeSelectorMatcher;
import io.kubesim.api.labels.RequiredNodeAffinity;
import io.kubesim.scheduler.framework.CycleState;
import io.kubesim.scheduler.framework.Features;
import io.kubesim.scheduler.framework.FilterPlugin;
import io.kubesim.scheduler.framework.NodeInfo;
import io.kubesim.scheduler.framework.PluginFactory;
import io.kubesim.scheduler.framework.PodInfo;
import io.kubesim.scheduler.framework.PreFilterPlugin;
import io.kubesim.scheduler.framework.PreFilterResult;
import io.kubesim.scheduler.framework.PreScorePlugin;
import io.kubesim.scheduler.framework.ScorePlugin;
import io.kubesim.scheduler.framework.Snapshot;
import io.kubesim.scheduler.framework.StateKey;
import io.kubesim.scheduler.framework.Status;
import io.kubesim.scheduler.plugins.helper.NormalizeScore;
import io.kubesim.scheduler.plugins.helper.PluginArgs;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Filter: the node must match the pod's {@code nodeSelector} and required node affinity (terms
 * ORed, requirements ANDed), and the profile's added required affinity. Score: the summed weights
 * of the pod's (and the profile's) preferred terms that match, normalised to the best node.
 */
public final class NodeAffinity implements PreFilterPlugin, FilterPlugin, PreScorePlugin, ScorePlugin, EnqueueExtensions {
  public static final String NAME = "NodeAffinity";

  /** Builds the plugin from registry args (NodeAffinityArgs). */
  public static final PluginFactory FACTORY = (args, features) -> new NodeAffinity(PluginArgs.cast(args, NodeAffinityArgs.class), features);

  /** Upstream {@code ErrReasonPod}. */
  public static final String ERR_REASON_POD = "node(s) didn't match Pod's node affinity/selector";
  /** The node does not match the profile's {@code addedAffinity}. */
  public static final String ERR_REASON_ENFORCED = "node(s) didn't match scheduler-enforced node affinity";
  /** Every required term names nodes by {@code metadata.name}, and together they name none. */
  public static final String ERR_REASON_CONFLICT = "pod affinity terms conflict";

  private static final String METADATA_NAME = "metadata.name";

  private record PreFilterState(RequiredNodeAffinity required) {}

  /** {@code preferred} null when the pod has no preferred terms. */
  private record PreScoreState(PreferredTerms preferred) {}

  private static final StateKey<PreFilterState> PRE_FILTER_KEY = StateKey.of("PreFilter" + NAME, PreFilterState.class);
  private static final StateKey<PreScoreState> PRE_SCORE_KEY = StateKey.of("PreScore" + NAME, PreScoreState.class);

  private final NodeSelector addedNodeSelector;
  private final PreferredTerms addedPreferred;

  /**
   * @param args null for defaults (no added affinity)
   * @throws IllegalArgumentException when {@code args} do not validate
   */
  public NodeAffinity(NodeAffinityArgs args, Features features) {
    if (args == null) args = NodeAffinityArgs.DEFAULTS;
    args.validate();
    io.kubesim.api.NodeAffinity added = args.addedAffinity();
    this.addedNodeSelector = added == null ? null : added.requiredDuringSchedulingIgnoredDuringExecution();
    this.addedPreferred = added == null || added.preferredDuringSchedulingIgnoredDuringExecution().isEmpty()
        ? null
        : PreferredTerms.compile(added.preferredDuringSchedulingIgnoredDuringExecution(), "");
  }

  @Override
  public String name() {
    return NAME;
  }

  /**
   * Skip when neither the pod nor the profile constrains nodes. When every required term names
   * nodes with {@code metadata.name In}, only those nodes can pass: the result narrows to the
   * union over terms of each term's intersection; an empty union rejects the pod.
   */
  @Override
  public PreFilterResult preFilter(CycleState state, PodInfo pod, Snapshot snapshot) {
    NodeSelector required = requiredNodeAffinity(pod.pod());
    // Upstream tells an absent nodeSelector from an empty one; the model cannot, and both pass every node.
    if (required == null && addedNodeSelector == null && pod.pod().spec().nodeSelector().isEmpty()) {
      return PreFilterResult.of(Status.skip());
    }
    state.write(PRE_FILTER_KEY, new PreFilterState(RequiredNodeAffinity.of(pod.pod())));
    if (required == null || required.nodeSelectorTerms().isEmpty()) return PreFilterResult.of(Status.success());

    Set<String> nodeNames = new HashSet<>();
    for (NodeSelectorTerm term : required.nodeSelectorTerms()) {
      Set<String> termNodeNames = null;
      for (NodeSelectorRequirement r : term.matchFields()) {
        if (METADATA_NAME.equals(r.key()) && "In".equals(r.operator())) {
          // Requirements are ANDed: intersect.
          if (termNodeNames == null) {
            termNodeNames = new HashSet<>(r.values());
          } else {
            termNodeNames.retainAll(r.values());
          }
        }
      }
      // A term without a node-name requirement admits every node, and terms are ORed.
      if (termNodeNames == null) return PreFilterResult.of(Status.success());
      nodeNames.addAll(termNodeNames);
    }
    if (nodeNames.isEmpty()) return PreFilterResult.of(Status.unresolvable(ERR_REASON_CONFLICT));
    return new PreFilterResult(Status.success(), Set.copyOf(nodeNames));
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

  /** UnschedulableAndUnresolvable: preemption cannot relabel a node. */
  @Override
  public Status filter(CycleState state, PodInfo pod, NodeInfo node) {
    if (addedNodeSelector != null && !NodeSelectorMatcher.matches(addedNodeSelector, node.node())) {
      return Status.unresolvable(ERR_REASON_ENFORCED);
    }
    PreFilterState s = state.find(PRE_FILTER_KEY);
    RequiredNodeAffinity required = s != null ? s.required() : RequiredNodeAffinity.of(pod.pod());
    // Invalid terms match nothing; upstream ignores their parse errors here too.
    return required.matches(node.node()) ? Status.success() : Status.unresolvable(ERR_REASON_POD);
  }

  /** Skip when neither the pod nor the profile has preferred terms; Error for an invalid preferred term. */
  @Override
  public Status preScore(CycleState state, PodInfo pod, List<NodeInfo> filteredNodes) {
    PreferredTerms preferred;
    try {
      preferred = preferredTerms(pod.pod());
    } catch (IllegalArgumentException e) {
      return Status.error(e.getMessage());
    }
    if (preferred == null && addedPreferred == null) return Status.skip();
    state.write(PRE_SCORE_KEY, new PreScoreState(preferred));
    return Status.success();
  }

  /** The default loop, repeated here so that its call to {@link #score} is bound to this class. */
  @Override
  public void scoreAll(CycleState state, PodInfo pod, List<NodeInfo> nodes, long[] scores) {
    for (int i = 0; i < scores.length; i++) scores[i] = score(state, pod, nodes.get(i));
  }

  @Override
  public long score(CycleState state, PodInfo pod, NodeInfo node) {
    long count = addedPreferred == null ? 0 : addedPreferred.score(node.node());
    PreScoreState s = state.find(PRE_SCORE_KEY);
    PreferredTerms preferred = s != null ? s.preferred() : preferredTerms(pod.pod());
    if (preferred != null) count += preferred.score(node.node());
    return count;
  }

  @Override
  public void normalizeScore(CycleState state, PodInfo pod, List<NodeInfo> nodes, long[] scores) {
    NormalizeScore.defaultNormalizeScore(MAX_NODE_SCORE, false, scores);
  }

  private static NodeSelector requiredNodeAffinity(Pod pod) {
    Affinity a = pod.spec().affinity();
    return a == null || a.nodeAffinity() == null ? null : a.nodeAffinity().requiredDuringSchedulingIgnoredDuringExecution();
  }

  /** Null when the pod has no preferred terms (upstream: a nil list; the model has no nil/empty split). */
  private static PreferredTerms preferredTerms(Pod pod) {
    Affinity a = pod.spec().affinity();
    if (a == null || a.nodeAffinity() == null) return null;
    List<PreferredSchedulingTerm> terms = a.nodeAffinity().preferredDuringSchedulingIgnoredDuringExecution();
    return terms.isEmpty() ? null : PreferredTerms.compile(terms, "");
  }

  /** Queue when an added node, or a relabelled one that did not match before, matches the pod's required affinity. */
  @Override
  public QueueingHint isSchedulableAfter(ClusterEvent event, io.kubesim.api.Pod pod, io.kubesim.scheduler.framework.Snapshot snapshot) {
    RequiredNodeAffinity required = RequiredNodeAffinity.of(pod);
    return switch (event.type()) {
      case NODE_ADD -> required.matches(event.newNode()) ? QueueingHint.QUEUE : QueueingHint.SKIP;
      case NODE_UPDATE -> event.aspects().contains(ClusterEvent.NodeAspect.LABEL) && !required.matches(event.oldNode())
          && required.matches(event.newNode()) ? QueueingHint.QUEUE : QueueingHint.SKIP;
      default -> QueueingHint.SKIP;
    };
  }
}
