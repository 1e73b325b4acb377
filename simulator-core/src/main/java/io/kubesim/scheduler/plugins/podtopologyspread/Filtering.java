package io.kubesim.scheduler.plugins.podtopologyspread;

import io.kubesim.api.Node;
import io.kubesim.api.Pod;
import io.kubesim.api.labels.RequiredNodeAffinity;
import io.kubesim.scheduler.framework.Features;
import io.kubesim.scheduler.framework.MatchingPodCounts;
import io.kubesim.scheduler.framework.NodeInfo;
import io.kubesim.scheduler.framework.Snapshot;
import io.kubesim.scheduler.framework.Status;
import io.kubesim.scheduler.framework.TopologyDomains;
import java.util.List;

/**
 * PreFilter's counting, Filter's skew check and the AddPod/RemovePod updates (upstream
 * {@code filtering.go}).
 *
 * <ol>
 *   <li>Every node of the snapshot is visited, not only feasible ones. With the NodeInclusionPolicy
 *       gate off, a node failing the pod's nodeSelector / required affinity is skipped.
 *   <li>A node lacking the key of <em>any</em> hard constraint is skipped for all of them.
 *   <li>Per constraint, with the gate on, a node failing its inclusion policies is skipped for that
 *       constraint only.
 *   <li>Otherwise the node's domain becomes eligible and gains the node's matching pods.
 * </ol>
 */
final class Filtering {
  private final PodTopologySpread plugin;
  private final Features features;

  Filtering(PodTopologySpread plugin) {
    this.plugin = plugin;
    this.features = plugin.features();
  }

  /** Upstream {@code calPreFilterState} once the constraints are known. O(nodes x constraints), array reads per node. */
  PreFilterState count(Pod pod, List<Constraint> constraints, Snapshot snapshot) {
    int n = constraints.size();
    Domains[] domains = new Domains[n];
    MatchingPodCounts[] matching = new MatchingPodCounts[n];
    int[] selfMatch = new int[n];
    RequiredNodeAffinity affinity = RequiredNodeAffinity.of(pod);
    boolean anyAffinity = PodTopologySpread.hasAffinity(affinity);
    boolean[] checkPolicies = plugin.checkPolicies(constraints, anyAffinity);
    for (int i = 0; i < n; i++) {
      Constraint c = constraints.get(i);
      domains[i] = plugin.domains(c.topologyKey());
      matching[i] = PodTopologySpread.matching(snapshot, pod.namespace(), c.selector());
      selfMatch[i] = c.selector().matches(pod.labels()) ? 1 : 0;
    }
    PreFilterState s = new PreFilterState(constraints, domains, selfMatch);
    List<NodeInfo> nodes = snapshot.nodeInfos();
    boolean affinityGate = !features.nodeInclusionPolicyInPodTopologySpread() && anyAffinity;
    if (!affinityGate && !any(checkPolicies) && countByDomain(s, domains, matching, snapshot, nodes.size())) {
      // Same counts as the node walk below, summed per domain by the snapshot.
    } else if (n == 1 && !affinityGate && !checkPolicies[0]) {
      // The common case, without the general loop's bookkeeping: every node carrying the key counts.
      Domains d0 = domains[0];
      MatchingPodCounts m0 = matching[0];
      for (int k = 0, size = nodes.size(); k < size; k++) {
        NodeInfo info = nodes.get(k);
        int d = d0.domainOf(info);
        if (d >= 0) s.add(0, d, m0 == null ? 0 : m0.count(info));
      }
    } else {
      int[] ids = new int[n];
      nodes:
      for (int k = 0, size = nodes.size(); k < size; k++) {
        NodeInfo info = nodes.get(k);
        if (affinityGate && !affinity.matches(info.node())) continue;
        for (int i = 0; i < n; i++) {
          ids[i] = domains[i].domainOf(info);
          if (ids[i] < 0) continue nodes;
        }
        for (int i = 0; i < n; i++) {
          if (checkPolicies[i] && !constraints.get(i).includes(pod, info.node(), affinity, features)) continue;
          s.add(i, ids[i], matching[i] == null ? 0 : matching[i].count(info));
        }
      }
    }
    s.initCriticalPaths();
    return s;
  }

