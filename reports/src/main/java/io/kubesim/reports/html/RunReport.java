package io.kubesim.reports.html;

import com.fasterxml.jackson.databind.JsonNode;
import io.kubesim.reports.run.RunData;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.jfree.data.category.DefaultCategoryDataset;

/**
 * The run report: one self-contained HTML page that starts with the answer (a verdict per
 * expectation and per workload), then the variants side by side, skew over time per spread
 * constraint, pods per domain before/during/after the timeline, pending pods with their reasons,
 * and CPU pinning. Rendered from {@link RunData} alone.
 */
public final class RunReport {
  private final RunData data;
  private final List<JsonNode> variants;
  private final Html h = new Html();

  private RunReport(RunData data) {
    this.data = data;
    this.variants = data.variants();
  }

  public static String render(RunData data) {
    return new RunReport(data).page();
  }

  private String page() {
    JsonNode s = data.summary();
    h.el("h1", "Scenario " + s.path("scenario").asText());
    if (!s.path("description").asText().isEmpty()) h.el("p", s.path("description").asText());
    h.el("p class=\"small\"", "File " + s.path("file").asText() + ", seed " + s.path("seed").asText() + ", " + s.path("duration").asText()
        + " simulated, " + variants.size() + " variant(s): " + String.join(", ", names()) + ".");
    verdicts();
    sideBySide();
    skew();
    domains();
    pending();
    pinning();
    return h.page("kubesim report: " + s.path("scenario").asText());
  }

  private List<String> names() {
    return variants.stream().map(v -> v.path("name").asText()).toList();
  }

  // ---------------------------------------------------------------- the answer first

  private void verdicts() {
    h.el("h2", "Verdict");
    boolean passed = data.summary().path("passed").asBoolean();
    int expectations = variants.stream().mapToInt(v -> v.path("expectations").size()).sum();
    h.raw("<p class=\"verdict " + (passed ? "pass" : "fail") + "\">" + (expectations == 0 ? "No expectations were stated."
        : passed ? "Every expectation holds in every variant." : "Some expectations fail (marked below).") + "</p>\n");
    if (expectations > 0) {
      h.open("table").raw("<tr><th>expectation</th><th>variant</th><th>result</th><th>measured</th></tr>\n");
      for (JsonNode v : variants) {
        for (JsonNode e : v.path("expectations")) {
          boolean ok = e.path("passed").asBoolean();
          h.raw("<tr><td>" + Html.esc(e.path("description").asText()) + " <span class=\"small\">(line " + e.path("line").asText() + ")</span></td><td>"
              + Html.esc(v.path("name").asText()) + "</td><td class=\"" + (ok ? "pass" : "fail") + "\">" + (ok ? "PASS" : "FAIL") + "</td><td>"
              + Html.esc(e.path("measuredText").asText()) + "</td></tr>\n");
        }
      }
      h.close("table");
    }
    h.el("h3", "Workloads");
    h.open("ul");
    for (String w : workloads()) {
      for (int idx : constraintIndexes(w)) {
        StringBuilder b = new StringBuilder();
        JsonNode first = null;
        for (JsonNode v : variants) {
          JsonNode c = constraint(v, w, idx);
          if (c == null) continue;
          if (first == null) {
            first = c;
            b.append(w).append(" spread on ").append(c.path("topologyKey").asText()).append(" (").append(c.path("whenUnsatisfiable").asText())
                .append(", maxSkew ").append(c.path("maxSkew").asInt()).append(c.path("minDomains").asInt() > 1 ? ", minDomains " + c.path("minDomains").asInt() : "")
                .append("): ");
          } else {
            b.append("; ");
          }
          JsonNode f = c.path("final");
          if (f.isMissingNode() || f.isNull()) {
            b.append(v.path("name").asText()).append(": gone at the end");
            continue;
          }
          int skew = f.path("allSkew").asInt();
          b.append(v.path("name").asText()).append(" ends ").append(counts(f.path("domains"))).append(" (skew ").append(skew)
              .append(skew > c.path("maxSkew").asInt() ? " > maxSkew" : "").append(")");
          if (!f.path("newRevisionDomains").equals(f.path("domains"))) b.append(", new revision ").append(counts(f.path("newRevisionDomains")));
          if (!f.path("minDomainsMet").asBoolean(true)) b.append(", minDomains not met (" + f.path("eligibleDomains").asInt() + " domains)");
        }
        h.el("li", b.toString());
      }
    }
    for (JsonNode v : variants) {
      JsonNode p = v.path("pending");
      if (p.path("end").asInt() > 0 || p.path("peak").asInt() > 0) {
        h.el("li", v.path("name").asText() + ": " + p.path("end").asInt() + " pod(s) pending at the end, peak " + p.path("peak").asInt()
            + ", longest wait " + p.path("longestWait").asText());
      }
    }
    h.close("ul");
  }

