package io.kubesim.scheduler.plugins.interpodaffinity;

import io.kubesim.api.Node;
import io.kubesim.scheduler.framework.AffinityTerm;
import io.kubesim.scheduler.framework.NodeInfo;
import io.kubesim.scheduler.framework.PodInfo;
import io.kubesim.scheduler.framework.Snapshot;
import java.util.Map;
import java.util.function.Function;

/**
 * The filtering half of InterPodAffinity (upstream {@code filtering.go}): the per-cycle counts
 * PreFilter builds, their AddPod/RemovePod updates, and the three per-node checks.
 */
final class Filtering {
  private Filtering() {}

  /**
   * Counts computed in PreFilter and read by Filter; mutated only by AddPod/RemovePod.
   *
   * <ul>
   *   <li>{@code existingAntiAffinity}: pairs holding existing pods whose required anti-affinity
   *       terms match the incoming pod (one count per matching term);
   *   <li>{@code affinity}: pairs holding existing pods that match ALL of the incoming pod's
   *       required affinity terms (one count per term);
   *   <li>{@code antiAffinity}: pairs holding existing pods matching one of the incoming pod's
   *       required anti-affinity terms (one count per matching term).
   * </ul>
   */
  static final class State {
    final PodInfo pod;
    final Function<String, Map<String, String>> nsLabels;
    final TopologyCounts existingAntiAffinity = new TopologyCounts();
    final TopologyCounts affinity = new TopologyCounts();
    final TopologyCounts antiAffinity = new TopologyCounts();

    State(PodInfo pod, Function<String, Map<String, String>> nsLabels) {
      this.pod = pod;
      this.nsLabels = nsLabels;
    }

    /** Nothing for Filter to check: no existing anti-affinity to the pod and no required terms of its own. */
    boolean isTrivial() {
      return existingAntiAffinity.isEmpty() && pod.requiredAffinityTerms().isEmpty() && pod.requiredAntiAffinityTerms().isEmpty();
    }

    /** Upstream {@code updateWithPod}: account {@code other} on {@code node} with {@code multiplier} ±1. */
    void updateWithPod(PodInfo other, Node node, long multiplier) {
      existingAntiAffinity.updateWithAntiAffinityTerms(other.requiredAntiAffinityTerms(), pod.pod(), node, multiplier, nsLabels);
      affinity.updateWithAffinityTerms(pod.requiredAffinityTerms(), other.pod(), node, multiplier, nsLabels);
      antiAffinity.updateWithAntiAffinityTerms(pod.requiredAntiAffinityTerms(), other.pod(), node, multiplier, nsLabels);
    }
  }

  /**
   * Builds the counts: existing pods' anti-affinity over the nodes that hold pods with required
   * anti-affinity, the incoming pod's terms over every pod of every node (only when it has
   * required terms).
   */
  static State compute(PodInfo pod, Snapshot snapshot) {
    Function<String, Map<String, String>> nsLabels = snapshot.objects()::namespaceLabels;
    State s = new State(pod, nsLabels);
    for (NodeInfo n : snapshot.havePodsWithRequiredAntiAffinity()) {
      for (PodInfo existing : n.podsWithRequiredAntiAffinity()) {
        s.existingAntiAffinity.updateWithAntiAffinityTerms(existing.requiredAntiAffinityTerms(), pod.pod(), n.node(), 1, nsLabels);
      }
    }
    if (pod.requiredAffinityTerms().isEmpty() && pod.requiredAntiAffinityTerms().isEmpty()) return s;
    for (NodeInfo n : snapshot.nodeInfos()) {
      for (PodInfo existing : n.pods()) {
        s.affinity.updateWithAffinityTerms(pod.requiredAffinityTerms(), existing.pod(), n.node(), 1, nsLabels);
        s.antiAffinity.updateWithAntiAffinityTerms(pod.requiredAntiAffinityTerms(), existing.pod(), n.node(), 1, nsLabels);
      }
    }
    return s;
  }

  /**
   * The node carries every affinity term's topology key, and each of those domains holds a pod
   * matching all terms. Exception for the first pod of a group with affinity to itself: when no
   * pod anywhere matches and the pod matches all its own terms, any node with the keys passes.
   */
  static boolean satisfyPodAffinity(State s, NodeInfo node) {
    boolean podsExist = true;
    Map<String, String> labels = node.node().labels();
    for (AffinityTerm term : s.pod.requiredAffinityTerms()) {
      String value = labels.get(term.topologyKey());
      if (value == null) return false; // all topology labels must exist on the node
      if (s.affinity.get(new TopologyPair(term.topologyKey(), value)) <= 0) podsExist = false;
    }
    if (podsExist) return true;
    return s.affinity.isEmpty() && TopologyCounts.podMatchesAllAffinityTerms(s.pod.requiredAffinityTerms(), s.pod.pod(), s.nsLabels);
  }

  /** No domain of the node (for the anti-affinity terms' keys) holds a pod matching the term. */
  static boolean satisfyPodAntiAffinity(State s, NodeInfo node) {
    if (s.antiAffinity.isEmpty()) return true;
    Map<String, String> labels = node.node().labels();
    for (AffinityTerm term : s.pod.requiredAntiAffinityTerms()) {
      String value = labels.get(term.topologyKey());
      if (value != null && s.antiAffinity.get(new TopologyPair(term.topologyKey(), value)) > 0) return false;
    }
    return true;
  }

  /** No domain of the node holds an existing pod whose required anti-affinity matches the pod. */
  static boolean satisfyExistingPodsAntiAffinity(State s, NodeInfo node) {
    if (s.existingAntiAffinity.isEmpty()) return true;
    for (Map.Entry<String, String> label : node.node().labels().entrySet()) {
      if (s.existingAntiAffinity.get(new TopologyPair(label.getKey(), label.getValue())) > 0) return false;
    }
    return true;
  }
}
