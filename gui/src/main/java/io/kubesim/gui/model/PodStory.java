package io.kubesim.gui.model;

import io.kubesim.gui.model.FrameRecorder.TimedDecision;
import io.kubesim.scheduler.SchedulingDecision;
import io.kubesim.scheduler.SchedulingDecision.NodeScore;
import io.kubesim.scheduler.framework.Status;
import io.kubesim.controllers.SimTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Why a pod is where it is at a moment, in lines of text: the scheduler's last decision about it
 * (upstream's {@code 0/N nodes are available: ...} for a pending pod, with the verdict of every
 * rejecting node), and for a scheduled pod the per-plugin scores of the chosen node against the
 * runners-up.
 */
public final class PodStory {
  static final int RUNNERS_UP = 3;

  private PodStory() {}

  public static List<String> of(Replay r, long time, String podKey) {
    List<String> out = new ArrayList<>();
    PodView pod = null;
    for (PodView p : r.frameAt(time).pods()) if (p.key().equals(podKey)) pod = p;
    if (pod == null) {
      out.add(podKey + " does not exist at " + SimTime.human(time));
      return out;
    }
    out.add(pod.key() + "  " + pod.phase() + (pod.terminating() ? " (terminating)" : "") + (pod.node().isEmpty() ? "" : " on " + pod.node()));
    if (!pod.workload().isEmpty()) out.add("workload " + pod.workload() + (pod.revision().isEmpty() ? "" : ", revision " + pod.revision()));
    TimedDecision td = r.lastDecision(podKey, time);
    if (td == null) {
      out.add("no scheduling decision yet (bound by its manifest or not yet queued)");
      return out;
    }
    SchedulingDecision d = td.decision();
    out.add("last scheduling attempt at " + SimTime.human(td.time()) + ": " + d.examined() + " node(s) examined, " + d.feasible() + " feasible");
    if (!d.isScheduled()) {
      out.add(d.message());
      if (!d.nodeStatuses().isEmpty()) {
        out.add("per-node filter verdicts:");
        for (Map.Entry<String, Status> e : new TreeMap<>(d.nodeStatuses()).entrySet()) {
          out.add("  " + e.getKey() + ": " + e.getValue().plugin() + ": " + e.getValue().message());
        }
      } else if (!r.detailed()) {
        out.add("(per-node verdicts are not recorded above " + ReplayRunner.DETAIL_NODE_LIMIT + " nodes)");
      }
      return out;
    }
    out.add("bound to " + d.node());
    if (!d.nodeStatuses().isEmpty()) out.add(d.nodeStatuses().size() + " node(s) filtered out: " + filteredSummary(d.nodeStatuses()));
    if (d.scores().isEmpty()) {
      out.add(d.feasible() == 1 ? "only one node was feasible: no scoring" : "(scores not recorded)");
      return out;
    }
    List<NodeScore> ranked = new ArrayList<>(d.scores());
    ranked.sort(Comparator.comparingLong(NodeScore::total).reversed().thenComparing(NodeScore::node));
    List<NodeScore> shown = new ArrayList<>();
    for (NodeScore s : ranked) if (s.node().equals(d.node())) shown.add(s);
    for (NodeScore s : ranked) if (!s.node().equals(d.node()) && shown.size() <= RUNNERS_UP) shown.add(s);
    out.add("scores (chosen node first, then the runners-up):");
    TreeMap<String, Long> plugins = new TreeMap<>(shown.get(0).byPlugin());
    StringBuilder header = new StringBuilder(String.format("  %-34s", "plugin"));
    for (NodeScore s : shown) header.append(String.format(" %12s", clip(s.node(), 12)));
    out.add(header.toString());
    for (String plugin : plugins.keySet()) {
      StringBuilder row = new StringBuilder(String.format("  %-34s", clip(plugin, 34)));
      for (NodeScore s : shown) row.append(String.format(" %12d", s.byPlugin().getOrDefault(plugin, 0L)));
      out.add(row.toString());
    }
    StringBuilder total = new StringBuilder(String.format("  %-34s", "total"));
    for (NodeScore s : shown) total.append(String.format(" %12d", s.total()));
    out.add(total.toString());
    return out;
  }

  private static String filteredSummary(Map<String, Status> statuses) {
    Map<String, Integer> byReason = new TreeMap<>();
    for (Status s : statuses.values()) byReason.merge(s.message(), 1, Integer::sum);
    List<String> parts = new ArrayList<>();
    byReason.forEach((reason, n) -> parts.add(n + " " + reason));
    return String.join(", ", parts);
  }

  private static String clip(String s, int n) {
    return s.length() <= n ? s : "…" + s.substring(s.length() - n + 1);
  }
}