  /** Pods per domain as "3/4/3"; for many domains (a hostname key) only how many and the range. */
  static String counts(JsonNode domains) {
    List<Integer> parts = new ArrayList<>();
    domains.fields().forEachRemaining(e -> parts.add(e.getValue().asInt()));
    if (parts.size() > MAX_DOMAINS_CHARTED) {
      return parts.size() + " domains of " + java.util.Collections.min(parts) + "–" + java.util.Collections.max(parts) + " pods";
    }
    return String.join("/", parts.stream().map(String::valueOf).toList());
  }

  /** Past this many domains (a hostname key on a large cluster) a per-domain chart says nothing; the range is shown instead. */
  static final int MAX_DOMAINS_CHARTED = 24;
  /** Charts for at most this many spread constraints: those that strayed furthest above their maxSkew. */
  static final int MAX_CONSTRAINTS_CHARTED = 12;

  /** Workload and constraint index pairs to chart, worst peak skew over maxSkew first, at most {@link #MAX_CONSTRAINTS_CHARTED}. */
  private List<Map.Entry<String, Integer>> charted() {
    List<Map.Entry<String, Integer>> all = new ArrayList<>();
    Map<Map.Entry<String, Integer>, Integer> excess = new java.util.HashMap<>();
    for (String w : workloads()) {
      for (int idx : constraintIndexes(w)) {
        Map.Entry<String, Integer> key = Map.entry(w, idx);
        all.add(key);
        int worst = Integer.MIN_VALUE;
        for (JsonNode v : variants) {
          JsonNode c = constraint(v, w, idx);
          if (c != null) worst = Math.max(worst, c.path("peak").path("allSkew").path("value").asInt() - c.path("maxSkew").asInt());
        }
        excess.put(key, worst);
      }
    }
    if (all.size() <= MAX_CONSTRAINTS_CHARTED) return all;
    List<Map.Entry<String, Integer>> sorted = new ArrayList<>(all);
    sorted.sort(java.util.Comparator.comparing((Map.Entry<String, Integer> e) -> -excess.get(e)));
    List<Map.Entry<String, Integer>> top = sorted.subList(0, MAX_CONSTRAINTS_CHARTED);
    return all.stream().filter(top::contains).toList();
  }

  private void chartedNote() {
    int total = 0;
    for (String w : workloads()) total += constraintIndexes(w).size();
    if (total > MAX_CONSTRAINTS_CHARTED) {
      h.el("p class=\"small\"", "Charted: the " + MAX_CONSTRAINTS_CHARTED + " of " + total + " spread constraints whose skew rose furthest above "
          + "maxSkew; every constraint is in summary.json and timeline.csv.");
    }
  }

  private Set<String> workloads() {
    Set<String> out = new LinkedHashSet<>();
    for (JsonNode v : variants) for (JsonNode w : v.path("workloads")) out.add(w.path("workload").asText());
    return out;
  }