  /**
   * The node walk's result from the snapshot's per-domain sums, when it keeps them: valid when no
   * node is skipped for its own sake (no affinity gate, no inclusion policy to check) and, with
   * several constraints, every node carries every key (else a node lacking one key is skipped for
   * all). Every domain some node carries becomes eligible with its summed count, as the walk does.
   * False, with {@code s} untouched, when the walk must run (no index, or a value this plugin has
   * not given an id yet: the walk assigns ids in node order, which fixes the critical paths' order).
   */
  static boolean countByDomain(PreFilterState s, Domains[] domains, MatchingPodCounts[] matching, Snapshot snapshot, int nodeCount) {
    int n = domains.length;
    TopologyDomains[] index = new TopologyDomains[n];
    int[][] ids = new int[n][];
    for (int i = 0; i < n; i++) {
      index[i] = snapshot.topologyDomains(domains[i].key());
      if (index[i] == null) return false;
      if (n > 1 && index[i].nodesWithKey() != nodeCount) return false;
      ids[i] = domains[i].idsFor(index[i]);
      for (int d = 0, size = index[i].size(); d < size; d++) {
        if (index[i].nodeCount(d) > 0 && ids[i][d] < 0) return false;
      }
      if (matching[i] != null && index[i].size() > 0 && matching[i].countInDomain(index[i], 0) < 0) return false;
    }
    for (int i = 0; i < n; i++) {
      for (int d = 0, size = index[i].size(); d < size; d++) {
        if (index[i].nodeCount(d) == 0) continue;
        s.add(i, ids[i][d], matching[i] == null ? 0 : matching[i].countInDomain(index[i], d));
      }
    }
    return true;
  }

  static boolean any(boolean[] flags) {
    for (boolean f : flags) {
      if (f) return true;
    }
    return false;
  }

  /**
   * Upstream {@code updateWithPod}: as if {@code updated} were added to / removed from {@code nodeInfo}
   * (the node passed in, not {@code updated}'s nodeName). Terminating pods are not special here; a
   * domain not yet eligible becomes eligible, as Go's {@code map[v] += delta} creates the entry.
   */
  void update(PreFilterState s, Pod preemptor, Pod updated, NodeInfo nodeInfo, int delta) {
    if (nodeInfo == null || !updated.namespace().equals(preemptor.namespace())) return;
    List<Constraint> constraints = s.constraints();
    int[] ids = new int[constraints.size()];
    for (int i = 0; i < ids.length; i++) {
      ids[i] = s.domains[i].domainOf(nodeInfo);
      if (ids[i] < 0) return;
    }
    Node node = nodeInfo.node();
    RequiredNodeAffinity affinity = RequiredNodeAffinity.of(preemptor);
    boolean policies = features.nodeInclusionPolicyInPodTopologySpread();
    if (!policies && !affinity.matches(node)) return;
    for (int i = 0; i < ids.length; i++) {
      Constraint c = constraints.get(i);
      if (!c.selector().matches(updated.labels())) continue;
      if (policies && !c.includes(preemptor, node, affinity, features)) continue;
      s.update(i, ids[i], delta);
    }
  }

  /**
   * Constraints in spec order, the first failure decides: a node lacking the key is
   * UnschedulableAndUnresolvable; {@code count(domain) + selfMatch - minMatchNum > maxSkew} is
   * Unschedulable. The node's own eligibility is not re-checked.
   */
  /**
   * {@link #filter} of each node whose status is still null, constraint by constraint (a node an
   * earlier constraint rejected is not looked at again, so the first failing constraint still
   * decides). Whether a domain's count breaks the skew is worked out once per domain, so a node
   * costs its domain lookup and one array read.
   */
  void filterAll(PreFilterState s, NodeInfo[] nodes, Status[] statuses, int count) {
    for (int i = 0, n = s.constraints().size(); i < n; i++) {
      boolean[] tooMany = s.exceeds(i);
      boolean emptyTooMany = 0 > s.maxMatchNum(i); // a domain without an entry counts 0
      Domains domains = s.domains[i];
      for (int k = 0; k < count; k++) {
        if (statuses[k] != null) continue;
        int d = domains.domainOf(nodes[k]);
        if (d < 0) {
          statuses[k] = PodTopologySpread.NODE_LABEL_NOT_MATCH;
        } else if (d < tooMany.length ? tooMany[d] : emptyTooMany) {
          statuses[k] = PodTopologySpread.CONSTRAINTS_NOT_MATCH;
        }
      }
    }
  }

  Status filter(PreFilterState s, NodeInfo node) {
    List<Constraint> constraints = s.constraints();
    for (int i = 0; i < constraints.size(); i++) {
      int matchNum = s.matchNumOf(i, node);
      if (matchNum < 0) return PodTopologySpread.NODE_LABEL_NOT_MATCH;
      if (matchNum > s.maxMatchNum(i)) return PodTopologySpread.CONSTRAINTS_NOT_MATCH;
    }
    return Status.success();
  }
}
