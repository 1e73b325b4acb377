package io.kubesim.scheduler.plugins.podtopologyspread;

import io.kubesim.api.Pod;
import io.kubesim.api.labels.RequiredNodeAffinity;
import io.kubesim.scheduler.framework.Features;
import io.kubesim.scheduler.framework.MatchingPodCounts;
import io.kubesim.scheduler.framework.NodeInfo;
import io.kubesim.scheduler.framework.ScorePlugin;
import io.kubesim.scheduler.framework.Snapshot;
import io.kubesim.scheduler.framework.TopologyDomains;
import java.util.List;

/**
 * PreScore's counting, Score and NormalizeScore (upstream {@code scoring.go}).
 *
 * <ol>
 *   <li>Filtered nodes lacking a soft key are ignored (unless {@code requireAllTopologies} is false:
 *       System defaulting for a pod without own constraints, where a missing key reads as {@code ""}).
 *   <li>The other filtered nodes seed the domains of each non-hostname constraint; the number of
 *       seeded domains is the {@code size} of the weight {@code ln(size + 2)} (for hostname: the
 *       number of non-ignored filtered nodes).
 *   <li>Every node of the snapshot adds its matching pods to its domain, if seeded, under the same
 *       affinity gate and inclusion policies as PreFilter.
 *   <li>Score sums {@code count * weight + maxSkew - 1} and rounds once; hostname counts are the
 *       node's own pods, read at Score time without policies.
 * </ol>
 */
final class Scoring {
  private final PodTopologySpread plugin;
  private final Features features;

  Scoring(PodTopologySpread plugin) {
    this.plugin = plugin;
    this.features = plugin.features();
  }

  PreScoreState preScore(Pod pod, List<Constraint> constraints, List<NodeInfo> filteredNodes, Snapshot snapshot,
      boolean requireAllTopologies) {
    int n = constraints.size();
    Domains[] domains = new Domains[n];
    MatchingPodCounts[] matching = new MatchingPodCounts[n];
    boolean[] hostname = new boolean[n];
    boolean anyDomainCounts = false;
    for (int i = 0; i < n; i++) {
      Constraint c = constraints.get(i);
      domains[i] = plugin.domains(c.topologyKey());
      matching[i] = PodTopologySpread.matching(snapshot, pod.namespace(), c.selector());
      hostname[i] = c.isHostname();
      anyDomainCounts |= !hostname[i] && matching[i] != null;
    }
    PreScoreState s = new PreScoreState(constraints, domains, matching, hostname);

    // When every node carries every key none is ignored, and hostname constraints seed nothing:
    // with only those, the walk over the filtered nodes would change nothing.
    s.everyNodeHasKeys = everyNodeCarries(domains, snapshot);
    boolean checkKeys = requireAllTopologies && !s.everyNodeHasKeys;
    boolean seeds = false;
    for (boolean h : hostname) seeds |= !h;
    for (int k = 0, size = checkKeys || seeds ? filteredNodes.size() : 0; k < size; k++) {
      NodeInfo node = filteredNodes.get(k);
      if (checkKeys && !hasAllKeys(node, domains)) {
        s.ignore(node);
        continue;
      }
      for (int i = 0; i < n; i++) {
        if (hostname[i]) continue;
        if (s.seed(i, domains[i].domainOrEmpty(node))) s.sizes[i]++;
      }
    }
    for (int i = 0; i < n; i++) {
      if (hostname[i]) s.sizes[i] = filteredNodes.size() - s.ignoredCount();
      s.weights[i] = Math.log(s.sizes[i] + 2);
    }
    if (n == 1) s.tabulateScores();

    if (!anyDomainCounts) return s; // every count is per node (hostname) or zero
    RequiredNodeAffinity affinity = RequiredNodeAffinity.of(pod);
    boolean anyAffinity = PodTopologySpread.hasAffinity(affinity);
    boolean affinityGate = !features.nodeInclusionPolicyInPodTopologySpread() && anyAffinity;
    boolean[] checkPolicies = plugin.checkPolicies(constraints, anyAffinity);
    List<NodeInfo> allNodes = snapshot.nodeInfos();
    if (!affinityGate && !Filtering.any(checkPolicies) && requireAllTopologies
        && countByDomain(s, domains, matching, hostname, snapshot, allNodes.size())) {
      return s;
    }
    for (int k = 0, size = allNodes.size(); k < size; k++) {
      NodeInfo info = allNodes.get(k);
      if (affinityGate && !affinity.matches(info.node())) continue;
      if (requireAllTopologies && !hasAllKeys(info, domains)) continue;
      for (int i = 0; i < n; i++) {
        if (hostname[i] || matching[i] == null) continue;
        if (checkPolicies[i] && !constraints.get(i).includes(pod, info.node(), affinity, features)) continue;
        int d = domains[i].domainOrEmpty(info);
        if (s.isSeeded(i, d)) s.add(i, d, matching[i].count(info));
      }
    }
    return s;
  }

