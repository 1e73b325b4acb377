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
import java.util.Arrays;
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

  /** The pod's request of each scored resource, read-only once written. */
  private record PreScoreState(long[] podRequests) {}

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
    this.scorer = new ResourceAllocationScorer(args.resources(), true, STRATEGY);
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

  /** Reads the cycle state once for all nodes. */
  @Override
  public void scoreAll(CycleState state, PodInfo pod, List<NodeInfo> nodes, long[] scores) {
    long[] podRequests = podRequests(state, pod);
    if (podRequests == null) {
      Arrays.fill(scores, 0);
      return;
    }
    scorer.scoreAll(nodes, podRequests, scores);
  }

  @Override
  public long score(CycleState state, PodInfo pod, NodeInfo node) {
    long[] podRequests = podRequests(state, pod);
    return podRequests == null ? 0 : scorer.score(node, podRequests);
  }

  /** The PreScore state's requests; without it (Score run alone) the pod's, null for a best-effort pod. */
  private long[] podRequests(CycleState state, PodInfo pod) {
    PreScoreState s = state.find(PRE_SCORE_KEY);
    if (s != null) return s.podRequests();
    long[] podRequests = scorer.podRequests(pod);
    return ResourceAllocationScorer.isBestEffort(podRequests) ? null : podRequests;
  }

  /** Upstream's balance of the resource fractions; the scorer's strategy. */
  static final ResourceAllocationScorer.Strategy STRATEGY = new ResourceAllocationScorer.Strategy() {
    @Override
    public long score(long[] requested, long[] allocatable) {
      return balancedResourceScore(requested, allocatable);
    }

    @Override
    public long scoreCpuAndMemory(long requestedCpu, long allocatableCpu, long requestedMemory, long allocatableMemory) {
      return balancedResourceScore2(requestedCpu, allocatableCpu, requestedMemory, allocatableMemory);
    }
  };

  static long balancedResourceScore(long[] requested, long[] allocatable) {
    if (requested.length == 2) return balancedResourceScore2(requested[0], allocatable[0], requested[1], allocatable[1]);
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
  private static long balancedResourceScore2(long requested0, long allocatable0, long requested1, long allocatable1) {
    double std = 0;
    if (allocatable0 != 0 && allocatable1 != 0) {
      double f0 = Math.min(1.0, (double) requested0 / (double) allocatable0);
      double f1 = Math.min(1.0, (double) requested1 / (double) allocatable1);
      std = Math.abs((f0 - f1) / 2);
    }
    return (long) ((1 - std) * MAX_NODE_SCORE);
  }
}
