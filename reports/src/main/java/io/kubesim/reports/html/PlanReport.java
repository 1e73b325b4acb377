package io.kubesim.reports.html;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.kubesim.reports.plan.Answer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jfree.data.category.DefaultCategoryDataset;

/** The plan report: per question a verdict per variant, greedy vs best found vs bound side by side, and a chart. */
public final class PlanReport {
  private PlanReport() {}

  /** One sentence a platform team can forward. */
  public static String verdict(Answer a) {
    if (a.kind().equals("headroom")) {
      if (a.greedy() == null && a.optimal() == null) return "Today's workloads do not all fit: " + a.greedyNote();
      return (a.greedy() == null ? "The default scheduler cannot place today's pods" : "The default scheduler fits " + a.greedy() + " more")
          + (a.optimal() == null ? "" : "; the best placement fits " + a.optimal() + " more")
          + (a.proven() ? " (optimal: it meets the upper bound)." : " (upper bound " + a.bound() + ").");
    }
    if (a.infeasible() != null && a.optimal() == null && a.greedy() == null) return "No size works: " + a.infeasible() + ".";
    String g = a.greedy() == null ? "the default scheduler never places every pod with up to the question's maximum" : "the default scheduler needs "
        + count(a.greedy(), a.unit());
    String o = a.optimal() == null ? "the solver found no valid placement" : "the best placement needs " + count(a.optimal(), a.unit())
        + (a.proven() ? " (optimal: it meets the lower bound)" : " (lower bound " + a.bound() + ")");
    return Character.toUpperCase(g.charAt(0)) + g.substring(1) + "; " + o + ".";
  }

  /** "1 node per zone", "3 nodes per zone". */
  static String count(int n, String unit) {
    return n + " " + (n == 1 && unit.startsWith("nodes") ? "node" + unit.substring(5) : unit);
  }

  public static String json(String scenario, List<Answer> answers) {
    List<Map<String, Object>> rows = new ArrayList<>();
    for (Answer a : answers) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("question", a.question());
      m.put("kind", a.kind());
      m.put("variant", a.variant());
      m.put("unit", a.unit());
      m.put("greedy", a.greedy());
      m.put("greedyNote", a.greedyNote());
      m.put("optimal", a.optimal());
      m.put("optimalNote", a.optimalNote());
      m.put("optimalPerZone", a.optimalPerZone());
      m.put("bound", a.bound());
      m.put("boundKind", a.kind().equals("headroom") ? "upper" : "lower");
      m.put("boundNote", a.boundNote());
      m.put("proven", a.proven());
      m.put("gap", a.gap());
      m.put("infeasible", a.infeasible());
      m.put("solveMs", a.solveMs());
      m.put("score", a.score());
      m.put("verified", a.verified());
      m.put("rejected", a.rejected());
      m.put("verdict", verdict(a));
      rows.add(m);
    }
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("scenario", scenario);
    root.put("answers", rows);
    try {
      return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(root) + "\n";
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  public static String render(String scenario, String description, List<Answer> answers) {
    Html h = new Html();
    h.el("h1", "Capacity plan: " + scenario);
    if (!description.isEmpty()) h.el("p", description);
    h.el("h2", "Answers");
    for (Answer a : answers) {
      boolean ok = a.verified();
      h.raw("<p class=\"verdict " + (ok ? "pass" : "fail") + "\"><b>" + Html.esc(a.question()) + " · " + Html.esc(a.variant()) + ":</b> "
          + Html.esc(verdict(a)) + (ok ? "" : " The solver's placement was REJECTED by the simulator's own check: a bug in the solver model.")
          + "</p>\n");
    }
    Map<String, List<Answer>> byQuestion = new LinkedHashMap<>();
    for (Answer a : answers) byQuestion.computeIfAbsent(a.question(), k -> new ArrayList<>()).add(a);
    for (Map.Entry<String, List<Answer>> e : byQuestion.entrySet()) {
      List<Answer> rows = e.getValue();
      Answer first = rows.get(0);
      h.el("h2", e.getKey() + " (" + first.unit() + ")");
      h.open("table").raw("<tr><th>variant</th><th>default scheduler (greedy, pods in order)</th><th>best placement (OptaPlanner)</th><th>"
          + (first.kind().equals("headroom") ? "upper" : "lower") + " bound</th><th>gap greedy vs best</th><th>solve time</th><th>score</th>"
          + "<th>simulator re-check</th></tr>\n");
      DefaultCategoryDataset ds = new DefaultCategoryDataset();
      for (Answer a : rows) {
        h.raw("<tr><td>" + Html.esc(a.variant()) + "</td><td>" + cell(a.greedy(), a.greedyNote()) + "</td><td>" + cell(a.optimal(), a.optimalNote())
            + "</td><td>" + a.bound() + "<div class=\"small\">" + Html.esc(a.boundNote()) + "</div></td><td class=\"num\">"
            + (a.gap() == null ? "-" : a.gap()) + "</td><td class=\"num\">" + a.solveMs() + " ms</td><td>" + Html.esc(a.score()) + "</td><td class=\""
            + (a.verified() ? "pass\">passed" : "fail\">rejected: " + Html.esc(String.join("; ", a.rejected().subList(0, Math.min(3, a.rejected().size())))))
            + "</td></tr>\n");
        if (a.greedy() != null) ds.addValue(a.greedy(), "default scheduler", a.variant());
        if (a.optimal() != null) ds.addValue(a.optimal(), "best placement", a.variant());
        ds.addValue(a.bound(), first.kind().equals("headroom") ? "upper bound" : "lower bound", a.variant());
      }
      h.close("table");
      h.figure(Charts.bars(e.getKey() + ": " + first.unit(), first.unit(), ds), "Greedy, best found and bound per variant.");
    }
    h.el("p class=\"small\"", "Greedy: the scenario replayed by the simulator on each size in turn (controllers, scheduling queue, kubelet "
        + "admission), the smallest size where every pod runs. Best placement: OptaPlanner (Constraint Streams, Bavet; reproducible, fixed "
        + "seed), started from the greedy placement, re-checked by binding every pod through the simulator's Filter plugins and kubelets. "
        + "A gap means rescheduling (a descheduler) would pay.");
    return h.page("kubesim plan: " + scenario);
  }

  private static String cell(Integer v, String note) {
    return (v == null ? "none" : String.valueOf(v)) + (note == null || note.isEmpty() ? "" : "<div class=\"small\">" + Html.esc(note) + "</div>");
  }
}