  private Set<Integer> constraintIndexes(String workload) {
    Set<Integer> out = new TreeSet<>();
    for (JsonNode v : variants) {
      for (JsonNode w : v.path("workloads")) {
        if (w.path("workload").asText().equals(workload)) for (JsonNode c : w.path("constraints")) out.add(c.path("index").asInt());
      }
    }
    return out;
  }

  private static JsonNode constraint(JsonNode variant, String workload, int index) {
    for (JsonNode w : variant.path("workloads")) {
      if (!w.path("workload").asText().equals(workload)) continue;
      for (JsonNode c : w.path("constraints")) if (c.path("index").asInt() == index) return c;
    }
    return null;
  }

  // ---------------------------------------------------------------- variants side by side

  private void sideBySide() {
    h.el("h2", "Variants side by side");
    Map<String, List<String>> rows = new LinkedHashMap<>();
    for (JsonNode v : variants) {
      put(rows, "description", v.path("description").asText());
      JsonNode settings = v.path("settings");
      List<String> set = new ArrayList<>();
      settings.fields().forEachRemaining(e -> set.add(e.getKey() + " = " + e.getValue().asText()));
      put(rows, "settings", String.join("\n", set));
      put(rows, "expectations", v.path("passed").asBoolean() ? "pass" : "FAIL");
      put(rows, "nodes (start → end)", v.path("nodes").path("initial").asText() + " → " + v.path("nodes").path("end").asText());
      put(rows, "pods running at end", v.path("pods").path("runningEnd").asText() + " of " + v.path("pods").path("end").asText());
      put(rows, "pending at end", v.path("pending").path("end").asText());
      put(rows, "pending peak", v.path("pending").path("peak").asText());
      put(rows, "longest wait", v.path("pending").path("longestWait").asText());
      put(rows, "admission failures", v.path("admissionFailures").path("total").asText());
      put(rows, "unschedulable attempts", v.path("scheduling").path("unschedulableAttempts").asText());
      JsonNode pin = v.path("pinning");
      if (!pin.isNull() && !pin.isMissingNode()) {
        put(rows, "pinned pods", pin.path("pinnedPods").asText());
        put(rows, "NUMA-aligned", percent(pin.path("numaAlignedShare")));
        put(rows, "socket-aligned", percent(pin.path("socketAlignedShare")));
        put(rows, "stranded CPUs (by request size)", pin.path("strandedCpus").toString());
      }
      for (String w : workloads()) {
        for (int idx : constraintIndexes(w)) {
          JsonNode c = constraint(v, w, idx);
          JsonNode f = c == null ? null : c.path("final");
          String label = w + " #" + idx + " domains at end";
          put(rows, label, f == null || f.isNull() ? "-" : f.path("domains").size() > MAX_DOMAINS_CHARTED ? counts(f.path("domains"))
              : f.path("domains").toString().replaceAll("[{}\"]", ""));
          put(rows, w + " #" + idx + " skew at end (all / new revision)", f == null || f.isNull() ? "-"
              : f.path("allSkew").asText() + " / " + f.path("newRevisionSkew").asText());
        }
      }
    }
    h.open("table").raw("<tr><th></th>");
    for (String n : names()) h.raw("<th>" + Html.esc(n) + "</th>");
    h.raw("</tr>\n");
    for (Map.Entry<String, List<String>> r : rows.entrySet()) {
      boolean differs = new LinkedHashSet<>(r.getValue()).size() > 1;
      h.raw("<tr><th>" + Html.esc(r.getKey()) + "</th>");
      for (String cell : r.getValue()) h.raw("<td" + (differs ? " class=\"diff\"" : "") + ">" + Html.esc(cell).replace("\n", "<br/>") + "</td>");
      h.raw("</tr>\n");
    }
    h.close("table");
    h.el("p class=\"small\"", "Highlighted rows differ between variants.");
  }

  private static void put(Map<String, List<String>> rows, String key, String value) {
    rows.computeIfAbsent(key, k -> new ArrayList<>()).add(value);
  }

