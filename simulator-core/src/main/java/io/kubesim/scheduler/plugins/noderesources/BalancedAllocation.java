package io.kubesim.scheduler.plugins.noderesources;

import io.kubesim.scheduler.framework.CycleState;
import io.kubesim.scheduler.framework.Features;
import io.kubesim.scheduler.framework.NodeInfo;
import io.kubesim.scheduler.framework.PluginFactory;
import io.kubesim.scheduler.framework.PodInfo;
import io.kubesim.scheduler.framework.PreScorePlugin;
import io.kubesim.scheduler.framework.ScorePlugin;
import io.kubesim.scheduler.framework.StateKey;
import io.kubesim.scheduler.framework.Status;
import io.kubesim.scheduler.plugins.helper.PluginArgs;
import java.util.List;

/**
 * NodeResourcesBalancedAllocation: favours nodes whose resource fractions (actual requests with
 * the pod, over allocatable, capped at 1) are close to each other. {@code score = (int) ((1 - std)
 * * 100)} where std is {@code |f1 - f2| / 2} for two resources, the population standard deviation
 * for more, 0 for one. Best-effort pods (no request of any configured resource) are skipped.
 */
public final class BalancedAllocation implements PreScorePlugin, ScorePlugin {
  public static final String NAME = "NodeResourcesBalancedAllocation";

  /** Builds the plugin from registry args (NodeResourcesBalancedAllocationArgs). */
  public static final PluginFactory FACTORY = (args, features) -> new BalancedAllocation(PluginArgs.cast(args, NodeResourcesBalancedAllocationArgs.class), features);

  /** The pod's requests, and work arrays for Score (a cycle scores on one thread). */
  private record PreScoreState(long[] podRequests, long[] requested, long[] allocatable) {
    PreScoreState(long[] podRequests) {
      this(podRequests, new long[podRequests.length], new long[podRequests.length]);
    }
  }

  private static final StateKey<PreScoreState> PRE_SCORE_KEY = StateKey.of("PreScore" + NAME, PreScoreState.class);

  private final ResourceAllocationScorer scorer;

  /**
   * @param args null for {@link NodeResourcesBalancedAllocationArgs#DEFAULTS}
   * @throws IllegalArgumentException when the args do not validate or list no resources (upstream
   *     fails every Score then)
   */
  public BalancedAllocation(NodeResourcesBalancedAllocationArgs args, Features features) {
    if (args == null) args = NodeResourcesBalancedAllocationArgs.DEFAULTS;
    args.validate();
    this.scorer = new ResourceAllocationScorer(args.resources(), true, BalancedAllocation::balancedResourceScore);
  }

  @Override
  public String name() {
    return NAME;
  }

  /**
   * Skip for best-effort pods: scoring them by balance would pile them onto the same node
   * (kubernetes#129138).
   */
  @Override
  public Status preScore(CycleState state, PodInfo pod, List<NodeInfo> filteredNodes) {
    long[] podRequests = scorer.podRequests(pod);
    if (ResourceAllocationScorer.isBestEffort(podRequests)) return Status.skip();
    state.write(PRE_SCORE_KEY, new PreScoreState(podRequests));
    return Status.success();
  }

  /** The default loop, repeated here so that its call to {@link #score} is bound to this class. */
  @Override
  public void scoreAll(CycleState state, PodInfo pod, List<NodeInfo> nodes, long[] scores) {
    for (int i = 0; i < scores.length; i++) scores[i] = score(state, pod, nodes.get(i));
  }

  @Override
  public long score(CycleState state, PodInfo pod, NodeInfo node) {
    PreScoreState s = state.find(PRE_SCORE_KEY);
    long[] podRequests;
    if (s != null) {
      return scorer.score(node, s.podRequests(), s.requested(), s.allocatable());
    } else {
      podRequests = scorer.podRequests(pod);
      if (ResourceAllocationScorer.isBestEffort(podRequests)) return 0;
    }
    return scorer.score(node, podRequests);
  }

  static long balancedResourceScore(long[] requested, long[] allocatable) {
    if (requested.length == 2) return balancedResourceScore2(requested, allocatable);
    double[] fractions = new double[requested.length];
    int n = 0;
    double total = 0;
    for (int i = 0; i < requested.length; i++) {
      if (allocatable[i] == 0) continue;
      double f = Math.min(1.0, (double) requested[i] / (double) allocatable[i]);
      total += f;
      fractions[n++] = f;
    }
    double std = 0;
    if (n == 2) {
      std = Math.abs((fractions[0] - fractions[1]) / 2);
    } else if (n > 2) {
      double mean = total / n;
      double sum = 0;
      for (int i = 0; i < n; i++) sum += (fractions[i] - mean) * (fractions[i] - mean);
      std = Math.sqrt(sum / n);
    }
    return (long) ((1 - std) * MAX_NODE_SCORE);
  }

  /** The same for two resources (the default cpu and memory), without the fractions array. */
  private static long balancedResourceScore2(long[] requested, long[] allocatable) {
    boolean has0 = allocatable[0] != 0;
    boolean has1 = allocatable[1] != 0;
    double std = 0;
    if (has0 && has1) {
      double f0 = Math.min(1.0, (double) requested[0] / (double) allocatable[0]);
      double f1 = Math.min(1.0, (double) requested[1] / (double) allocatable[1]);
      std = Math.abs((f0 - f1) / 2);
    }
    return (long) ((1 - std) * MAX_NODE_SCORE);
  }
}
