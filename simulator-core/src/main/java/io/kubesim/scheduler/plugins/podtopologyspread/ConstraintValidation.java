package io.kubesim.scheduler.plugins.podtopologyspread;

import io.kubesim.api.LabelSelector;
import io.kubesim.api.LabelSelectorRequirement;
import io.kubesim.api.TopologySpreadConstraint;
import io.kubesim.scheduler.plugins.helper.FieldErrors;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What the API server rejects in a pod's {@code spec.topologySpreadConstraints} (upstream
 * {@code validateTopologySpreadConstraints} in {@code pkg/apis/core/validation}), with its messages.
 * The scheduler itself never validates: upstream unit tests (and so some conformance cases) build
 * pods the API server would refuse, and the plugin handles them.
 *
 * <p>Checked per constraint, in upstream's order: {@code maxSkew > 0}; non-empty {@code topologyKey};
 * {@code whenUnsatisfiable} is DoNotSchedule or ScheduleAnyway; no later constraint with the same
 * {@code (topologyKey, whenUnsatisfiable)}; {@code minDomains}, when set, {@code > 0} and only with
 * DoNotSchedule; policies Honor or Ignore; {@code matchLabelKeys} only with a labelSelector, each a
 * valid label key that the labelSelector does not already use.
 */
public final class ConstraintValidation {
  private ConstraintValidation() {}

  /** The field path upstream reports for a pod. */
  public static final String POD_PATH = "spec.topologySpreadConstraints";

  private static final List<String> ACTIONS = List.of(TopologySpreadConstraint.DO_NOT_SCHEDULE, TopologySpreadConstraint.SCHEDULE_ANYWAY);
  private static final List<String> POLICIES = List.of(TopologySpreadConstraint.HONOR, TopologySpreadConstraint.IGNORE);
  private static final String NOT_POSITIVE = "must be greater than zero";

  /**
   * One rejected value.
   *
   * @param index the constraint's position in the list
   * @param field the full field path, e.g. {@code spec.topologySpreadConstraints[0].maxSkew}
   * @param message upstream's text after the path, e.g. {@code Invalid value: 0: must be greater than zero}
   */
  public record Violation(int index, String field, String message) {
    /** {@code field: message}, as the API server prints it. */
    @Override
    public String toString() {
      return field + ": " + message;
    }
  }

  /** Every problem, as {@code field: message} lines, under {@link #POD_PATH}; empty when the list is valid. */
  public static List<String> validate(List<TopologySpreadConstraint> constraints) {
    return validate(constraints, POD_PATH);
  }

  /** Every problem, as {@code field: message} lines, with field paths under {@code path}. */
  public static List<String> validate(List<TopologySpreadConstraint> constraints, String path) {
    return check(constraints, path).stream().map(Violation::toString).toList();
  }

  /** Every problem, located by constraint index, with field paths under {@code path}. */
  public static List<Violation> check(List<TopologySpreadConstraint> constraints, String path) {
    List<Violation> out = new ArrayList<>();
    for (int i = 0; i < constraints.size(); i++) {
      TopologySpreadConstraint c = constraints.get(i);
      String p = path + "[" + i + "]";
      List<String> errs = new ArrayList<>();
      if (c.maxSkew() <= 0) errs.add(FieldErrors.invalid(p + ".maxSkew", c.maxSkew(), NOT_POSITIVE));
      if (c.topologyKey() == null || c.topologyKey().isEmpty()) errs.add(FieldErrors.required(p + ".topologyKey", "can not be empty"));
      String action = c.whenUnsatisfiable() == null ? "" : c.whenUnsatisfiable();
      if (!ACTIONS.contains(action)) errs.add(FieldErrors.notSupported(p + ".whenUnsatisfiable", action, ACTIONS));
      for (TopologySpreadConstraint later : constraints.subList(i + 1, constraints.size())) {
        if (same(c.topologyKey(), later.topologyKey()) && same(c.whenUnsatisfiable(), later.whenUnsatisfiable())) {
          errs.add(FieldErrors.duplicate(p + ".{topologyKey, whenUnsatisfiable}",
              "{" + nullToEmpty(c.topologyKey()) + ", " + action + "}"));
          break;
        }
      }
      if (c.minDomains() != null) {
        if (c.minDomains() <= 0) errs.add(FieldErrors.invalid(p + ".minDomains", c.minDomains(), NOT_POSITIVE));
        if (!TopologySpreadConstraint.DO_NOT_SCHEDULE.equals(action)) {
          errs.add(FieldErrors.invalid(p + ".minDomains", c.minDomains(),
              "can only use minDomains if whenUnsatisfiable=DoNotSchedule, not " + action));
        }
      }
      policy(errs, p + ".nodeAffinityPolicy", c.nodeAffinityPolicy());
      policy(errs, p + ".nodeTaintsPolicy", c.nodeTaintsPolicy());
      matchLabelKeys(errs, p + ".matchLabelKeys", c.matchLabelKeys(), c.labelSelector());
      for (String e : errs) {
        int colon = e.indexOf(": ");
        out.add(new Violation(i, e.substring(0, colon), e.substring(colon + 2)));
      }
    }
    return out;
  }

  private static void policy(List<String> errs, String path, String policy) {
    if (policy != null && !POLICIES.contains(policy)) errs.add(FieldErrors.notSupported(path, policy, POLICIES));
  }

  private static void matchLabelKeys(List<String> errs, String path, List<String> keys, LabelSelector selector) {
    if (keys.isEmpty()) return;
    Set<String> selectorKeys = new HashSet<>();
    if (selector == null) {
      errs.add(FieldErrors.forbidden(path, "must not be specified when labelSelector is not set"));
    } else {
      selectorKeys.addAll(selector.matchLabels().keySet());
      for (LabelSelectorRequirement r : selector.matchExpressions()) selectorKeys.add(r.key());
    }
    for (int j = 0; j < keys.size(); j++) {
      String key = keys.get(j);
      errs.addAll(FieldErrors.labelName(path + "[" + j + "]", key));
      if (selectorKeys.contains(key)) {
        errs.add(FieldErrors.invalid(path + "[" + j + "]", key, "exists in both matchLabelKeys and labelSelector"));
      }
    }
  }

  private static boolean same(String a, String b) {
    return nullToEmpty(a).equals(nullToEmpty(b));
  }

  private static String nullToEmpty(String s) {
    return s == null ? "" : s;
  }
}
