package io.kubesim.api.labels;

import io.kubesim.api.Node;
import io.kubesim.api.NodeSelector;
import io.kubesim.api.NodeSelectorRequirement;
import io.kubesim.api.NodeSelectorTerm;
import java.util.List;
import java.util.Map;

/**
 * Node selector term matching (upstream {@code component-helpers/scheduling/corev1/nodeaffinity}).
 * A term with no requirements, or with an invalid one, matches no node.
 */
public final class NodeSelectorMatcher {
  private NodeSelectorMatcher() {}

  /** Terms are ORed; an empty term list matches nothing. */
  public static boolean matches(NodeSelector selector, Node node) {
    for (NodeSelectorTerm term : selector.nodeSelectorTerms()) {
      if (matches(term, node)) return true;
    }
    return false;
  }

  public static boolean matches(NodeSelectorTerm term, Node node) {
    if (term.matchExpressions().isEmpty() && term.matchFields().isEmpty()) return false;
    for (NodeSelectorRequirement r : term.matchExpressions()) {
      Boolean m = matches(r, node.labels());
      if (m == null || !m) return false;
    }
    for (NodeSelectorRequirement r : term.matchFields()) {
      if (!"metadata.name".equals(r.key())) return false;
      Boolean m = matches(r, Map.of("metadata.name", node.name()));
      if (m == null || !m) return false;
    }
    return true;
  }

  /** null when the requirement is invalid. */
  static Boolean matches(NodeSelectorRequirement r, Map<String, String> labels) {
    String v = labels.get(r.key());
    List<String> values = r.values();
    return switch (r.operator()) {
      case "In" -> values.isEmpty() ? null : v != null && values.contains(v);
      case "NotIn" -> values.isEmpty() ? null : v == null || !values.contains(v);
      case "Exists" -> values.isEmpty() ? v != null : null;
      case "DoesNotExist" -> values.isEmpty() ? v == null : null;
      case "Gt", "Lt" -> compare(r.operator(), v, values);
      default -> null;
    };
  }

  private static Boolean compare(String op, String labelValue, List<String> values) {
    if (values.size() != 1) return null;
    long bound;
    try {
      bound = Long.parseLong(values.get(0));
    } catch (NumberFormatException e) {
      return null;
    }
    if (labelValue == null) return false;
    long actual;
    try {
      actual = Long.parseLong(labelValue);
    } catch (NumberFormatException e) {
      return false;
    }
    return op.equals("Gt") ? actual > bound : actual < bound;
  }
}
