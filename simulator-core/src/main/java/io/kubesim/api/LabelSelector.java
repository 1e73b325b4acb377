package io.kubesim.api;

import java.util.List;
import java.util.Map;

/**
 * A label selector as written in the API. Where the API distinguishes an absent selector from an
 * empty one, the owning record holds a nullable {@code LabelSelector}; see {@link io.kubesim.api.labels.Selector}
 * for the compiled form and the nil/empty rules.
 */
public record LabelSelector(Map<String, String> matchLabels, List<LabelSelectorRequirement> matchExpressions) {
  public LabelSelector {
    matchLabels = matchLabels == null ? Map.of() : Map.copyOf(matchLabels);
    matchExpressions = matchExpressions == null ? List.of() : List.copyOf(matchExpressions);
  }

  public static LabelSelector matchLabels(Map<String, String> labels) {
    return new LabelSelector(labels, List.of());
  }

  public static final LabelSelector EMPTY = new LabelSelector(Map.of(), List.of());
}
