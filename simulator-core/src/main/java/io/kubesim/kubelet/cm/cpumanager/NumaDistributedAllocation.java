package io.kubesim.kubelet.cm.cpumanager;

import io.kubesim.kubelet.cm.cpuset.CpuSet;
import io.kubesim.kubelet.cm.topology.CpuTopology;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code distribute-cpus-across-numa}: spread a request evenly over as few NUMA nodes as needed,
 * as upstream's {@code takeByTopologyNUMADistributed} (KEP-2902).
 *
 * <ol>
 *   <li>A request that is not a multiple of the group size {@code g} is simply packed.
 *   <li>For k = minimum..maximum plausible NUMA node count, over every k-combination of the sorted
 *       NUMA nodes: require enough free CPUs, enough whole groups, and {@code dist = (n/k/g)*g}
 *       free CPUs on every node; score the leftover balance (population standard deviation of the
 *       free CPUs per node after the allocation, rounded to 3 decimals), trying every subset of
 *       the combination (largest first) for the remainder, handed out g at a time round-robin.
 *       Strictly smaller balance wins, so the first one wins ties; a balance of 0 stops the search.
 *   <li>Allocate {@code dist} per chosen node, then the remainder g at a time round-robin, each
 *       piece packed on its node. No k qualified: pack over everything.
 * </ol>
 *
 * <p>Differences from the Go code, both in paths upstream never takes successfully: a round-robin
 * that can make no progress ends (Go loops forever) and skips the subset, resp. fails with
 * upstream's accounting error; combinations are independent lists (Go's shared backing arrays can
 * alias stored combinations of four or more nodes).
 */
final class NumaDistributedAllocation {
  private NumaDistributedAllocation() {}

  static CpuSet take(CpuTopology topo, CpuSet available, int numCpus, int cpuGroupSize, CpuSortingStrategy strategy) {
    if (numCpus % cpuGroupSize != 0) {
      return CpuAccumulator.takeByTopologyNumaPacked(topo, available, numCpus, strategy, false);
    }
    CpuAccumulator acc = new CpuAccumulator(topo, available, numCpus, strategy);
    if (acc.isSatisfied()) return acc.result();
    if (acc.isFailed()) throw CpuAllocationException.notEnough(numCpus, available.size());

    List<Integer> numas = acc.sortAvailableNumaNodes();
    Map<Integer, Integer> freePerNuma = new LinkedHashMap<>();
    for (int numa : numas) freePerNuma.put(numa, acc.free().intersection(topo.cpusInNumaNode(numa)).size());

    int g = cpuGroupSize;
    int numCpuGroups = (topo.numCpus() - 1) / g + 1;
    int groupsPerNuma = (numCpuGroups - 1) / topo.numNumaNodes() + 1;
    int groupsNeeded = (numCpus - 1) / g + 1;
    int minK = (groupsNeeded - 1) / groupsPerNuma + 1;
    int maxK = Math.min(groupsNeeded, numas.size());

    for (int k = minK; k <= maxK; k++) {
      Choice best = bestCombination(numas, freePerNuma, k, numCpus, g);
      if (best == null) continue;

      int distribution = (numCpus / best.combo.size() / g) * g;
      for (int numa : best.combo) {
        acc.take(packedOnNode(acc, numa, distribution, strategy));
      }
      int remainder = numCpus - distribution * best.combo.size();
      while (remainder > 0) {
        boolean progress = false;
        for (int numa : best.remainder) {
          if (remainder == 0) break;
          if (acc.free().intersection(topo.cpusInNumaNode(numa)).size() < g) continue;
          acc.take(packedOnNode(acc, numa, g, strategy));
          remainder -= g;
          progress = true;
        }
        if (!progress) break;
      }
      if (acc.numCpusNeeded() > 0) {
        throw new CpuAllocationException("accounting error, not enough CPUs allocated, remaining: " + acc.numCpusNeeded());
      }
      if (acc.numCpusNeeded() < 0) {
        throw new CpuAllocationException("accounting error, too many CPUs allocated, remaining: " + acc.numCpusNeeded());
      }
      return acc.result();
    }
    return CpuAccumulator.takeByTopologyNumaPacked(topo, available, numCpus, strategy, false);
  }