  private static String percent(JsonNode share) {
    return share.isNull() || share.isMissingNode() ? "-" : String.format(java.util.Locale.ROOT, "%.1f%%", share.asDouble() * 100);
  }

  // ---------------------------------------------------------------- skew over time

  private List<Charts.Mark> marks() {
    List<Charts.Mark> out = new ArrayList<>();
    Set<String> seen = new LinkedHashSet<>();
    for (JsonNode v : variants) {
      for (JsonNode e : v.path("events")) {
        if (seen.add(e.path("timeMs").asLong() + e.path("label").asText())) out.add(new Charts.Mark(e.path("timeMs").asLong(), e.path("label").asText()));
      }
    }
    return out;
  }

  private void skew() {
    if (workloads().isEmpty()) return;
    h.el("h2", "Skew over time");
    h.el("p class=\"small\"", "Per spread constraint and variant: skew over every node carrying the key (all revisions) and, where it "
        + "differs, the newest revision's. The dashed line is maxSkew; vertical lines are timeline events.");
    chartedNote();
    for (Map.Entry<String, Integer> wc : charted()) {
      String w = wc.getKey();
      int idx = wc.getValue();
      {
        List<Charts.Line> lines = new ArrayList<>();
        int maxSkew = 0;
        String key = "";
        for (JsonNode v : variants) {
          String name = v.path("name").asText();
          List<double[]> all = new ArrayList<>();
          List<double[]> fresh = new ArrayList<>();
          boolean differs = false;
          for (JsonNode smp : data.samples(name)) {
            JsonNode c = spread(smp, w, idx);
            if (c == null) continue;
            maxSkew = c.path("maxSkew").asInt();
            key = c.path("topologyKey").asText() + " " + c.path("whenUnsatisfiable").asText();
            all.add(new double[] {smp.path("timeMs").asDouble(), c.path("allSkew").asInt()});
            fresh.add(new double[] {smp.path("timeMs").asDouble(), c.path("newRevisionSkew").asInt()});
            differs |= c.path("allSkew").asInt() != c.path("newRevisionSkew").asInt();
          }
          lines.add(new Charts.Line(variants.size() == 1 ? "all revisions" : name, all));
          if (differs) lines.add(new Charts.Line((variants.size() == 1 ? "" : name + " ") + "new revision", fresh));
        }
        List<Charts.Band> bands = new ArrayList<>();
        for (JsonNode v : variants) bands.addAll(rollouts(v.path("name").asText(), w, idx, variants.size() > 1));
        h.figure(Charts.steps(w + " — " + key, "skew", lines, (double) maxSkew, "maxSkew " + maxSkew, marks(), bands),
            "Skew of " + w + " on " + key + " over time, every variant overlaid; shaded: rollout in progress (pods of two revisions).");
      }
    }
  }

  /** Phases where the workload runs pods of more than one revision: from the first such sample to the next with one revision. */
  private List<Charts.Band> rollouts(String variant, String w, int idx, boolean named) {
    List<Charts.Band> out = new ArrayList<>();
    Long start = null;
    long last = 0;
    for (JsonNode smp : data.samples(variant)) {
      JsonNode c = spread(smp, w, idx);
      if (c == null) continue;
      last = smp.path("timeMs").asLong();
      boolean mixed = !c.path("newRevisionDomains").equals(c.path("domains"));
      if (mixed && start == null) start = last;
      if (!mixed && start != null) {
        out.add(new Charts.Band(start, last, "rollout" + (named ? " (" + variant + ")" : "")));
        start = null;
      }
    }
    if (start != null) out.add(new Charts.Band(start, last, "rollout" + (named ? " (" + variant + ")" : "") + ", unfinished"));
    return out;
  }

  private static JsonNode spread(JsonNode sample, String workload, int index) {
    for (JsonNode c : sample.path("spread")) {
      if (c.path("workload").asText().equals(workload) && c.path("constraint").asInt() == index) return c;
    }
    return null;
  }

