package io.kubesim.reports.plan;

import java.util.List;

/** The fewest bins of a capacity holding every item, by trying every assignment (tests only; a handful of items). */
final class Exhaustive {
  private Exhaustive() {}

  static int fewestBins(List<Integer> items, int capacity) {
    for (int bins = 1; bins <= items.size(); bins++) {
      if (fits(items, 0, new int[bins], capacity)) return bins;
    }
    throw new IllegalArgumentException("an item is larger than a bin");
  }

  private static boolean fits(List<Integer> items, int i, int[] load, int capacity) {
    if (i == items.size()) return true;
    for (int b = 0; b < load.length; b++) {
      if (load[b] + items.get(i) > capacity) continue;
      load[b] += items.get(i);
      boolean ok = fits(items, i + 1, load, capacity);
      load[b] -= items.get(i);
      if (ok) return true;
    }
    return false;
  }
}
