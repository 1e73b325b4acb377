package io.kubesim.reports.plan.solver;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One DoNotSchedule topology spread constraint of one workload: the pods it counts are that
 * workload's, the domains are the values of its key on the nodes the constraint's node inclusion
 * policies admit. The final placement is valid when every domain holds at most
 * {@code maxSkew} more pods than the least-loaded one, the minimum taken as 0 while fewer than
 * {@code minDomains} domains exist (upstream PodTopologySpread's filter, applied to the end state).
 */
public record SpreadGroup(String name, String topologyKey, int maxSkew, int minDomains, Map<String, String> domainOfNode, int domains) {

  /** Pods above what the constraint allows, over every domain. */
  public int violation(List<NodeSlot> nodes) {
    int[] c = counts(nodes);
    int min = domains < minDomains ? 0 : min(c);
    int over = 0;
    for (int x : c) over += Math.max(0, x - min - maxSkew);
    return over;
  }

  /** Max − min of the pods per domain. */
  public int skew(List<NodeSlot> nodes) {
    int[] c = counts(nodes);
    int max = 0;
    for (int x : c) max = Math.max(max, x);
    return max - min(c);
  }

  private int[] counts(List<NodeSlot> nodes) {
    Map<String, Integer> byDomain = new HashMap<>();
    for (String d : domainOfNode.values()) byDomain.putIfAbsent(d, 0);
    for (NodeSlot n : nodes) {
      String d = domainOfNode.get(n.name());
      if (d != null) byDomain.merge(d, 1, Integer::sum);
    }
    return byDomain.values().stream().mapToInt(Integer::intValue).toArray();
  }

  private static int min(int[] c) {
    int min = Integer.MAX_VALUE;
    for (int x : c) min = Math.min(min, x);
    return c.length == 0 ? 0 : min;
  }
}
