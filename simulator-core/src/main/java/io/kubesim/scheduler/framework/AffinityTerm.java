package io.kubesim.scheduler.framework;

import io.kubesim.api.Pod;
import io.kubesim.api.PodAffinityTerm;
import io.kubesim.api.labels.Selector;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * A pod (anti-)affinity term compiled against its owner pod (upstream {@code framework.AffinityTerm}).
 *
 * @param namespaces the namespaces the term selects by name
 * @param namespaceSelector null when the term has none; otherwise matched against namespace labels
 * @param weight 0 for required terms
 */
public record AffinityTerm(Set<String> namespaces, Selector selector, String topologyKey, Selector namespaceSelector, int weight) {

  /**
   * Compiles {@code term} as written in {@code owner}'s spec: an empty namespace list and no
   * namespaceSelector means the owner's namespace; matchLabelKeys / mismatchLabelKeys take their
   * values from the owner's labels.
   */
  public static AffinityTerm compile(Pod owner, PodAffinityTerm term, int weight) {
    Selector selector = Selector.of(term.labelSelector());
    Map<String, String> labels = owner.labels();
    List<Selector> extra = new ArrayList<>();
    for (String key : term.matchLabelKeys()) {
      if (labels.containsKey(key)) extra.add(Selector.fromSet(Map.of(key, labels.get(key))));
    }
    for (String key : term.mismatchLabelKeys()) {
      if (labels.containsKey(key)) {
        extra.add(Selector.of(new io.kubesim.api.LabelSelector(null,
            List.of(new io.kubesim.api.LabelSelectorRequirement(key, "NotIn", List.of(labels.get(key)))))));
      }
    }
    for (Selector s : extra) selector = selector.and(s);
    Set<String> namespaces = Set.copyOf(term.namespaces());
    Selector nsSelector = term.namespaceSelector() == null ? null : Selector.of(term.namespaceSelector());
    if (namespaces.isEmpty() && nsSelector == null) namespaces = Set.of(owner.namespace());
    return new AffinityTerm(namespaces, selector, term.topologyKey(), nsSelector, weight);
  }

  /** Whether {@code pod} is selected by this term; {@code namespaceLabels} resolves a namespace's labels. */
  public boolean matches(Pod pod, Function<String, Map<String, String>> namespaceLabels) {
    boolean nsMatch = namespaces.contains(pod.namespace())
        || (namespaceSelector != null && namespaceSelector.matches(namespaceLabels.apply(pod.namespace())));
    return nsMatch && selector.matches(pod.labels());
  }
}
