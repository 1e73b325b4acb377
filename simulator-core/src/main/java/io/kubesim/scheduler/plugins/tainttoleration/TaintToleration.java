package io.kubesim.scheduler.plugins.tainttoleration;

import io.kubesim.scheduler.framework.ClusterEvent;
import io.kubesim.scheduler.framework.EnqueueExtensions;
import io.kubesim.scheduler.framework.QueueingHint;
import io.kubesim.api.Pod;
import io.kubesim.api.Taint;
import io.kubesim.api.TaintEffect;
import io.kubesim.api.Toleration;
import io.kubesim.scheduler.framework.CycleState;
import io.kubesim.scheduler.framework.Features;
import io.kubesim.scheduler.framework.FilterPlugin;
import io.kubesim.scheduler.framework.NodeInfo;
import io.kubesim.scheduler.framework.PluginFactory;
import io.kubesim.scheduler.framework.PodInfo;
import io.kubesim.scheduler.framework.PreScorePlugin;
import io.kubesim.scheduler.framework.ScorePlugin;
import io.kubesim.scheduler.framework.StateKey;
import io.kubesim.scheduler.framework.Status;
import io.kubesim.scheduler.plugins.helper.NormalizeScore;
import io.kubesim.scheduler.plugins.helper.PluginArgs;
import io.kubesim.scheduler.plugins.helper.Tolerations;
import java.util.ArrayList;
import java.util.List;

/**
 * Filter: a node with a NoSchedule or NoExecute taint the pod does not tolerate is rejected,
 * naming the first such taint. Score: the number of PreferNoSchedule taints the pod does not
 * tolerate, normalised in reverse (fewer untolerated taints, higher score).
 */
public final class TaintToleration implements FilterPlugin, PreScorePlugin, ScorePlugin, EnqueueExtensions {
  public static final String NAME = "TaintToleration";

  /** Builds the plugin from registry args (none). */
  public static final PluginFactory FACTORY = (args, features) -> {
    PluginArgs.none(args, NAME);
    return new TaintToleration(features);
  };

  /** Upstream formats the reason as {@code node(s) had untolerated taint {<key>: <value>}}. */
  public static final String ERR_REASON_FORMAT = "node(s) had untolerated taint {%s: %s}";

  /** The tolerations that can tolerate a PreferNoSchedule taint (effect empty or PreferNoSchedule). */
  private record PreScoreState(List<Toleration> tolerationsPreferNoSchedule) {}

  private static final StateKey<PreScoreState> PRE_SCORE_KEY = StateKey.of("PreScore" + NAME, PreScoreState.class);

  private final boolean comparisonOperators;

  public TaintToleration(Features features) {
    this.comparisonOperators = features.taintTolerationComparisonOperators();
  }

  @Override
  public String name() {
    return NAME;
  }

  /** The default loop with the pod's tolerations read once, and untainted nodes passed on one field. */
  @Override
  public void filterAll(CycleState state, PodInfo pod, NodeInfo[] nodes, Status[] statuses, int count) {
    List<Toleration> tolerations = pod.pod().spec().tolerations();
    for (int i = 0; i < count; i++) {
      if (statuses[i] != null || !nodes[i].hasTaints()) continue; // most nodes: no taint to tolerate
      Status s = filter(nodes[i].taints(), tolerations);
      if (!s.isSuccess()) statuses[i] = s.withPlugin(NAME);
    }
  }

  /** UnschedulableAndUnresolvable: preemption cannot remove a taint. */
  @Override
  public Status filter(CycleState state, PodInfo pod, NodeInfo node) {
    return filter(node.taints(), pod.pod().spec().tolerations());
  }

  private Status filter(List<Taint> taints, List<Toleration> tolerations) {
    Taint taint = Tolerations.findUntolerated(taints, tolerations, Tolerations.DO_NOT_SCHEDULE, comparisonOperators);
    if (taint == null) return Status.success();
    return Status.unresolvable(String.format(ERR_REASON_FORMAT, taint.key(), taint.value()));
  }

  @Override
  public Status preScore(CycleState state, PodInfo pod, List<NodeInfo> filteredNodes) {
    List<Toleration> preferNoSchedule = new ArrayList<>();
    for (Toleration t : pod.pod().spec().tolerations()) {
      // An empty effect tolerates every effect, PreferNoSchedule included.
      if (t.effect() == null || t.effect() == TaintEffect.PreferNoSchedule) preferNoSchedule.add(t);
    }
    state.write(PRE_SCORE_KEY, new PreScoreState(List.copyOf(preferNoSchedule)));
    return Status.success();
  }

  /**
   * Reads the cycle state once for all nodes; untainted nodes score 0 on one field.
   */
  @Override
  public void scoreAll(CycleState state, PodInfo pod, List<NodeInfo> nodes, long[] scores) {
    PreScoreState s = state.find(PRE_SCORE_KEY);
    if (s == null) { // no PreScore state: the node-by-node loop, so that score reports it at a tainted node
      ScorePlugin.super.scoreAll(state, pod, nodes, scores);
      return;
    }
    for (int i = 0; i < scores.length; i++) {
      NodeInfo node = nodes.get(i);
      scores[i] = node.hasTaints() ? countIntolerable(node.taints(), s.tolerationsPreferNoSchedule()) : 0;
    }
  }

  /** The number of the node's PreferNoSchedule taints that the pod does not tolerate. */
  @Override
  public long score(CycleState state, PodInfo pod, NodeInfo node) {
    List<Taint> taints = node.taints();
    if (taints.isEmpty()) return 0; // most nodes: nothing to count
    return countIntolerable(taints, state.read(PRE_SCORE_KEY).tolerationsPreferNoSchedule());
  }

  private long countIntolerable(List<Taint> taints, List<Toleration> tolerationsPreferNoSchedule) {
    long intolerable = 0;
    for (Taint taint : taints) {
      if (taint.effect() == TaintEffect.PreferNoSchedule && !Tolerations.tolerated(tolerationsPreferNoSchedule, taint, comparisonOperators)) {
        intolerable++;
      }
    }
    return intolerable;
  }

  @Override
  public void normalizeScore(CycleState state, PodInfo pod, List<NodeInfo> nodes, long[] scores) {
    NormalizeScore.defaultNormalizeScore(MAX_NODE_SCORE, true, scores);
  }

  /** Queue when a node is added, or loses its last taint the pod does not tolerate. */
  @Override
  public QueueingHint isSchedulableAfter(ClusterEvent event, Pod pod, io.kubesim.scheduler.framework.Snapshot snapshot) {
    return switch (event.type()) {
      case NODE_ADD -> untolerated(event.newNode(), pod) ? QueueingHint.SKIP : QueueingHint.QUEUE;
      case NODE_UPDATE -> event.aspects().contains(ClusterEvent.NodeAspect.TAINT) && untolerated(event.oldNode(), pod)
          && !untolerated(event.newNode(), pod) ? QueueingHint.QUEUE : QueueingHint.SKIP;
      default -> QueueingHint.SKIP;
    };
  }

  private boolean untolerated(io.kubesim.api.Node node, Pod pod) {
    return Tolerations.findUntolerated(node.spec().taints(), pod.spec().tolerations(), Tolerations.DO_NOT_SCHEDULE, comparisonOperators) != null;
  }
}
