package io.kubesim.scenarios.output;

import io.kubesim.metrics.PinningSummary;
import io.kubesim.metrics.SpreadSample;
import io.kubesim.metrics.WorkloadRef;
import io.kubesim.scenarios.Durations;
import io.kubesim.scenarios.Scenario;
import io.kubesim.scenarios.run.ExpectationResult;
import io.kubesim.scenarios.run.Sample;
import io.kubesim.scenarios.run.VariantResult;
import io.kubesim.controllers.SimTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The readable summary {@code sim run} prints: per variant, tables per workload, then the expectations. */
public final class TextSummary {
  private TextSummary() {}

  /** More domains than this (e.g. hostnames) are summarised as a count and a range. */
  static final int MAX_DOMAINS_SHOWN = 8;

  public static String render(List<VariantResult> runs) {
    StringBuilder sb = new StringBuilder();
    Scenario first = runs.get(0).scenario();
    sb.append("Scenario ").append(first.name()).append(" (seed ").append(first.seed()).append(", ")
        .append(Durations.format(first.durationMs())).append(", ").append(runs.size()).append(runs.size() == 1 ? " variant" : " variants")
        .append(")\n");
    if (!first.description().isBlank()) sb.append(first.description().strip()).append('\n');
    int passed = 0, failed = 0;
    for (VariantResult r : runs) {
      variant(sb, r);
      for (ExpectationResult e : r.expectations()) {
        if (e.passed()) passed++;
        else failed++;
      }
    }
    sb.append('\n');
    if (passed + failed == 0) sb.append("No expectations.\n");
    else sb.append("Expectations: ").append(passed).append(" passed, ").append(failed).append(" failed\n");
    return sb.toString();
  }

  private static void variant(StringBuilder sb, VariantResult r) {
    Scenario s = r.scenario();
    sb.append("\n== ").append(s.variant());
    if (!s.settings().isEmpty()) {
      List<String> set = new ArrayList<>();
      s.settings().forEach((k, v) -> set.add(k + "=" + v));
      sb.append("  (").append(String.join(", ", set)).append(')');
    }
    sb.append('\n');
    if (!s.variantDescription().isBlank()) sb.append(s.variantDescription().strip()).append('\n');
    int failures = r.admissionFailures().values().stream().mapToInt(Integer::intValue).sum();
    sb.append("nodes ").append(s.nodes().size()).append(" → ").append(r.nodesAtEnd()).append(", pods at end ").append(r.podsAtEnd())
        .append(" (").append(r.runningAtEnd()).append(" running), scheduling attempts ").append(r.decisions()).append(" (")
        .append(r.unschedulableAttempts()).append(" unschedulable), admission failures ").append(failures);
    if (failures > 0) sb.append(' ').append(new TreeMap<>(r.admissionFailures()));
    sb.append('\n');

    List<List<String>> table = new ArrayList<>();
    table.add(List.of("WORKLOAD", "CONSTRAINT", "FINAL sched/all/new", "PEAK sched/all/new", "DOMAINS AT END", "MIN DOMAINS"));
    for (Map.Entry<WorkloadRef, Map<Integer, List<SpreadSample>>> w : Reports.byConstraint(r).entrySet()) {
      for (Map.Entry<Integer, List<SpreadSample>> c : w.getValue().entrySet()) {
        List<SpreadSample> ss = c.getValue();
        SpreadSample last = ss.get(ss.size() - 1);
        boolean atEnd = r.last().spread().contains(last);
        String constraint = last.topologyKey() + " " + last.whenUnsatisfiable() + " maxSkew=" + last.maxSkew();
        String fin = atEnd ? last.schedulerSkew() + "/" + last.humanSkew() + "/" + last.newRevisionSkew() : "-";
        int ps = ss.stream().mapToInt(SpreadSample::schedulerSkew).max().orElse(0);
        int ph = ss.stream().mapToInt(SpreadSample::humanSkew).max().orElse(0);
        int pn = ss.stream().mapToInt(x -> x.newRevisionSkew()).max().orElse(0);
        List<String> domains = new ArrayList<>();
        if (atEnd && last.domainCounts().size() <= MAX_DOMAINS_SHOWN) {
          new TreeMap<>(last.domainCounts()).forEach((k, v) -> domains.add(k + "=" + v));
        } else if (atEnd) {
          int lo = last.domainCounts().values().stream().mapToInt(Integer::intValue).min().orElse(0);
          int hi = last.domainCounts().values().stream().mapToInt(Integer::intValue).max().orElse(0);
          domains.add(last.domainCounts().size() + " domains, " + lo + ".." + hi + " pods each");
        }
        String min = atEnd ? last.eligibleDomains() + "/" + last.minDomains() + (last.minDomainsMet() ? " met" : " NOT met") : "-";
        table.add(List.of(w.getKey().toString(), constraint, fin, ps + "/" + ph + "/" + pn, atEnd ? String.join(" ", domains) : "(gone)",
            min));
      }
    }
    if (table.size() > 1) table(sb, table);
    else sb.append("no workload with topology spread constraints\n");

    Sample peak = r.peakPending(0);
    sb.append("pending at end ").append(r.last().pending().pending()).append(", peak ").append(peak.pending().pending())
        .append(" at ").append(SimTime.human(peak.time())).append(", longest wait ").append(Durations.format(r.longestWaitMs()));
    if (r.longestWaitPod() != null) sb.append(" (").append(r.longestWaitPod()).append(')');
    sb.append('\n');
    new TreeMap<>(r.pendingReasonsAtEnd()).forEach((reason, n) -> sb.append("  ").append(n).append(" pending: ").append(reason).append('\n'));
    PinningSummary p = r.pinning();
    if (p != null) {
      sb.append("pinning on ").append(p.nodes()).append(" node(s): ").append(p.pinnedPods()).append(" pinned pods, NUMA-aligned ")
          .append(share(p.numaAlignedShare())).append(", socket-aligned ").append(share(p.socketAlignedShare()))
          .append(", sharing a physical core ").append(p.sharingPhysicalCore()).append(", free exclusive CPUs ").append(p.freeExclusiveCpus());
      if (!p.strandedCpus().isEmpty()) {
        List<String> st = new ArrayList<>();
        p.strandedCpus().forEach((size, n) -> st.add(n + " for " + size + "-CPU requests"));
        sb.append(", stranded ").append(String.join(", ", st));
      }
      sb.append('\n');
    }
    for (ExpectationResult e : r.expectations()) {
      sb.append(e.passed() ? "PASS  " : "FAIL  ").append(e.expectation().describe()).append(": measured ").append(e.measuredText())
          .append("  [line ").append(e.expectation().mark().line()).append("]\n");
    }
  }

  private static String share(Double v) {
    return v == null ? "-" : String.format(java.util.Locale.ROOT, "%.1f%%", v * 100);
  }

  private static void table(StringBuilder sb, List<List<String>> rows) {
    int[] widths = new int[rows.get(0).size()];
    for (List<String> row : rows) for (int i = 0; i < row.size(); i++) widths[i] = Math.max(widths[i], row.get(i).length());
    for (List<String> row : rows) {
      StringBuilder line = new StringBuilder();
      for (int i = 0; i < row.size(); i++) {
        line.append(row.get(i));
        if (i < row.size() - 1) line.append(" ".repeat(widths[i] - row.get(i).length() + 2));
      }
      sb.append(line.toString().stripTrailing()).append('\n');
    }
  }
}
