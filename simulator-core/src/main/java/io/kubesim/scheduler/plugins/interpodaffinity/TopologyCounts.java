package io.kubesim.scheduler.plugins.interpodaffinity;

import io.kubesim.api.Node;
import io.kubesim.api.Pod;
import io.kubesim.scheduler.framework.AffinityTerm;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Upstream {@code topologyToMatchedTermCount}: per topology pair, how many (pod, term) matches
 * lie in it. Entries that fall to 0 are removed, so emptiness means "nothing matched".
 */
final class TopologyCounts {
  private final Map<TopologyPair, Long> counts = new HashMap<>();

  long get(TopologyPair pair) {
    return counts.getOrDefault(pair, 0L);
  }

  boolean isEmpty() {
    return counts.isEmpty();
  }

  Map<TopologyPair, Long> asMap() {
    return java.util.Collections.unmodifiableMap(counts);
  }

  /** Adds {@code delta} to the node's pair for {@code topologyKey}; a node without the label counts nowhere. */
  void update(Node node, String topologyKey, long delta) {
    String value = node.labels().get(topologyKey);
    if (value == null) return;
    TopologyPair pair = new TopologyPair(topologyKey, value);
    long v = counts.getOrDefault(pair, 0L) + delta;
    if (v == 0) {
      counts.remove(pair);
    } else {
      counts.put(pair, v);
    }
  }

  /** For each term, when {@code pod} (on {@code node}) matches ALL {@code terms}, count its topology. */
  void updateWithAffinityTerms(List<AffinityTerm> terms, Pod pod, Node node, long delta,
      Function<String, Map<String, String>> nsLabels) {
    if (podMatchesAllAffinityTerms(terms, pod, nsLabels)) {
      for (AffinityTerm t : terms) update(node, t.topologyKey(), delta);
    }
  }

  /** For each term that {@code pod} (on {@code node}) matches, count its topology. */
  void updateWithAntiAffinityTerms(List<AffinityTerm> terms, Pod pod, Node node, long delta,
      Function<String, Map<String, String>> nsLabels) {
    for (AffinityTerm t : terms) {
      if (t.matches(pod, nsLabels)) update(node, t.topologyKey(), delta);
    }
  }

  /** True iff there is at least one term and {@code pod} matches every one. */
  static boolean podMatchesAllAffinityTerms(List<AffinityTerm> terms, Pod pod, Function<String, Map<String, String>> nsLabels) {
    if (terms.isEmpty()) return false;
    for (AffinityTerm t : terms) {
      if (!t.matches(pod, nsLabels)) return false;
    }
    return true;
  }

  @Override
  public String toString() {
    return counts.toString();
  }
}
