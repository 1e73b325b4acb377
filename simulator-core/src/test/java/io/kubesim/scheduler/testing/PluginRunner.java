package io.kubesim.scheduler.testing;

import io.kubesim.api.Pod;
import io.kubesim.scheduler.framework.CycleState;
import io.kubesim.scheduler.framework.FilterPlugin;
import io.kubesim.scheduler.framework.NodeInfo;
import io.kubesim.scheduler.framework.Plugin;
import io.kubesim.scheduler.framework.PodInfo;
import io.kubesim.scheduler.framework.PreFilterPlugin;
import io.kubesim.scheduler.framework.PreScorePlugin;
import io.kubesim.scheduler.framework.ScorePlugin;
import io.kubesim.scheduler.framework.Snapshot;
import io.kubesim.scheduler.framework.Status;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs one plugin's extension points the way the framework does for a cycle, for tests: PreFilter
 * (Skip → Filter not called, success for every node), Filter; PreScore (Skip → Score not called,
 * every node 0), Score, NormalizeScore. The cycle state is made with the snapshot.
 */
public final class PluginRunner {
  private PluginRunner() {}

  /**
   * The outcome of PreFilter and Filter: PreFilter's status (success for a plugin without one), the
   * cycle state they wrote, and the Filter status of every node of the snapshot by name, in snapshot order.
   */
  public record Filtered(Status preFilter, CycleState state, Map<String, Status> statuses) {}

  /** Runs PreFilter (when the plugin has one), then Filter on every node of the snapshot. */
  public static Filtered preFilterAndFilter(Plugin plugin, Snapshot snapshot, Pod pod) {
    CycleState state = new CycleState(snapshot);
    PodInfo info = PodInfo.of(pod);
    Status pre = plugin instanceof PreFilterPlugin pf ? pf.preFilter(state, info, snapshot).status() : Status.success();
    Map<String, Status> out = new LinkedHashMap<>();
    for (NodeInfo n : snapshot.nodeInfos()) {
      Status s;
      if (pre.isSkip()) {
        s = Status.success();
      } else if (!pre.isSuccess()) {
        s = pre;
      } else {
        s = ((FilterPlugin) plugin).filter(state, info, n);
      }
      out.put(n.name(), s);
    }
    return new Filtered(pre, state, out);
  }

  /** Filter statuses by node name, for every node of the snapshot (after PreFilter). */
  public static Map<String, Status> filter(Plugin plugin, Snapshot snapshot, Pod pod) {
    return preFilterAndFilter(plugin, snapshot, pod).statuses();
  }

  /** Filter status on one node (after PreFilter). */
  public static Status filter(Plugin plugin, Snapshot snapshot, Pod pod, String nodeName) {
    return filter(plugin, snapshot, pod).get(nodeName);
  }

  /** The result of scoring: the PreScore status and the normalised scores, aligned with the nodes. */
  public record Scores(Status preScore, long[] scores) {}

  /** Scores {@code nodes} (names, in order) after running PreFilter (when the plugin has one) and PreScore. */
  public static Scores score(Plugin plugin, Snapshot snapshot, Pod pod, List<String> nodes) {
    CycleState state = new CycleState(snapshot);
    PodInfo info = PodInfo.of(pod);
    if (plugin instanceof PreFilterPlugin pf) pf.preFilter(state, info, snapshot);
    List<NodeInfo> infos = nodes.stream().map(snapshot::get).toList();
    long[] scores = new long[infos.size()];
    Status pre = plugin instanceof PreScorePlugin ps ? ps.preScore(state, info, infos) : Status.success();
    if (!pre.isSuccess()) return new Scores(pre, scores);
    ScorePlugin sp = (ScorePlugin) plugin;
    for (int i = 0; i < scores.length; i++) scores[i] = sp.score(state, info, infos.get(i));
    sp.normalizeScore(state, info, infos, scores);
    return new Scores(pre, scores);
  }

  /** Scores every node of the snapshot, in snapshot order. */
  public static Scores score(Plugin plugin, Snapshot snapshot, Pod pod) {
    return score(plugin, snapshot, pod, snapshot.nodeInfos().stream().map(NodeInfo::name).toList());
  }
}
