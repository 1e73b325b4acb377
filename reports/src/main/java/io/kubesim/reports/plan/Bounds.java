package io.kubesim.reports.plan;

import io.kubesim.api.Node;
import io.kubesim.api.ResourceNames;
import io.kubesim.api.TopologySpreadConstraint;
import io.kubesim.scenarios.Plan;
import io.kubesim.scheduler.framework.PodInfo;
import io.kubesim.scheduler.framework.Resource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Bounds no placement can beat, so a report can say how far from optimal an answer is: resources
 * (CPU, memory, pod slots, exclusive CPUs per alignment cell) summed over the pods, and what
 * DoNotSchedule spread with {@code minDomains} allows on too few domains (a proof of
 * infeasibility when the pods outnumber it).
 *
 * @param nodes fewest surviving pool nodes
 * @param why how the bound was reached
 * @param infeasible non-null when no size can work, with the reason
 */
public record Bounds(int nodes, String why, String infeasible) {

  public static Bounds fewest(Sizing z, List<PlanPod> pods) {
    Resource alloc = Resource.of(z.pool().allocatable());
    Resource others = Resource.ZERO;
    for (Node n : z.others()) others = others.plus(Resource.of(n.status().allocatable()));
    long cpu = 0, mem = 0, count = 0, overHalf = 0;
    List<Integer> exclusive = new ArrayList<>();
    for (PlanPod p : pods) {
      if (p.fixed()) continue;
      Resource r = PodInfo.of(p.pod()).requests();
      cpu += r.milliCpu();
      mem += r.memory();
      count++;
      // Two pods that each need more than half a node never share one.
      if (2 * r.milliCpu() > alloc.milliCpu() || 2 * r.memory() > alloc.memory()) overHalf++;
      int e = Pinning.exclusiveCpus(p.pod());
      if (e > 0) exclusive.add(e);
    }
    Map<String, Integer> need = new LinkedHashMap<>();
    need.put("CPU", ceil(cpu - others.milliCpu(), alloc.milliCpu()));
    need.put("memory", ceil(mem - others.memory(), alloc.memory()));
    need.put("pod slots", ceil(count - others.allowedPodNumber(), alloc.allowedPodNumber()));
    if (z.others().isEmpty()) need.put("pods over half a node", (int) overHalf);
    int[] cells = Pinning.cells(z.pool(), z.question().aligned());
    String infeasible = null;
    if (cells != null && !exclusive.isEmpty()) {
      // Requests are multiples of their gcd, so a cell holds at most its size rounded down to one.
      int g = gcd(exclusive);
      int largest = 0, total = 0;
      for (int c : cells) {
        largest = Math.max(largest, c);
        total += c / g * g;
      }
      int big = 0;
      long sum = 0;
      for (int e : exclusive) {
        sum += e;
        if (e > largest) infeasible = "a pod needs " + e + " exclusive CPUs and the largest alignment cell has " + largest;
        if (2 * e > largest) big++;
      }
      need.put("exclusive CPUs per cell", ceil(sum, total));
      need.put("pods over half a cell", ceil(big, cells.length));
    }
    int zones = z.pool().zones().size() - z.question().zonesLost();
    for (String w : workloads(pods)) {
      PlanPod first = pods.stream().filter(p -> p.workload().equals(w)).findFirst().orElseThrow();
      int replicas = (int) pods.stream().filter(p -> p.workload().equals(w)).count();
      for (TopologySpreadConstraint c : first.pod().spec().topologySpreadConstraints()) {
        if (!TopologySpreadConstraint.DO_NOT_SCHEDULE.equals(c.whenUnsatisfiable())) continue;
        int minDomains = c.minDomains() == null ? 1 : c.minDomains();
        if (c.topologyKey().equals(ResourceNames.LABEL_ZONE) && !z.pool().zones().isEmpty() && z.others().isEmpty()) {
          if (zones < minDomains && replicas > zones * c.maxSkew()) {
            infeasible = w + ": " + zones + " zone(s) < minDomains " + minDomains + ", so every zone may hold at most maxSkew " + c.maxSkew()
                + " pod(s): " + zones * c.maxSkew() + " of " + replicas + " can run";
          }
        } else if (c.topologyKey().equals(ResourceNames.LABEL_HOSTNAME) && minDomains > 1) {
          need.put(w + " hostname spread", Math.min(minDomains, ceil(replicas, c.maxSkew())));
        }
      }
    }
    int nodes = 0;
    String why = "";
    for (Map.Entry<String, Integer> e : need.entrySet()) {
      if (e.getValue() > nodes) {
        nodes = e.getValue();
        why = e.getKey();
      }
    }
    return new Bounds(Math.max(nodes, 0), why.isEmpty() ? "nothing to place" : why, infeasible);
  }