  /**
   * The all-node count from the snapshot's per-domain sums, when it keeps them and no node is
   * skipped for its own sake: with one constraint a node lacking its key only drops out, with
   * several every node must carry every key. Only seeded domains gain counts, as in the walk;
   * a value this plugin has no id for cannot be seeded. False, {@code s} untouched, otherwise.
   */
  private static boolean countByDomain(PreScoreState s, Domains[] domains, MatchingPodCounts[] matching, boolean[] hostname,
      Snapshot snapshot, int nodeCount) {
    int n = domains.length;
    TopologyDomains[] index = new TopologyDomains[n];
    for (int i = 0; i < n; i++) {
      index[i] = snapshot.topologyDomains(domains[i].key());
      if (index[i] == null) return false;
      if (n > 1 && index[i].nodesWithKey() != nodeCount) return false;
      if (!hostname[i] && matching[i] != null && index[i].size() > 0 && matching[i].countInDomain(index[i], 0) < 0) return false;
    }
    for (int i = 0; i < n; i++) {
      if (hostname[i] || matching[i] == null) continue;
      int[] ids = domains[i].idsFor(index[i]);
      for (int d = 0, size = index[i].size(); d < size; d++) {
        if (index[i].nodeCount(d) == 0 || ids[d] < 0 || !s.isSeeded(i, ids[d])) continue;
        s.add(i, ids[d], matching[i].countInDomain(index[i], d));
      }
    }
    return true;
  }

  /** Whether the snapshot's index says every node has each key (false when it keeps no index). */
  private static boolean everyNodeCarries(Domains[] domains, Snapshot snapshot) {
    int nodes = snapshot.nodeInfos().size();
    for (Domains d : domains) {
      TopologyDomains index = snapshot.topologyDomains(d.key());
      if (index == null || index.nodesWithKey() != nodes) return false;
    }
    return true;
  }

  private static boolean hasAllKeys(NodeInfo node, Domains[] domains) {
    for (Domains d : domains) {
      if (d.domainOf(node) < 0) return false;
    }
    return true;
  }

  long score(PreScoreState s, NodeInfo node) {
    if (s.isIgnored(node)) return 0;
    long[] byCount = s.scoreByCount;
    if (byCount != null) { // one constraint: the score is a function of the node's count
      long count = count(s, 0, node);
      if (count < 0) return 0;
      return count < byCount.length ? byCount[(int) count] : goRound(count * s.weights[0] + s.skewOffsets[0]);
    }
    double score = 0;
    for (int i = 0; i < s.hostname.length; i++) {
      long count = count(s, i, node);
      if (count >= 0) score += count * s.weights[i] + s.skewOffsets[i];
    }
    return goRound(score);
  }

  /** The node's count for constraint {@code i}, or -1 when it lacks the key. */
  private static long count(PreScoreState s, int i, NodeInfo node) {
    if (s.hostname[i]) {
      // A node lacking the key is possible only when nodes lacking keys are not ignored.
      if (!s.everyNodeHasKeys && s.domains[i].domainOf(node) < 0) return -1;
      return s.matching[i] == null ? 0 : s.matching[i].count(node);
    }
    int d = s.domains[i].domainOf(node);
    return d < 0 ? -1 : s.count(i, d);
  }

  /** {@link #normalize} when no node is ignored (the common case): no per-node lookups. */
  private static void normalizeAll(long[] scores) {
    long min = Long.MAX_VALUE;
    long max = 0;
    for (long score : scores) {
      min = Math.min(min, score);
      max = Math.max(max, score);
    }
    for (int k = 0; k < scores.length; k++) {
      scores[k] = max == 0 ? ScorePlugin.MAX_NODE_SCORE : ScorePlugin.MAX_NODE_SCORE * (max + min - scores[k]) / max;
    }
  }

  /** Go's {@code math.Round}: half away from zero. */
  static long goRound(double x) {
    return x < 0 ? -Math.round(-x) : Math.round(x);
  }

  /**
   * With min/max over the non-ignored nodes: {@code 100 * (max + min - s) / max} (integer division), so
   * the busiest node gets {@code 100 * min / max}; every node 100 when max is 0; ignored nodes 0.
   */
  static void normalize(PreScoreState s, List<NodeInfo> nodes, long[] scores) {
    if (s.ignoredCount() == 0) {
      normalizeAll(scores);
      return;
    }
    long min = Long.MAX_VALUE;
    long max = 0;
    for (int k = 0; k < scores.length; k++) {
      if (s.isIgnored(nodes.get(k))) continue;
      min = Math.min(min, scores[k]);
      max = Math.max(max, scores[k]);
    }
    for (int k = 0; k < scores.length; k++) {
      if (s.isIgnored(nodes.get(k))) {
        scores[k] = 0;
      } else if (max == 0) {
        scores[k] = ScorePlugin.MAX_NODE_SCORE;
      } else {
        scores[k] = ScorePlugin.MAX_NODE_SCORE * (max + min - scores[k]) / max;
      }
    }
  }
}