  // ---------------------------------------------------------------- pods per domain at moments

  private void domains() {
    if (workloads().isEmpty()) return;
    h.el("h2", "Pods per topology domain");
    h.el("p class=\"small\"", "Before the first timeline event, at the moment of highest skew after it (during), and at the end; "
        + "split into the newest revision and older ones.");
    for (Map.Entry<String, Integer> wc : charted()) {
      String w = wc.getKey();
      int idx = wc.getValue();
      {
        for (JsonNode v : variants) {
          String name = v.path("name").asText();
          List<JsonNode> samples = data.samples(name).stream().filter(smp -> spread(smp, w, idx) != null).toList();
          if (samples.isEmpty()) continue;
          if (spread(samples.get(samples.size() - 1), w, idx).path("domains").size() > MAX_DOMAINS_CHARTED) {
            h.el("p", name + ": " + w + " on " + spread(samples.get(0), w, idx).path("topologyKey").asText() + " at the end: "
                + counts(spread(samples.get(samples.size() - 1), w, idx).path("domains")) + " (too many domains to chart)");
            continue;
          }
          Map<String, JsonNode> moments = moments(v, samples, w, idx);
          DefaultCategoryDataset ds = new DefaultCategoryDataset();
          String key = "";
          for (Map.Entry<String, JsonNode> m : moments.entrySet()) {
            JsonNode c = spread(m.getValue(), w, idx);
            key = c.path("topologyKey").asText();
            Iterator<Map.Entry<String, JsonNode>> it = c.path("domains").fields();
            while (it.hasNext()) {
              Map.Entry<String, JsonNode> d = it.next();
              int fresh = c.path("newRevisionDomains").path(d.getKey()).asInt(0);
              String col = m.getKey() + " " + d.getKey();
              ds.addValue(fresh, "newest revision", col);
              ds.addValue(d.getValue().asInt() - fresh, "older revisions", col);
            }
          }
          h.figure(Charts.stackedBars(w + " per " + key + " — " + name, "pods", ds),
              name + ": " + String.join(", ", moments.entrySet().stream().map(m -> m.getKey() + " = " + m.getValue().path("time").asText()).toList()));
        }
      }
    }
  }

  private static Map<String, JsonNode> moments(JsonNode variant, List<JsonNode> samples, String w, int idx) {
    Map<String, JsonNode> out = new LinkedHashMap<>();
    long firstEvent = Long.MAX_VALUE;
    for (JsonNode e : variant.path("events")) firstEvent = Math.min(firstEvent, e.path("timeMs").asLong());
    JsonNode before = null;
    JsonNode during = null;
    for (JsonNode smp : samples) {
      long t = smp.path("timeMs").asLong();
      if (t < firstEvent) before = smp;
      else if (during == null || spread(smp, w, idx).path("allSkew").asInt() > spread(during, w, idx).path("allSkew").asInt()) during = smp;
    }
    JsonNode end = samples.get(samples.size() - 1);
    if (before != null && firstEvent != Long.MAX_VALUE) out.put("before", before);
    if (during != null && during != end && firstEvent != Long.MAX_VALUE) out.put("during", during);
    out.put("end", end);
    return out;
  }

  // ---------------------------------------------------------------- pending

  private void pending() {
    h.el("h2", "Pending pods");
    List<Charts.Line> lines = new ArrayList<>();
    for (JsonNode v : variants) {
      List<double[]> pts = new ArrayList<>();
      for (JsonNode smp : data.samples(v.path("name").asText())) pts.add(new double[] {smp.path("timeMs").asDouble(), smp.path("pending").asInt()});
      lines.add(new Charts.Line(v.path("name").asText(), pts));
    }
    h.figure(Charts.steps("Pods waiting to be scheduled", "pending pods", lines, null, null, marks()), "Pending pods over time, every variant overlaid.");
    h.open("table").raw("<tr><th>variant</th><th>when</th><th>pods</th><th>reason (the scheduler's last message)</th></tr>\n");
    boolean any = false;
    for (JsonNode v : variants) {
      String name = v.path("name").asText();
      JsonNode peak = null;
      for (JsonNode smp : data.samples(name)) if (peak == null || smp.path("pending").asInt() > peak.path("pending").asInt()) peak = smp;
      if (peak != null && peak.path("pending").asInt() > 0) {
        any |= reasons(name, "peak at " + peak.path("time").asText(), peak.path("pendingReasons"));
      }
      any |= reasons(name, "end", v.path("pending").path("reasonsAtEnd"));
    }
    if (!any) h.raw("<tr><td colspan=\"4\">No pod was left pending with a reason.</td></tr>\n");
    h.close("table");
  }

