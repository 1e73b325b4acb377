package io.kubesim.scheduler;

import io.kubesim.scheduler.framework.CycleState;
import io.kubesim.scheduler.framework.FilterPlugin;
import io.kubesim.scheduler.framework.NodeInfo;
import io.kubesim.scheduler.framework.Plugin;
import io.kubesim.scheduler.framework.PodInfo;
import io.kubesim.scheduler.framework.PostFilterPlugin;
import io.kubesim.scheduler.framework.PreFilterPlugin;
import io.kubesim.scheduler.framework.PreFilterResult;
import io.kubesim.scheduler.framework.PreScorePlugin;
import io.kubesim.scheduler.framework.ScorePlugin;
import io.kubesim.scheduler.framework.Snapshot;
import io.kubesim.scheduler.framework.Status;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One profile's plugins, called per extension point in profile order (upstream
 * {@code frameworkImpl}). A plugin that returns Skip from PreFilter (PreScore) is not called for
 * Filter (Score) in the same cycle; the skipped names live in the {@link CycleState}. Runs one
 * cycle at a time: Score reuses one work array.
 */
public final class Framework {
  private final List<Plugin> plugins;
  private final List<PreFilterPlugin> preFilter = new ArrayList<>();
  private final List<FilterPlugin> filter = new ArrayList<>();
  private final List<PostFilterPlugin> postFilter = new ArrayList<>();
  private final List<PreScorePlugin> preScore = new ArrayList<>();
  private final List<ScorePlugin> score = new ArrayList<>();
  private final Map<String, Integer> weights;
  private final FilterPlugin[] filterArray;
  private long[] workScores = new long[0];

  Framework(List<Plugin> plugins, Map<String, Integer> weights) {
    this.plugins = List.copyOf(plugins);
    this.weights = Map.copyOf(weights);
    for (Plugin p : plugins) {
      if (p instanceof PreFilterPlugin x) preFilter.add(x);
      if (p instanceof FilterPlugin x) filter.add(x);
      if (p instanceof PostFilterPlugin x) postFilter.add(x);
      if (p instanceof PreScorePlugin x) preScore.add(x);
      if (p instanceof ScorePlugin x) score.add(x);
    }
    filterArray = filter.toArray(new FilterPlugin[0]);
  }

  public List<Plugin> plugins() {
    return plugins;
  }

  public boolean hasScorePlugins() {
    return !score.isEmpty();
  }

  /** The plugin by name, or null. */
  public Plugin plugin(String name) {
    for (Plugin p : plugins) {
      if (p.name().equals(name)) return p;
    }
    return null;
  }

  /** Per-cycle bookkeeping of the framework itself: skipped plugins, and who narrowed the node list. */
  private record Skipped(Set<String> preFilter, Set<String> preScore, List<String> narrowedBy) {}

  private static final io.kubesim.scheduler.framework.StateKey<Skipped> SKIPPED =
      io.kubesim.scheduler.framework.StateKey.of("framework/skipped", Skipped.class);

  /**
   * Runs every PreFilter plugin; stops at the first rejection (its status names the plugin).
   * The result's node names are the intersection of all plugins' narrowing, or null.
   */
  public PreFilterResult runPreFilterPlugins(CycleState state, PodInfo pod, Snapshot snapshot) {
    Skipped skipped = new Skipped(new HashSet<>(), new HashSet<>(), new ArrayList<>());
    state.write(SKIPPED, skipped);
    Set<String> nodeNames = null;
    for (PreFilterPlugin p : preFilter) {
      PreFilterResult r = p.preFilter(state, pod, snapshot);
      Status s = r.status();
      if (s.isSkip()) {
        skipped.preFilter().add(p.name());
        continue;
      }
      if (!s.isSuccess()) return PreFilterResult.of(s.withPlugin(p.name()));
      if (r.nodeNames() != null) {
        skipped.narrowedBy().add(p.name());
        if (nodeNames == null) {
          nodeNames = new HashSet<>(r.nodeNames());
        } else {
          nodeNames.retainAll(r.nodeNames());
        }
      }
    }
    return new PreFilterResult(Status.success(), nodeNames);
  }

  /** Plugins whose PreFilter narrowed the candidate nodes this cycle, in profile order. */
  public List<String> narrowedBy(CycleState state) {
    return state.read(SKIPPED).narrowedBy();
  }