  /** Upstream ignores errors here; an impossible piece simply contributes nothing. */
  private static CpuSet packedOnNode(CpuAccumulator acc, int numa, int n, CpuSortingStrategy strategy) {
    CpuTopology topo = acc.topology();
    try {
      return CpuAccumulator.takeByTopologyNumaPacked(topo, acc.free().intersection(topo.cpusInNumaNode(numa)), n,
          strategy, false);
    } catch (CpuAllocationException e) {
      return CpuSet.EMPTY;
    }
  }

  private record Choice(List<Integer> combo, List<Integer> remainder, double balance) {}

  private static Choice bestCombination(List<Integer> numas, Map<Integer, Integer> freePerNuma, int k, int numCpus,
      int g) {
    Choice[] best = {null};
    Combinations.iterate(numas, k, combo -> {
      if (best[0] != null && best[0].balance == 0) return false;
      int free = 0;
      int groups = 0;
      for (int numa : combo) {
        free += freePerNuma.get(numa);
        groups += freePerNuma.get(numa) / g;
      }
      if (free < numCpus || groups * g < numCpus) return true;
      int distribution = (numCpus / combo.size() / g) * g;
      for (int numa : combo) if (freePerNuma.get(numa) < distribution) return true;

      Map<Integer, Integer> after = new LinkedHashMap<>(freePerNuma);
      for (int numa : combo) after.merge(numa, -distribution, Integer::sum);
      int remainder = numCpus - distribution * combo.size();
      List<Integer> remainderCombo = new ArrayList<>();
      for (int numa : combo) if (after.get(numa) >= g) remainderCombo.add(numa);

      double bestLocal = Double.MAX_VALUE;
      List<Integer> bestLocalRemainder = null;
      if (remainder == 0) bestLocal = standardDeviation(after.values());
      for (int s = remainderCombo.size(); remainder > 0 && s >= 1; s--) {
        double[] localBest = {bestLocal};
        List<List<Integer>> localChoice = new ArrayList<>();
        localChoice.add(bestLocalRemainder);
        int rem0 = remainder;
        Combinations.iterate(remainderCombo, s, subset -> {
          Map<Integer, Integer> a = new LinkedHashMap<>(after);
          int sum = 0;
          for (int numa : subset) sum += a.get(numa);
          if (sum < rem0) return true;
          int rem = rem0;
          while (rem > 0) {
            boolean progress = false;
            for (int numa : subset) {
              if (rem == 0) break;
              if (a.get(numa) < g) continue;
              a.merge(numa, -g, Integer::sum);
              rem -= g;
              progress = true;
            }
            if (!progress) return true;
          }
          double balance = standardDeviation(a.values());
          if (balance < localBest[0]) {
            localBest[0] = balance;
            localChoice.set(0, subset);
          }
          return true;
        });
        bestLocal = localBest[0];
        bestLocalRemainder = localChoice.get(0);
      }
      if (best[0] == null ? bestLocal < Double.MAX_VALUE : bestLocal < best[0].balance) {
        best[0] = new Choice(combo, bestLocalRemainder == null ? List.of() : bestLocalRemainder, bestLocal);
      }
      return true;
    });
    return best[0];
  }

  /** Mean and result each rounded to 3 decimals, half away from zero, as upstream. */
  static double standardDeviation(Iterable<Integer> values) {
    double sum = 0;
    int n = 0;
    for (int v : values) {
      sum += v;
      n++;
    }
    double mean = round3(sum / n);
    double sq = 0;
    for (int v : values) sq += (v - mean) * (v - mean);
    return round3(Math.sqrt(sq / n));
  }

  private static double round3(double x) {
    return Math.signum(x) * Math.floor(Math.abs(x) * 1000 + 0.5) / 1000;
  }
}