  /**
   * The most extra replicas of the workload: free resources over its request, pods per node,
   * exclusive CPUs per alignment cell, and spread on too few domains.
   */
  public static int headroom(List<Node> nodes, java.util.function.Function<String, int[]> cellsOfNode, List<PlanPod> base, String workload,
      int max) {
    Resource free = Resource.ZERO;
    for (Node n : nodes) free = free.plus(Resource.of(n.status().allocatable()));
    PlanPod sample = null;
    int replicas = 0;
    for (PlanPod p : base) {
      free = free.minus(PodInfo.of(p.pod()).requests().plus(new Resource(0, 0, 0, 1, Map.of())));
      if (p.workload().equals(workload)) {
        sample = p;
        replicas++;
      }
    }
    if (sample == null) return max;
    Resource r = PodInfo.of(sample.pod()).requests();
    long ub = max;
    if (r.milliCpu() > 0) ub = Math.min(ub, free.milliCpu() / r.milliCpu());
    if (r.memory() > 0) ub = Math.min(ub, free.memory() / r.memory());
    ub = Math.min(ub, free.allowedPodNumber());
    // Pods do not split across nodes: per node, how many of its size fit on an otherwise empty node.
    long perNode = 0;
    for (Node n : nodes) {
      Resource a = Resource.of(n.status().allocatable());
      long fit = a.allowedPodNumber();
      if (r.milliCpu() > 0) fit = Math.min(fit, a.milliCpu() / r.milliCpu());
      if (r.memory() > 0) fit = Math.min(fit, a.memory() / r.memory());
      perNode += fit;
    }
    ub = Math.min(ub, perNode - replicas);
    int size = Pinning.exclusiveCpus(sample.pod());
    if (size > 0) {
      List<Integer> sizes = new ArrayList<>();
      for (PlanPod p : base) if (Pinning.exclusiveCpus(p.pod()) > 0) sizes.add(Pinning.exclusiveCpus(p.pod()));
      int g = gcd(sizes);
      long cellRoom = 0, used = 0;
      for (Node n : nodes) {
        int[] cells = cellsOfNode.apply(n.name());
        if (cells != null) for (int c : cells) cellRoom += c / g * g;
      }
      for (int e : sizes) used += e;
      if (cellRoom > 0) ub = Math.min(ub, (cellRoom - used) / size);
    }
    for (TopologySpreadConstraint c : sample.pod().spec().topologySpreadConstraints()) {
      if (!TopologySpreadConstraint.DO_NOT_SCHEDULE.equals(c.whenUnsatisfiable())) continue;
      long domains = nodes.stream().map(n -> n.labels().get(c.topologyKey())).filter(java.util.Objects::nonNull).distinct().count();
      int minDomains = c.minDomains() == null ? 1 : c.minDomains();
      if (domains < minDomains) ub = Math.min(ub, domains * c.maxSkew() - replicas);
    }
    return (int) Math.max(0, ub);
  }

  private static int gcd(List<Integer> values) {
    int g = 0;
    for (int v : values) g = java.math.BigInteger.valueOf(g).gcd(java.math.BigInteger.valueOf(v)).intValue();
    return Math.max(g, 1);
  }

  private static List<String> workloads(List<PlanPod> pods) {
    return pods.stream().map(PlanPod::workload).filter(w -> !w.isEmpty()).distinct().toList();
  }

  private static int ceil(long a, long b) {
    if (a <= 0) return 0;
    if (b <= 0) return Integer.MAX_VALUE / 2;
    return (int) ((a + b - 1) / b);
  }
}
