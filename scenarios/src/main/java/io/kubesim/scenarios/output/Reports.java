package io.kubesim.scenarios.output;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kubesim.metrics.PinningSummary;
import io.kubesim.metrics.Recorder;
import io.kubesim.metrics.SpreadSample;
import io.kubesim.metrics.WorkloadRef;
import io.kubesim.scenarios.Durations;
import io.kubesim.scenarios.Expectation;
import io.kubesim.scenarios.Scenario;
import io.kubesim.scenarios.run.ExpectationResult;
import io.kubesim.scenarios.run.Sample;
import io.kubesim.scenarios.run.VariantResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The runner's files: {@code summary.json}, {@code timeline.csv} and {@code timeline.jsonl}
 * (schema in scenarios/SUMMARY-SCHEMA.md). Only simulated times appear, maps are sorted, numbers
 * are rounded to 4 decimals: the same results give byte-identical files.
 */
public final class Reports {
  private Reports() {}

  public static final int SCHEMA_VERSION = 1;

  private static final ObjectMapper JSON = new ObjectMapper().enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN);

  // ---------------------------------------------------------------- summary.json

  public static ObjectNode summary(List<VariantResult> runs) {
    Scenario first = runs.get(0).scenario();
    ObjectNode root = JSON.createObjectNode();
    root.put("schemaVersion", SCHEMA_VERSION);
    root.put("scenario", first.name());
    root.put("description", first.description());
    root.put("file", first.file().getFileName().toString());
    root.put("seed", first.seed());
    root.put("durationMs", first.durationMs());
    root.put("duration", Durations.format(first.durationMs()));
    root.put("sampleIntervalMs", first.sampleIntervalMs());
    root.put("passed", runs.stream().allMatch(VariantResult::passed));
    ArrayNode variants = root.putArray("variants");
    for (VariantResult r : runs) variants.add(variant(r));
    return root;
  }

  private static ObjectNode variant(VariantResult r) {
    Scenario s = r.scenario();
    ObjectNode v = JSON.createObjectNode();
    v.put("name", s.variant());
    v.put("description", s.variantDescription());
    ObjectNode settings = v.putObject("settings");
    s.settings().forEach(settings::put);
    v.put("passed", r.passed());
    ObjectNode nodes = v.putObject("nodes");
    nodes.put("initial", s.nodes().size());
    nodes.put("end", r.nodesAtEnd());
    ObjectNode pods = v.putObject("pods");
    pods.put("end", r.podsAtEnd());
    pods.put("runningEnd", r.runningAtEnd());
    ObjectNode scheduling = v.putObject("scheduling");
    scheduling.put("decisions", r.decisions());
    scheduling.put("unschedulableAttempts", r.unschedulableAttempts());

    ArrayNode workloads = v.putArray("workloads");
    for (Map.Entry<WorkloadRef, Map<Integer, List<SpreadSample>>> w : byConstraint(r).entrySet()) {
      ObjectNode wn = workloads.addObject();
      wn.put("workload", w.getKey().toString());
      wn.put("kind", w.getKey().kind());
      wn.put("namespace", w.getKey().namespace());
      wn.put("name", w.getKey().name());
      ArrayNode cs = wn.putArray("constraints");
      for (Map.Entry<Integer, List<SpreadSample>> c : w.getValue().entrySet()) cs.add(constraint(r, c.getKey(), c.getValue()));
    }

    ObjectNode pending = v.putObject("pending");
    pending.put("end", r.last().pending().pending());
    Sample peak = r.peakPending(0);
    pending.put("peak", peak.pending().pending());
    pending.put("peakTimeMs", peak.time());
    pending.put("longestWaitMs", r.longestWaitMs());
    pending.put("longestWait", Durations.format(r.longestWaitMs()));
    if (r.longestWaitPod() == null) pending.putNull("longestWaitPod");
    else pending.put("longestWaitPod", r.longestWaitPod());
    ObjectNode reasons = pending.putObject("reasonsAtEnd");
    new TreeMap<>(r.pendingReasonsAtEnd()).forEach(reasons::put);

    ObjectNode af = v.putObject("admissionFailures");
    af.put("total", r.admissionFailures().values().stream().mapToInt(Integer::intValue).sum());
    ObjectNode byReason = af.putObject("byReason");
    new TreeMap<>(r.admissionFailures()).forEach(byReason::put);

    PinningSummary p = r.pinning();
    if (p == null) {
      v.putNull("pinning");
    } else {
      ObjectNode pn = v.putObject("pinning");
      pn.put("nodes", p.nodes());
      pn.put("pinnedPods", p.pinnedPods());
      pn.put("numaAligned", p.numaAligned());
      pn.put("socketAligned", p.socketAligned());
      putShare(pn, "numaAlignedShare", p.numaAlignedShare());
      putShare(pn, "socketAlignedShare", p.socketAlignedShare());
      pn.put("sharingPhysicalCore", p.sharingPhysicalCore());
      putShare(pn, "meanMemoryAccessCost", p.meanMemoryAccessCost());
      pn.put("freeExclusiveCpus", p.freeExclusiveCpus());
      ObjectNode stranded = pn.putObject("strandedCpus");
      p.strandedCpus().forEach((size, n) -> stranded.put(Integer.toString(size), n));
      ObjectNode strandedByNode = pn.putObject("strandedCpusByNode");
      p.strandedCpusByNode().forEach((size, byNode) -> {
        ObjectNode sn = strandedByNode.putObject(Integer.toString(size));
        byNode.forEach((node, n) -> {
          if (n > 0) sn.put(node, n);
        });
      });
    }

    ArrayNode events = v.putArray("events");
    for (Recorder.TimelineMark m : r.marks()) {
      ObjectNode e = events.addObject();
      e.put("timeMs", m.time());
      e.put("time", Durations.format(m.time()));
      e.put("label", m.label());
    }

    ArrayNode ex = v.putArray("expectations");
    for (ExpectationResult er : r.expectations()) {
      ObjectNode e = ex.addObject();
      e.put("index", s.expectations().indexOf(er.expectation()));
      e.put("line", er.expectation().mark().line());
      e.put("type", type(er.expectation()));
      e.put("description", er.expectation().describe());
      e.put("passed", er.passed());
      if (er.measured() == null) e.putNull("measured");
      else e.put("measured", round(er.measured()));
      e.put("measuredText", er.measuredText());
    }
    return v;
  }

  /** A rounded number, or null. */
  private static void putShare(ObjectNode n, String name, Double v) {
    if (v == null) n.putNull(name);
    else n.put(name, round(v));
  }

  public static String type(Expectation e) {
    String n = e.getClass().getSimpleName();
    return Character.toLowerCase(n.charAt(0)) + n.substring(1);
  }

  /** Workload → constraint index → its samples in time order; workloads sorted by kind, namespace, name. */
  static Map<WorkloadRef, Map<Integer, List<SpreadSample>>> byConstraint(VariantResult r) {
    Map<WorkloadRef, Map<Integer, List<SpreadSample>>> out =
        new TreeMap<>(Comparator.comparing(WorkloadRef::kind).thenComparing(WorkloadRef::namespace).thenComparing(WorkloadRef::name));
    for (Sample smp : r.samples()) {
      for (SpreadSample ss : smp.spread()) {
        out.computeIfAbsent(ss.workload(), k -> new TreeMap<>()).computeIfAbsent(ss.index(), k -> new ArrayList<>()).add(ss);
      }
    }
    return out;
  }

  private static ObjectNode constraint(VariantResult r, int index, List<SpreadSample> samples) {
    SpreadSample latest = samples.get(samples.size() - 1);
    ObjectNode c = JSON.createObjectNode();
    c.put("index", index);
    c.put("topologyKey", latest.topologyKey());
    c.put("whenUnsatisfiable", latest.whenUnsatisfiable());
    c.put("maxSkew", latest.maxSkew());
    c.put("minDomains", latest.minDomains());
    boolean atEnd = latest.time() == r.last().time() && r.last().spread().contains(latest);
    if (atEnd) {
      ObjectNode f = c.putObject("final");
      f.put("timeMs", latest.time());
      f.put("schedulerSkew", latest.schedulerSkew());
      f.put("allSkew", latest.humanSkew());
      f.put("newRevisionSkew", latest.newRevisionSkew());
      f.put("eligibleDomains", latest.eligibleDomains());
      f.put("minDomainsMet", latest.minDomainsMet());
      ObjectNode d = f.putObject("domains");
      new TreeMap<>(latest.domainCounts()).forEach(d::put);
      ObjectNode nd = f.putObject("newRevisionDomains");
      new TreeMap<>(latest.newRevisionCounts()).forEach(nd::put);
    } else {
      c.putNull("final");
    }
    ObjectNode peak = c.putObject("peak");
    peak(peak, "schedulerSkew", samples, SpreadSample::schedulerSkew);
    peak(peak, "allSkew", samples, SpreadSample::humanSkew);
    peak(peak, "newRevisionSkew", samples, x -> x.newRevisionSkew());
    long met = samples.stream().filter(SpreadSample::minDomainsMet).count();
    c.put("minDomainsMetShare", round((double) met / samples.size()));
    return c;
  }

  private static void peak(ObjectNode into, String name, List<SpreadSample> samples, java.util.function.ToIntFunction<SpreadSample> f) {
    int best = Integer.MIN_VALUE;
    long when = 0;
    for (SpreadSample s : samples) {
      int v = f.applyAsInt(s);
      if (v > best) {
        best = v;
        when = s.time();
      }
    }
    ObjectNode n = into.putObject(name);
    n.put("value", best);
    n.put("timeMs", when);
  }

  static BigDecimal round(double v) {
    return BigDecimal.valueOf(v).setScale(4, RoundingMode.HALF_EVEN).stripTrailingZeros();
  }

  /** Pretty JSON with LF line ends and a final newline. */
  public static String pretty(ObjectNode node) {
    DefaultPrettyPrinter pp = new DefaultPrettyPrinter()
        .withObjectIndenter(new DefaultIndenter("  ", "\n"))
        .withArrayIndenter(new DefaultIndenter("  ", "\n"));
    try {
      return JSON.writer(pp).writeValueAsString(node) + "\n";
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  // ---------------------------------------------------------------- timeline.csv and timeline.jsonl

  public static final List<String> CSV_COLUMNS = List.of("variant", "time", "workload", "constraint", "topologyKey",
      "whenUnsatisfiable", "maxSkew", "schedulerSkew", "allSkew", "newRevisionSkew", "eligibleDomains", "minDomains", "minDomainsMet",
      "domains", "newRevisionDomains", "pending", "longestWait", "events");

  /** One row per sample and workload constraint (one row with empty workload columns when a sample has none). */
  public static String csv(List<VariantResult> runs) {
    StringBuilder sb = new StringBuilder(String.join(",", CSV_COLUMNS)).append('\n');
    for (VariantResult r : runs) {
      for (Sample smp : r.samples()) {
        List<String> tail = List.of(Integer.toString(smp.pending().pending()), seconds(smp.pending().longestWaitMs()),
            String.join("; ", smp.events()));
        List<SpreadSample> rows = sorted(smp.spread());
        if (rows.isEmpty()) {
          List<String> cells = new ArrayList<>(List.of(r.scenario().variant(), seconds(smp.time())));
          for (int i = 0; i < 13; i++) cells.add("");
          cells.addAll(tail);
          row(sb, cells);
        }
        for (SpreadSample ss : rows) {
          List<String> cells = new ArrayList<>(List.of(r.scenario().variant(), seconds(smp.time()), ss.workload().toString(),
              Integer.toString(ss.index()), ss.topologyKey(), ss.whenUnsatisfiable(), Integer.toString(ss.maxSkew()),
              Integer.toString(ss.schedulerSkew()), Integer.toString(ss.humanSkew()), Integer.toString(ss.newRevisionSkew()),
              Integer.toString(ss.eligibleDomains()), Integer.toString(ss.minDomains()), Boolean.toString(ss.minDomainsMet()),
              counts(ss.domainCounts()), counts(ss.newRevisionCounts())));
          cells.addAll(tail);
          row(sb, cells);
        }
      }
    }
    return sb.toString();
  }

  private static List<SpreadSample> sorted(List<SpreadSample> spread) {
    List<SpreadSample> out = new ArrayList<>(spread);
    out.sort(Comparator.comparing((SpreadSample s) -> s.workload().kind()).thenComparing(s -> s.workload().namespace())
        .thenComparing(s -> s.workload().name()).thenComparingInt(SpreadSample::index));
    return out;
  }

  private static void row(StringBuilder sb, List<String> cells) {
    for (int i = 0; i < cells.size(); i++) {
      if (i > 0) sb.append(',');
      String c = cells.get(i);
      if (c.contains(",") || c.contains("\"") || c.contains("\n")) sb.append('"').append(c.replace("\"", "\"\"")).append('"');
      else sb.append(c);
    }
    sb.append('\n');
  }

  /** {@code zone-a=3;zone-b=2}, domains sorted. */
  private static String counts(Map<String, Integer> counts) {
    List<String> parts = new ArrayList<>();
    new TreeMap<>(counts).forEach((k, v) -> parts.add(k + "=" + v));
    return String.join(";", parts);
  }

  /** Simulated milliseconds as seconds: {@code 300}, {@code 302.5}. */
  static String seconds(long ms) {
    return BigDecimal.valueOf(ms, 3).stripTrailingZeros().toPlainString();
  }

  /** One JSON object per line: one per sample per variant. */
  public static String jsonl(List<VariantResult> runs) {
    StringBuilder sb = new StringBuilder();
    for (VariantResult r : runs) {
      for (Sample smp : r.samples()) {
        ObjectNode o = JSON.createObjectNode();
        o.put("variant", r.scenario().variant());
        o.put("timeMs", smp.time());
        o.put("time", Durations.format(smp.time()));
        o.put("pending", smp.pending().pending());
        o.put("longestWaitMs", smp.pending().longestWaitMs());
        ObjectNode reasons = o.putObject("pendingReasons");
        new TreeMap<>(smp.pending().reasons()).forEach(reasons::put);
        ArrayNode events = o.putArray("events");
        smp.events().forEach(events::add);
        ArrayNode spread = o.putArray("spread");
        for (SpreadSample ss : sorted(smp.spread())) {
          ObjectNode s = spread.addObject();
          s.put("workload", ss.workload().toString());
          s.put("constraint", ss.index());
          s.put("topologyKey", ss.topologyKey());
          s.put("whenUnsatisfiable", ss.whenUnsatisfiable());
          s.put("maxSkew", ss.maxSkew());
          s.put("schedulerSkew", ss.schedulerSkew());
          s.put("allSkew", ss.humanSkew());
          s.put("newRevisionSkew", ss.newRevisionSkew());
          s.put("eligibleDomains", ss.eligibleDomains());
          s.put("minDomains", ss.minDomains());
          s.put("minDomainsMet", ss.minDomainsMet());
          ObjectNode d = s.putObject("domains");
          new TreeMap<>(ss.domainCounts()).forEach(d::put);
          ObjectNode nd = s.putObject("newRevisionDomains");
          new TreeMap<>(ss.newRevisionCounts()).forEach(nd::put);
        }
        try {
          sb.append(JSON.writeValueAsString(o)).append('\n');
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
    }
    return sb.toString();
  }
}