  /** The first non-success Filter status for the node, with its plugin, or success. */
  public Status runFilterPlugins(CycleState state, PodInfo pod, NodeInfo node) {
    return runFilterPlugins(activeFilterPlugins(state), state, pod, node);
  }

  /** The Filter plugins of this cycle in profile order: those whose PreFilter did not return Skip. */
  FilterPlugin[] activeFilterPlugins(CycleState state) {
    Set<String> skip = state.read(SKIPPED).preFilter();
    if (skip.isEmpty()) return filterArray;
    List<FilterPlugin> out = new ArrayList<>(filter.size());
    for (FilterPlugin p : filter) {
      if (!skip.contains(p.name())) out.add(p);
    }
    return out.toArray(new FilterPlugin[0]);
  }

  /** {@link #runFilterPlugins(CycleState, PodInfo, NodeInfo)} with the cycle's plugins already looked up. */
  static Status runFilterPlugins(FilterPlugin[] filters, CycleState state, PodInfo pod, NodeInfo node) {
    for (FilterPlugin p : filters) {
      Status s = p.filter(state, pod, node);
      if (!s.isSuccess()) return s.withPlugin(p.name());
    }
    return Status.success();
  }

  /** Reasons from PostFilter plugins (upstream appends them to the failure message), or null. */
  public Status runPostFilterPlugins(CycleState state, PodInfo pod, Map<String, Status> nodeStatuses) {
    for (PostFilterPlugin p : postFilter) {
      Status s = p.postFilter(state, pod, nodeStatuses);
      if (s != null && !s.reasons().isEmpty()) return s.withPlugin(p.name());
    }
    return null;
  }

  public Status runPreScorePlugins(CycleState state, PodInfo pod, List<NodeInfo> nodes) {
    Skipped skipped = state.read(SKIPPED);
    for (PreScorePlugin p : preScore) {
      Status s = p.preScore(state, pod, nodes);
      if (s.isSkip()) {
        skipped.preScore().add(p.name());
      } else if (!s.isSuccess()) {
        return s.withPlugin(p.name());
      }
    }
    return Status.success();
  }

  /**
   * Scores, normalises and weighs: plugin name → weighted scores aligned with {@code nodes}
   * (upstream {@code RunScorePlugins}). Skipped plugins are absent.
   */
  public Map<String, long[]> runScorePlugins(CycleState state, PodInfo pod, List<NodeInfo> nodes) {
    Map<String, long[]> out = new LinkedHashMap<>();
    runScorePlugins(state, pod, nodes, new long[nodes.size()], out);
    return out;
  }

  /**
   * {@link #runScorePlugins(CycleState, PodInfo, List)} summed into {@code totals} (its length that
   * of {@code nodes}, added to); each plugin's weighted scores also go to {@code byPlugin} unless it
   * is null, in which case one work array serves every plugin and cycle (a cycle scores hundreds of
   * nodes with each plugin).
   */
  void runScorePlugins(CycleState state, PodInfo pod, List<NodeInfo> nodes, long[] totals, Map<String, long[]> byPlugin) {
    Set<String> skip = state.read(SKIPPED).preScore();
    for (ScorePlugin p : score) {
      if (skip.contains(p.name())) continue;
      long[] scores = byPlugin != null ? new long[nodes.size()] : workScores(nodes.size());
      p.scoreAll(state, pod, nodes, scores);
      p.normalizeScore(state, pod, nodes, scores);
      int weight = weights.getOrDefault(p.name(), 1);
      for (int i = 0; i < scores.length; i++) {
        if (scores[i] < 0 || scores[i] > ScorePlugin.MAX_NODE_SCORE) {
          throw new IllegalStateException("plugin " + p.name() + " returns an invalid score " + scores[i]
              + " for node " + nodes.get(i).name() + ", it should be in [0, 100]");
        }
        scores[i] *= weight;
        totals[i] += scores[i];
      }
      if (byPlugin != null) byPlugin.put(p.name(), scores);
    }
  }

  /** The shared work array, of exactly {@code n} scores (plugins score {@code scores.length} nodes). */
  private long[] workScores(int n) {
    if (workScores.length != n) workScores = new long[n];
    return workScores;
  }
}