  private boolean reasons(String variant, String when, JsonNode reasons) {
    Map<String, Integer> sorted = new TreeMap<>();
    reasons.fields().forEachRemaining(e -> sorted.put(e.getKey(), e.getValue().asInt()));
    for (Map.Entry<String, Integer> e : sorted.entrySet()) {
      h.raw("<tr><td>" + Html.esc(variant) + "</td><td>" + Html.esc(when) + "</td><td class=\"num\">" + e.getValue() + "</td><td>"
          + Html.esc(e.getKey()) + "</td></tr>\n");
    }
    return !sorted.isEmpty();
  }

  // ---------------------------------------------------------------- pinning

  private void pinning() {
    List<JsonNode> pinned = variants.stream().filter(v -> !v.path("pinning").isNull() && !v.path("pinning").isMissingNode()).toList();
    if (pinned.isEmpty()) return;
    h.el("h2", "CPU pinning");
    h.open("table").raw("<tr><th>variant</th><th>pinning nodes</th><th>pinned pods</th><th>NUMA-aligned</th><th>socket-aligned</th>"
        + "<th>free exclusive CPUs</th><th>stranded CPUs by request size</th><th>admission failures</th></tr>\n");
    for (JsonNode v : pinned) {
      JsonNode p = v.path("pinning");
      h.raw("<tr><td>" + Html.esc(v.path("name").asText()) + "</td><td class=\"num\">" + p.path("nodes").asInt() + "</td><td class=\"num\">"
          + p.path("pinnedPods").asInt() + "</td><td class=\"num\">" + percent(p.path("numaAlignedShare")) + "</td><td class=\"num\">"
          + percent(p.path("socketAlignedShare")) + "</td><td class=\"num\">" + p.path("freeExclusiveCpus").asInt() + "</td><td>"
          + Html.esc(p.path("strandedCpus").toString().replaceAll("[{}\"]", "").replace(":", " CPUs: ")) + "</td><td>"
          + Html.esc(v.path("admissionFailures").path("byReason").toString().replaceAll("[{}\"]", "")) + "</td></tr>\n");
    }
    h.close("table");
    poolTable();
    DefaultCategoryDataset failures = new DefaultCategoryDataset();
    DefaultCategoryDataset stranded = new DefaultCategoryDataset();
    for (JsonNode v : pinned) {
      String name = v.path("name").asText();
      v.path("admissionFailures").path("byReason").fields().forEachRemaining(e -> failures.addValue(e.getValue().asInt(), name, e.getKey()));
      v.path("pinning").path("strandedCpus").fields().forEachRemaining(e -> stranded.addValue(e.getValue().asInt(), name, e.getKey() + "-CPU requests"));
    }
    if (failures.getColumnCount() > 0) h.figure(Charts.bars("Admission failures by reason", "pods rejected", failures), "Kubelet rejections over the run.");
    if (stranded.getColumnCount() > 0) {
      h.figure(Charts.bars("Stranded CPUs by request size", "CPUs", stranded), "Free CPUs that no further exclusive request of that size could get, all nodes.");
    }
    JsonNode maps = data.cpuMaps();
    h.el("h3", "Socket / NUMA / core maps");
    if (maps == null) {
      h.el("p", "Not recorded for this run: `sim report FILE` records the kubelets' CPU maps.");
      return;
    }
    h.raw("<p class=\"legend small\"><span><i class=\"cpu used\"></i> exclusive to a pod</span><span><i class=\"cpu reserved\"></i> reserved</span>"
        + "<span><i class=\"cpu free\"></i> free (shared pool)</span> Each box is a core with its hardware threads.</p>\n");
    maps.fields().forEachRemaining(e -> {
      for (JsonNode node : e.getValue().path("nodes")) cpuMap(e.getKey(), e.getValue().path("requestSize").asInt(), node);
    });
  }

