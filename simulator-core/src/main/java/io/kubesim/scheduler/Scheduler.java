package io.kubesim.scheduler;

import io.kubesim.api.Pod;
import io.kubesim.scheduler.framework.Code;
import io.kubesim.scheduler.framework.CycleState;
import io.kubesim.scheduler.framework.FilterPlugin;
import io.kubesim.scheduler.framework.NodeInfo;
import io.kubesim.scheduler.framework.PodInfo;
import io.kubesim.scheduler.framework.PreFilterResult;
import io.kubesim.scheduler.framework.Snapshot;
import io.kubesim.scheduler.framework.Status;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.Set;

/**
 * One scheduling cycle at a time, as upstream's {@code schedulePod}: PreFilter over the whole
 * snapshot, Filter over a rotating window of the zone-interleaved node list until enough feasible
 * nodes are found ({@code percentageOfNodesToScore}), then PreScore, Score, NormalizeScore, weights,
 * and a seeded choice among the best totals. Sequential and deterministic for a seed.
 *
 * <p>The scheduler decides; it does not bind. The caller binds the pod in the cluster (upstream's
 * assume + bind), which updates the snapshot for the next cycle.
 */
public final class Scheduler {
  private final Snapshot snapshot;
  private final Framework framework;
  private final int percentageOfNodesToScore;
  private final TieBreak tieBreak;
  private final SplittableRandom random;
  private final boolean recordDetails;
  private int nextStartNodeIndex;
  /** Filter's chunk of nodes and their statuses (null = not rejected yet), reused across cycles. */
  private NodeInfo[] chunk = new NodeInfo[0];
  private Status[] chunkStatuses = new Status[0];
  /** Filter node by node through all plugins, as before the chunks (for the differential test). */
  private boolean filterNodeByNode;
  /** The cycle's rejected nodes, reused across cycles (a cycle rejects hundreds). */
  private final Rejections rejections = new Rejections();
  /** The cycle's feasible nodes, reused across cycles: only the cycle reads it. */
  private final ArrayList<NodeInfo> feasible = new ArrayList<>();
  /** Score totals, reused across cycles when no details are recorded. */
  private long[] totals = new long[0];

  /**
   * @param percentageOfNodesToScore 0 = upstream's adaptive default; 1..100 = that percentage
   * @param recordDetails keep per-node statuses and per-plugin scores in every decision
   */
  public Scheduler(Snapshot snapshot, Framework framework, int percentageOfNodesToScore, TieBreak tieBreak, long seed,
      boolean recordDetails) {
    if (percentageOfNodesToScore < 0 || percentageOfNodesToScore > 100) {
      throw new IllegalArgumentException("percentageOfNodesToScore: Invalid value: " + percentageOfNodesToScore + ": not in valid range [0-100]");
    }
    this.snapshot = snapshot;
    this.framework = framework;
    this.percentageOfNodesToScore = percentageOfNodesToScore;
    this.tieBreak = tieBreak;
    this.random = new SplittableRandom(seed);
    this.recordDetails = recordDetails;
  }

  /** Filters node by node through all plugins instead of in chunks; for tests comparing the two. */
  Scheduler filteringNodeByNode() {
    filterNodeByNode = true;
    return this;
  }

  public Framework framework() {
    return framework;
  }

  /** Upstream {@code numFeasibleNodesToFind}. */
  static int numFeasibleNodesToFind(int percentage, int numAllNodes, boolean hasScorePlugins) {
    if (!hasScorePlugins) return Math.min(1, numAllNodes);
    if (numAllNodes < 100) return numAllNodes;
    int p = percentage;
    if (p == 0) p = Math.max(50 - numAllNodes / 125, 5);
    int k = numAllNodes * p / 100;
    return Math.max(k, 100);
  }

