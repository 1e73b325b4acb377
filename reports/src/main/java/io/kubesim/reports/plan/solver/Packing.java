package io.kubesim.reports.plan.solver;

import java.util.List;

/**
 * How the kubelet packs exclusive CPU requests into alignment cells, as the re-check feeds them:
 * largest request first, each into the lowest-numbered cell that still has room (the Topology
 * Manager keeps the narrowest preferred hint, and among equals the first).
 */
public final class Packing {
  private Packing() {}

  /** Requests that find no cell. */
  public static int unplaced(int[] cellCapacity, List<Integer> requests) {
    int[] free = cellCapacity.clone();
    int[] sorted = requests.stream().mapToInt(Integer::intValue).sorted().toArray();
    int misses = 0;
    for (int i = sorted.length - 1; i >= 0; i--) {
      int need = sorted[i];
      boolean placed = false;
      for (int c = 0; c < free.length && !placed; c++) {
        if (free[c] >= need) {
          free[c] -= need;
          placed = true;
        }
      }
      if (!placed) misses++;
    }
    return misses;
  }
}
