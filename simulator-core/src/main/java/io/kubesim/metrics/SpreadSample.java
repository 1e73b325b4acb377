package io.kubesim.metrics;

import java.util.Map;

/**
 * One spread constraint of one workload at one moment.
 *
 * @param index the constraint's position in the pod template
 * @param schedulerSkew skew as PodTopologySpread measures it for the workload's next pod (policies,
 *     matchLabelKeys and minDomains applied; 0 domains below minDomains count as the minimum)
 * @param eligibleDomains domains the scheduler counts
 * @param minDomainsMet whether {@code eligibleDomains >= minDomains}
 * @param domainCounts the workload's running or starting pods per domain over every node with
 *     the key (what a person sees), all revisions
 * @param humanSkew max − min of {@code domainCounts}
 * @param newRevisionCounts as {@code domainCounts}, for the newest revision only
 */
public record SpreadSample(
    long time,
    WorkloadRef workload,
    int index,
    String topologyKey,
    String whenUnsatisfiable,
    int maxSkew,
    int minDomains,
    int schedulerSkew,
    int eligibleDomains,
    boolean minDomainsMet,
    Map<String, Integer> domainCounts,
    int humanSkew,
    Map<String, Integer> newRevisionCounts) {

  /** Max − min of {@code newRevisionCounts}. */
  public int newRevisionSkew() {
    return skew(newRevisionCounts);
  }

  /** Max − min of domain counts (0 without domains). */
  public static int skew(Map<String, Integer> counts) {
    if (counts.isEmpty()) return 0;
    int max = Integer.MIN_VALUE, min = Integer.MAX_VALUE;
    for (int c : counts.values()) {
      max = Math.max(max, c);
      min = Math.min(min, c);
    }
    return max - min;
  }
}