  /** Aligned share and stranded CPUs per node pool (recorded by sim report only). */
  private void poolTable() {
    JsonNode maps = data.cpuMaps();
    if (maps == null) return;
    h.el("h3", "Per node pool");
    h.open("table").raw("<tr><th>variant</th><th>pool</th><th>nodes</th><th>pinned pods</th><th>NUMA-aligned</th><th>socket-aligned</th>"
        + "<th>free exclusive CPUs</th><th>stranded CPUs</th></tr>\n");
    maps.fields().forEachRemaining(v -> v.getValue().path("pools").fields().forEachRemaining(p -> {
      JsonNode n = p.getValue();
      int pinned = n.path("pinnedPods").asInt();
      h.raw("<tr><td>" + Html.esc(v.getKey()) + "</td><td>" + Html.esc(p.getKey()) + "</td><td class=\"num\">" + n.path("nodes").asInt()
          + "</td><td class=\"num\">" + pinned + "</td><td class=\"num\">" + share(n.path("numaAligned").asInt(), pinned)
          + "</td><td class=\"num\">" + share(n.path("socketAligned").asInt(), pinned) + "</td><td class=\"num\">"
          + n.path("freeExclusiveCpus").asInt() + "</td><td class=\"num\">" + n.path("strandedCpus").asInt() + " (for "
          + v.getValue().path("requestSize").asInt() + "-CPU requests)</td></tr>\n");
    }));
    h.close("table");
  }

  private static String share(int part, int whole) {
    return whole == 0 ? "-" : String.format(java.util.Locale.ROOT, "%.1f%%", 100.0 * part / whole);
  }

  private void cpuMap(String variant, int size, JsonNode node) {
    h.el("p", variant + ": " + node.path("name").asText() + " (" + node.path("role").asText() + "), " + node.path("stranded").asInt()
        + " CPUs stranded for " + size + "-CPU requests, " + node.path("free").asInt() + " free");
    Map<Integer, Map<Integer, Map<Integer, List<JsonNode>>>> bySocket = new TreeMap<>();
    for (JsonNode c : node.path("cpus")) {
      bySocket.computeIfAbsent(c.path("socket").asInt(), k -> new TreeMap<>()).computeIfAbsent(c.path("numa").asInt(), k -> new TreeMap<>())
          .computeIfAbsent(c.path("core").asInt(), k -> new ArrayList<>()).add(c);
    }
    h.raw("<div class=\"cpumap\">");
    bySocket.forEach((socket, numas) -> {
      h.raw("<div class=\"socket\"><div class=\"small\">socket " + socket + "</div>");
      numas.forEach((numa, cores) -> {
        h.raw("<div class=\"numa\" title=\"NUMA node " + numa + "\">");
        cores.forEach((core, cpus) -> {
          h.raw("<span class=\"core\">");
          for (JsonNode c : cpus) {
            String owner = c.path("owner").asText();
            String cls = owner.isEmpty() ? "free" : owner.equals("reserved") ? "reserved" : "used";
            h.raw("<i class=\"cpu " + cls + "\" title=\"CPU " + c.path("cpu").asInt() + (owner.isEmpty() ? "" : ": " + Html.esc(owner)) + "\"></i>");
          }
          h.raw("</span>");
        });
        h.raw("</div>");
      });
      h.raw("</div>");
    });
    h.raw("</div>\n");
  }
}
