package io.kubesim.api;

import java.util.List;

/**
 * @param labelSelector null matches no pod
 * @param namespaceSelector null = only {@code namespaces} (or the pod's own namespace when both are empty)
 */
public record PodAffinityTerm(
    LabelSelector labelSelector,
    List<String> namespaces,
    String topologyKey,
    LabelSelector namespaceSelector,
    List<String> matchLabelKeys,
    List<String> mismatchLabelKeys) {
  public PodAffinityTerm {
    namespaces = namespaces == null ? List.of() : List.copyOf(namespaces);
    topologyKey = topologyKey == null ? "" : topologyKey;
    matchLabelKeys = matchLabelKeys == null ? List.of() : List.copyOf(matchLabelKeys);
    mismatchLabelKeys = mismatchLabelKeys == null ? List.of() : List.copyOf(mismatchLabelKeys);
  }
}