  public SchedulingDecision schedule(Pod pod) {
    PodInfo podInfo = PodInfo.of(pod);
    List<NodeInfo> all = snapshot.nodeInfos();
    if (all.isEmpty()) {
      return failed(pod, Status.unresolvable("no nodes available to schedule pods"), "no nodes available to schedule pods", List.of(), 0, Map.of());
    }
    CycleState state = new CycleState(snapshot);
    PreFilterResult pre = framework.runPreFilterPlugins(state, podInfo, snapshot);
    if (!pre.status().isSuccess()) {
      Status s = pre.status();
      if (s.code() == Code.Error) return failed(pod, s, s.message(), List.of(), 0, Map.of());
      Map<String, Status> statuses = new LinkedHashMap<>();
      for (NodeInfo n : all) statuses.put(n.name(), s);
      Status post = framework.runPostFilterPlugins(state, podInfo, statuses);
      String message = FitError.message(all.size(), s.message(), List.of(), 0, null, post);
      return failed(pod, s, message, List.of(s.plugin()), 0, recordDetails ? statuses : Map.of());
    }
    List<NodeInfo> nodes = narrow(all, pre.nodeNames());
    rejections.clear();
    List<NodeInfo> feasible = findFeasible(state, podInfo, nodes, rejections);
    Status absent = nodes.size() < all.size()
        ? Status.unresolvable("node(s) didn't satisfy plugin(s) " + framework.narrowedBy(state))
        : null;
    if (feasible.isEmpty()) {
      Map<String, Status> rejected = rejections.toMap();
      Map<String, Status> statuses = new LinkedHashMap<>(rejected);
      if (absent != null) {
        for (NodeInfo n : all) statuses.putIfAbsent(n.name(), absent);
      }
      Status post = framework.runPostFilterPlugins(state, podInfo, statuses);
      String message = FitError.message(all.size(), null, rejected.values(), all.size() - nodes.size(), absent, post);
      Code code = rejected.values().stream().anyMatch(s -> s.code() == Code.Unschedulable) ? Code.Unschedulable : Code.UnschedulableAndUnresolvable;
      for (Status s : rejected.values()) {
        if (s.code() == Code.Error) return failed(pod, s, s.message(), List.of(), rejected.size(), Map.of());
      }
      return failed(pod, new Status(code, List.of(message), null), message, rejectors(rejections, absent, state),
          rejected.size(), recordDetails ? statuses : Map.of());
    }
    int examined = feasible.size() + rejections.size();
    if (feasible.size() == 1) {
      return new SchedulingDecision(pod, feasible.get(0).name(), Status.success(), "", rejectors(rejections, absent, state),
          examined, 1, recordDetails ? rejections.toMap() : Map.of(), List.of());
    }
    Status preScore = framework.runPreScorePlugins(state, podInfo, feasible);
    if (!preScore.isSuccess()) return failed(pod, preScore, preScore.message(), List.of(), examined, Map.of());
    Map<String, long[]> byPlugin = recordDetails ? new LinkedHashMap<>() : null;
    long[] totals = recordDetails ? new long[feasible.size()] : totals(feasible.size());
    framework.runScorePlugins(state, podInfo, feasible, totals, byPlugin);
    NodeInfo chosen = feasible.get(selectHost(totals));
    return new SchedulingDecision(pod, chosen.name(), Status.success(), "", rejectors(rejections, absent, state), examined,
        feasible.size(), recordDetails ? rejections.toMap() : Map.of(), recordDetails ? nodeScores(feasible, totals, byPlugin) : List.of());
  }

  private static List<NodeInfo> narrow(List<NodeInfo> all, Set<String> names) {
    if (names == null) return all;
    List<NodeInfo> out = new ArrayList<>();
    for (NodeInfo n : all) {
      if (names.contains(n.name())) out.add(n);
    }
    return out;
  }

