package io.kubesim.reports.plan;

import java.util.List;
import java.util.Map;

/**
 * One question answered for one variant: what the default scheduler achieves with pods arriving
 * in order (greedy), the best placement the solver found (optimal), and the bound no placement can
 * beat — a lower bound for fewest nodes, an upper bound for headroom.
 *
 * @param unit what the numbers count ("nodes per zone", "nodes", "extra replicas")
 * @param greedy null when the default scheduler never succeeded up to the question's max
 * @param optimal null when the solver found no valid placement
 * @param optimalPerZone the solver's used nodes per zone (empty for headroom)
 * @param proven whether the solver's answer meets the bound (so it is optimal)
 * @param verified whether the simulator's own plugins and kubelets accept the solver's placement
 * @param infeasible non-null when a bound proves no size can work
 */
public record Answer(String question, String kind, String variant, String unit, Integer greedy, String greedyNote, Integer optimal,
    String optimalNote, int bound, String boundNote, boolean proven, long solveMs, String score, boolean verified, List<String> rejected,
    Map<String, Integer> optimalPerZone, String infeasible) {

  /** Greedy minus optimal (nodes) or optimal minus greedy (replicas): what rescheduling would gain; null when unknown. */
  public Integer gap() {
    if (greedy == null || optimal == null) return null;
    return kind.equals("headroom") ? optimal - greedy : greedy - optimal;
  }
}
