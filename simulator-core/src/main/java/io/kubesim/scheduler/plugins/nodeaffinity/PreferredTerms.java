package io.kubesim.scheduler.plugins.nodeaffinity;

import io.kubesim.api.Node;
import io.kubesim.api.PreferredSchedulingTerm;
import io.kubesim.api.labels.NodeSelectorMatcher;
import io.kubesim.scheduler.plugins.helper.FieldErrors;
import java.util.ArrayList;
import java.util.List;

/**
 * Compiled preferred scheduling terms (upstream {@code nodeaffinity.PreferredSchedulingTerms}):
 * terms with weight 0 or no requirements are dropped; an invalid term is an error.
 */
final class PreferredTerms {
  private final List<PreferredSchedulingTerm> terms;

  private PreferredTerms(List<PreferredSchedulingTerm> terms) {
    this.terms = terms;
  }

  /** @throws IllegalArgumentException naming the invalid requirements, paths prefixed with {@code path} */
  static PreferredTerms compile(List<PreferredSchedulingTerm> terms, String path) {
    FieldErrors.throwIfAny(validate(terms, path));
    List<PreferredSchedulingTerm> kept = new ArrayList<>();
    for (PreferredSchedulingTerm t : terms) {
      if (!skipped(t)) kept.add(t);
    }
    return new PreferredTerms(List.copyOf(kept));
  }

  static List<String> validate(List<PreferredSchedulingTerm> terms, String path) {
    List<String> errs = new ArrayList<>();
    for (int i = 0; i < terms.size(); i++) {
      PreferredSchedulingTerm t = terms.get(i);
      if (!skipped(t)) errs.addAll(NodeSelectorTerms.validate(t.preference(), path + "[" + i + "]"));
    }
    return errs;
  }

  private static boolean skipped(PreferredSchedulingTerm t) {
    return t.weight() == 0 || t.preference() == null || NodeSelectorTerms.isEmpty(t.preference());
  }

  /** Sum of the weights of the terms that match the node. */
  long score(Node node) {
    long score = 0;
    for (PreferredSchedulingTerm t : terms) {
      if (NodeSelectorMatcher.matches(t.preference(), node)) score += t.weight();
    }
    return score;
  }
}
