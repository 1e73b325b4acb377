package io.kubesim.kubelet.cm.cpumanager;

import java.util.ArrayList;
import java.util.List;

/** Every k-subset of a list, in lexicographic order of positions (upstream {@code iterateCombinations}). */
final class Combinations {
  private Combinations() {}

  interface Visitor {
    /** @return {@code false} to stop the iteration */
    boolean visit(List<Integer> combination);
  }

  static void iterate(List<Integer> items, int k, Visitor visitor) {
    if (k < 1) return;
    helper(items, k, 0, new ArrayList<>(), visitor);
  }

  private static boolean helper(List<Integer> items, int k, int start, List<Integer> accum, Visitor visitor) {
    if (k == 0) return visitor.visit(List.copyOf(accum));
    for (int i = start; i <= items.size() - k; i++) {
      accum.add(items.get(i));
      boolean go = helper(items, k - 1, i + 1, accum, visitor);
      accum.remove(accum.size() - 1);
      if (!go) return false;
    }
    return true;
  }
}
