package io.kubesim.reports.plan.solver;

import java.util.Map;

/**
 * A candidate node as the solver sees it: capacity, labels, and the CPUs each alignment cell
 * (NUMA node or socket) can give exclusively.
 *
 * @param cellCapacity exclusive CPUs per cell, largest first; null when the node does not pin
 *     CPUs (or the question does not need alignment)
 * @param usedWeight how much a used node costs (medium level): 0 when the question does not
 *     count nodes
 * @param zone the node's zone and what the fullest zone costs
 */
public record NodeSlot(int index, String name, Map<String, String> labels, long milliCpu, long memory, long pods, int[] cellCapacity,
    int usedWeight, Zone zone) {

  /** A zone with the medium-level weight of its node count (the fullest zone is what counts). */
  public record Zone(String name, int weight) {}

  @Override
  public String toString() {
    return name;
  }
}
