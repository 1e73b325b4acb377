package io.kubesim.scheduler.plugins.nodeaffinity;

import io.kubesim.api.NodeSelector;
import io.kubesim.api.NodeSelectorRequirement;
import io.kubesim.api.NodeSelectorTerm;
import io.kubesim.scheduler.plugins.helper.FieldErrors;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The parse checks component-helpers' {@code nodeaffinity} makes when it compiles node selector
 * terms ({@code NewNodeSelector}, {@code NewPreferredSchedulingTerms}). Matching itself is
 * {@link io.kubesim.api.labels.NodeSelectorMatcher}, which treats an invalid term as matching
 * nothing; these checks decide where upstream reports an error instead.
 */
final class NodeSelectorTerms {
  private NodeSelectorTerms() {}

  private static final Pattern INTEGER = Pattern.compile("[+-]?[0-9]+");

  /** Errors of a required node selector; {@code path} prefixes each ("" at the root). */
  static List<String> validate(NodeSelector selector, String path) {
    List<String> errs = new ArrayList<>();
    List<NodeSelectorTerm> terms = selector.nodeSelectorTerms();
    for (int i = 0; i < terms.size(); i++) {
      NodeSelectorTerm t = terms.get(i);
      if (isEmpty(t)) continue; // an empty term selects nothing, without error
      errs.addAll(validate(t, join(path, "nodeSelectorTerms") + "[" + i + "]"));
    }
    return errs;
  }

  static boolean isEmpty(NodeSelectorTerm term) {
    return term.matchExpressions().isEmpty() && term.matchFields().isEmpty();
  }

  /** Errors of one term whose path is {@code path}. */
  static List<String> validate(NodeSelectorTerm term, String path) {
    List<String> errs = new ArrayList<>();
    List<NodeSelectorRequirement> exprs = term.matchExpressions();
    for (int i = 0; i < exprs.size(); i++) {
      NodeSelectorRequirement r = exprs.get(i);
      String p = path + ".matchExpressions[" + i + "]";
      switch (r.operator()) {
        case "In", "NotIn" -> {
          if (r.values().isEmpty()) {
            errs.add(FieldErrors.invalid(p + ".values", r.values(), "for 'in', 'notin' operators, values set can't be empty"));
          }
        }
        case "Exists", "DoesNotExist" -> {
          if (!r.values().isEmpty()) {
            errs.add(FieldErrors.invalid(p + ".values", r.values(), "values set must be empty for exists and does not exist"));
          }
        }
        case "Gt", "Lt" -> {
          if (r.values().size() != 1) {
            errs.add(FieldErrors.invalid(p + ".values", r.values(), "for 'Gt', 'Lt' operators, exactly one value is required"));
          } else if (!INTEGER.matcher(r.values().get(0)).matches()) {
            errs.add(FieldErrors.invalid(p + ".values[0]", r.values().get(0), "for 'Gt', 'Lt' operators, the value must be an integer"));
          }
        }
        default -> errs.add(FieldErrors.notSupported(p + ".operator", r.operator(), List.of()));
      }
    }
    List<NodeSelectorRequirement> fields = term.matchFields();
    for (int i = 0; i < fields.size(); i++) {
      NodeSelectorRequirement r = fields.get(i);
      String p = path + ".matchFields[" + i + "]";
      switch (r.operator()) {
        case "In", "NotIn" -> {
          if (r.values().size() != 1) errs.add(FieldErrors.invalid(p + ".values", r.values(), "must have one element"));
        }
        default -> errs.add(FieldErrors.notSupported(p + ".operator", r.operator(), List.of("In", "NotIn")));
      }
    }
    return errs;
  }

  private static String join(String path, String child) {
    return path.isEmpty() ? child : path + "." + child;
  }
}
