package io.kubesim.api;

import java.util.List;

/** Operators In, NotIn, Exists, DoesNotExist, Gt, Lt. */
public record NodeSelectorRequirement(String key, String operator, List<String> values) {
  public NodeSelectorRequirement {
    values = values == null ? List.of() : List.copyOf(values);
  }
}
