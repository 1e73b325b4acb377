package io.kubesim.gui.model;

import io.kubesim.metrics.SpreadSample;
import io.kubesim.scenarios.run.Sample;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The explorer's charts of one replay: skew per spread constraint (the scheduler's view, with
 * {@code maxSkew} as the limit), pending pods, and the NUMA/socket-aligned share of pinned
 * containers when any node pins CPUs.
 */
public record Charts(List<Series> skew, Series pending, List<Series> alignment) {

  public static Charts of(Replay r) {
    Map<String, List<Series.Point>> skew = new LinkedHashMap<>();
    Map<String, List<Series.Point>> newRevision = new LinkedHashMap<>();
    java.util.Set<String> rolled = new java.util.HashSet<>();
    Map<String, Integer> limits = new LinkedHashMap<>();
    List<Series.Point> pending = new ArrayList<>();
    for (Sample s : r.result().samples()) {
      pending.add(new Series.Point(s.time(), s.pending().pending()));
      for (SpreadSample sp : s.spread()) {
        String name = sp.workload() + " #" + sp.index() + " " + shortKey(sp.topologyKey());
        skew.computeIfAbsent(name, k -> new ArrayList<>()).add(new Series.Point(s.time(), sp.humanSkew()));
        limits.put(name, sp.maxSkew());
        newRevision.computeIfAbsent(name, k -> new ArrayList<>()).add(new Series.Point(s.time(), sp.newRevisionSkew()));
        if (!sp.newRevisionCounts().equals(sp.domainCounts())) rolled.add(name);
      }
    }
    List<Series> skewSeries = new ArrayList<>();
    skew.forEach((name, points) -> {
      skewSeries.add(new Series(name, points, limits.get(name)));
      // During a rollout the new revision alone may be skewed while the total looks balanced.
      if (rolled.contains(name)) skewSeries.add(new Series(name + " new revision", newRevision.get(name), null));
    });
    List<Series> alignment = new ArrayList<>();
    if (!r.topologies().isEmpty()) {
      List<Series.Point> numa = new ArrayList<>(), socket = new ArrayList<>();
      for (Frame f : r.frames()) {
        numa.add(new Series.Point(f.time(), 100 * f.alignment().numaShare()));
        socket.add(new Series.Point(f.time(), 100 * f.alignment().socketShare()));
      }
      alignment.add(new Series("NUMA-aligned %", numa, null));
      alignment.add(new Series("socket-aligned %", socket, null));
    }
    return new Charts(List.copyOf(skewSeries), new Series("pending pods", pending, null), List.copyOf(alignment));
  }

  /** {@code zone} for {@code topology.kubernetes.io/zone}. */
  static String shortKey(String key) {
    return key.substring(key.lastIndexOf('/') + 1);
  }
}