  /**
   * Filters from the rotating start index until enough feasible nodes are found, in chunks of as
   * many nodes as feasible ones are still wanted: each node adds at most one, so the node-by-node
   * loop would examine every node of the chunk too. Each plugin filters the chunk's nodes that the
   * plugins before it passed (its {@code filterAll}), which calls its {@code filter} from one call
   * site bound to its class; the nodes, statuses and order are those of the node-by-node loop.
   */
  private List<NodeInfo> findFeasible(CycleState state, PodInfo pod, List<NodeInfo> nodes, Rejections rejected) {
    int n = nodes.size();
    if (n == 0) return List.of();
    int wanted = numFeasibleNodesToFind(percentageOfNodesToScore, n, framework.hasScorePlugins());
    List<NodeInfo> feasible = this.feasible;
    feasible.clear();
    // The cycle's Filter plugins (those PreFilter did not skip), looked up once instead of per node.
    FilterPlugin[] filters = framework.activeFilterPlugins(state);
    int examined = 0;
    int index = nextStartNodeIndex % n;
    if (filterNodeByNode) {
      for (int i = 0; i < n && feasible.size() < wanted; i++) {
        NodeInfo node = nodes.get(index);
        if (++index == n) index = 0;
        Status s = Framework.runFilterPlugins(filters, state, pod, node);
        examined++;
        if (s.isSuccess()) {
          feasible.add(node);
        } else {
          rejected.add(node, s);
        }
      }
    } else {
      while (examined < n && feasible.size() < wanted) {
        int count = Math.min(wanted - feasible.size(), n - examined);
        if (chunk.length < count) {
          chunk = new NodeInfo[count];
          chunkStatuses = new Status[count];
        }
        for (int i = 0; i < count; i++) {
          chunk[i] = nodes.get(index);
          chunkStatuses[i] = null;
          if (++index == n) index = 0;
        }
        for (FilterPlugin p : filters) p.filterAll(state, pod, chunk, chunkStatuses, count);
        for (int i = 0; i < count; i++) {
          if (chunkStatuses[i] == null) {
            feasible.add(chunk[i]);
          } else {
            rejected.add(chunk[i], chunkStatuses[i]);
          }
        }
        examined += count;
      }
    }
    nextStartNodeIndex = (nextStartNodeIndex + examined) % n;
    return feasible;
  }

  /** The reused totals array, of exactly {@code n} zeroed scores. */
  private long[] totals(int n) {
    if (totals.length != n) totals = new long[n];
    Arrays.fill(totals, 0);
    return totals;
  }

  private int selectHost(long[] totals) {
    long best = Long.MIN_VALUE;
    int count = 0;
    int chosen = -1;
    for (int i = 0; i < totals.length; i++) {
      if (totals[i] > best) {
        best = totals[i];
        count = 1;
        chosen = i;
      } else if (totals[i] == best) {
        count++;
        // Reservoir sampling: every best node ends up chosen with probability 1/count.
        if (tieBreak == TieBreak.RANDOM && random.nextInt(count) == 0) chosen = i;
      }
    }
    return chosen;
  }

  /** Plugins that rejected the pod somewhere, including those that narrowed the node list. */
  private List<String> rejectors(Rejections rejected, Status absent, CycleState state) {
    if (absent == null && rejected.size() == 0) return List.of();
    Set<String> names = new LinkedHashSet<>();
    if (absent != null) names.addAll(framework.narrowedBy(state));
    rejected.addPluginsTo(names);
    return List.copyOf(names);
  }

  private static List<SchedulingDecision.NodeScore> nodeScores(List<NodeInfo> nodes, long[] totals, Map<String, long[]> byPlugin) {
    List<SchedulingDecision.NodeScore> out = new ArrayList<>(nodes.size());
    for (int i = 0; i < nodes.size(); i++) {
      Map<String, Long> perPlugin = new HashMap<>();
      for (Map.Entry<String, long[]> e : byPlugin.entrySet()) perPlugin.put(e.getKey(), e.getValue()[i]);
      out.add(new SchedulingDecision.NodeScore(nodes.get(i).name(), totals[i], perPlugin));
    }
    return out;
  }

  private static SchedulingDecision failed(Pod pod, Status status, String message, List<String> rejectors, int examined,
      Map<String, Status> statuses) {
    return new SchedulingDecision(pod, null, status, message, rejectors, examined, 0, statuses, List.of());
  }
}
