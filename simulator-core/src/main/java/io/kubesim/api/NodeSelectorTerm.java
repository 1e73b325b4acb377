package io.kubesim.api;

import java.util.List;

/** Requirements ANDed; {@code matchFields} supports only {@code metadata.name}. */
public record NodeSelectorTerm(List<NodeSelectorRequirement> matchExpressions, List<NodeSelectorRequirement> matchFields) {
  public NodeSelectorTerm {
    matchExpressions = matchExpressions == null ? List.of() : List.copyOf(matchExpressions);
    matchFields = matchFields == null ? List.of() : List.copyOf(matchFields);
  }
}
