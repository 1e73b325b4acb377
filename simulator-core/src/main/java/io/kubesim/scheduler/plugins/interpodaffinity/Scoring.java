package io.kubesim.scheduler.plugins.interpodaffinity;

import io.kubesim.api.Node;
import io.kubesim.api.Pod;
import io.kubesim.scheduler.framework.AffinityTerm;
import io.kubesim.scheduler.framework.NodeInfo;
import io.kubesim.scheduler.framework.PodInfo;
import io.kubesim.scheduler.framework.Snapshot;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The scoring half of InterPodAffinity (upstream {@code scoring.go}). For every existing pod, on a
 * node with labels, and every term that matches, the term's weight is added (affinity) or
 * subtracted (anti-affinity) to the topology pair of that pod's node:
 *
 * <ol>
 *   <li>the incoming pod's preferred affinity / anti-affinity terms matching the existing pod;
 *   <li>the existing pod's required affinity terms matching the incoming pod, with weight
 *       {@code hardPodAffinityWeight} (when &gt; 0);
 *   <li>the existing pod's preferred affinity / anti-affinity terms matching the incoming pod.
 * </ol>
 *
 * A node's raw score is the sum over the pairs of its labels.
 */
final class Scoring {
  private Scoring() {}

  /** topology key → value → summed weight. Empty means "nothing matched anywhere". */
  static final class TopologyScore {
    final Map<String, Map<String, Long>> byKey = new HashMap<>();

    void add(String key, String value, long delta) {
      byKey.computeIfAbsent(key, k -> new HashMap<>()).merge(value, delta, Long::sum);
    }

    void addAll(TopologyScore other) {
      other.byKey.forEach((k, values) -> values.forEach((v, d) -> add(k, v, d)));
    }

    boolean isEmpty() {
      return byKey.isEmpty();
    }

    long score(Node node) {
      long score = 0;
      for (Map.Entry<String, Map<String, Long>> e : byKey.entrySet()) {
        String v = node.labels().get(e.getKey());
        if (v != null) score += e.getValue().getOrDefault(v, 0L);
      }
      return score;
    }
  }

  /**
   * The pair weights for the incoming pod; null when no term matched anywhere (PreScore skips).
   * With preferred terms of its own the pod is compared against every pod of every node;
   * otherwise only pods with affinity terms can contribute.
   */
  static TopologyScore compute(PodInfo pod, Snapshot snapshot, int hardPodAffinityWeight) {
    Function<String, Map<String, String>> nsLabels = snapshot.objects()::namespaceLabels;
    boolean hasConstraints = hasPreferredTerms(pod);
    List<NodeInfo> nodes = hasConstraints ? snapshot.nodeInfos() : snapshot.havePodsWithAffinity();
    TopologyScore total = new TopologyScore();
    boolean any = false;
    for (NodeInfo n : nodes) {
      List<PodInfo> pods = hasConstraints ? n.pods() : n.podsWithAffinity();
      TopologyScore local = new TopologyScore();
      for (PodInfo existing : pods) processExistingPod(pod, existing, n.node(), local, hardPodAffinityWeight, nsLabels);
      if (!local.isEmpty()) {
        total.addAll(local);
        any = true;
      }
    }
    return any ? total : null;
  }

  static boolean hasPreferredTerms(PodInfo pod) {
    return !pod.preferredAffinityTerms().isEmpty() || !pod.preferredAntiAffinityTerms().isEmpty();
  }

  private static void processExistingPod(PodInfo incoming, PodInfo existing, Node existingNode, TopologyScore score,
      int hardPodAffinityWeight, Function<String, Map<String, String>> nsLabels) {
    if (existingNode.labels().isEmpty()) return;
    processTerms(incoming.preferredAffinityTerms(), existing.pod(), existingNode, 1, score, nsLabels);
    processTerms(incoming.preferredAntiAffinityTerms(), existing.pod(), existingNode, -1, score, nsLabels);
    if (hardPodAffinityWeight > 0) {
      for (AffinityTerm t : existing.requiredAffinityTerms()) {
        processTerm(t, hardPodAffinityWeight, incoming.pod(), existingNode, 1, score, nsLabels);
      }
    }
    processTerms(existing.preferredAffinityTerms(), incoming.pod(), existingNode, 1, score, nsLabels);
    processTerms(existing.preferredAntiAffinityTerms(), incoming.pod(), existingNode, -1, score, nsLabels);
  }

  private static void processTerms(List<AffinityTerm> terms, Pod pod, Node node, int multiplier, TopologyScore score,
      Function<String, Map<String, String>> nsLabels) {
    for (AffinityTerm t : terms) processTerm(t, t.weight(), pod, node, multiplier, score, nsLabels);
  }

  private static void processTerm(AffinityTerm term, int weight, Pod pod, Node node, int multiplier, TopologyScore score,
      Function<String, Map<String, String>> nsLabels) {
    if (!term.matches(pod, nsLabels)) return;
    String value = node.labels().get(term.topologyKey());
    if (value != null) score.add(term.topologyKey(), value, (long) weight * multiplier);
  }
}
