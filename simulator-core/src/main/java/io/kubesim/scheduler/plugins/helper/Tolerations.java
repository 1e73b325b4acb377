package io.kubesim.scheduler.plugins.helper;

import io.kubesim.api.Taint;
import io.kubesim.api.TaintEffect;
import io.kubesim.api.Toleration;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * Toleration matching as component-helpers does it ({@code FindMatchingUntoleratedTaint},
 * {@code TolerationsTolerateTaint}), including the numeric {@code Lt}/{@code Gt} operators of the
 * alpha gate TaintTolerationComparisonOperators; used by TaintToleration and by PodTopologySpread's
 * {@code nodeTaintsPolicy: Honor}.
 */
public final class Tolerations {
  private Tolerations() {}

  /** Upstream {@code DoNotScheduleTaintsFilterFunc}: the taints Filter enforces. */
  public static final Predicate<Taint> DO_NOT_SCHEDULE = t -> t.effect() == TaintEffect.NoSchedule || t.effect() == TaintEffect.NoExecute;

  // k8s.io/apimachinery content.IsDecimalInteger: "0", or an optional minus and no leading zero ("-0" is not canonical).
  private static final Pattern DECIMAL_INTEGER = Pattern.compile("0|-?[1-9][0-9]*");

  /**
   * Whether {@code t} tolerates {@code taint}. With {@code comparisonOperators} off, {@code Lt} and
   * {@code Gt} never match; with it on they compare the taint's value against the toleration's as
   * decimal integers ({@code Lt}: taint &lt; toleration), and never match a non-integer.
   */
  public static boolean tolerates(Toleration t, Taint taint, boolean comparisonOperators) {
    if (t.effect() != null && t.effect() != taint.effect()) return false;
    if (!t.key().isEmpty() && !t.key().equals(taint.key())) return false;
    return switch (t.operator()) {
      case "Exists" -> true;
      case "Equal" -> t.value().equals(taint.value());
      case "Lt", "Gt" -> comparisonOperators && compare(t.operator(), t.value(), taint.value());
      default -> false;
    };
  }

  private static boolean compare(String op, String tolerationValue, String taintValue) {
    if (!DECIMAL_INTEGER.matcher(tolerationValue).matches() || !DECIMAL_INTEGER.matcher(taintValue).matches()) return false;
    long tol;
    long tnt;
    try {
      tol = Long.parseLong(tolerationValue);
      tnt = Long.parseLong(taintValue);
    } catch (NumberFormatException e) {
      return false;
    }
    return op.equals("Lt") ? tnt < tol : tnt > tol;
  }

  /** Upstream {@code TolerationsTolerateTaint}: some toleration tolerates the taint. */
  public static boolean tolerated(List<Toleration> tolerations, Taint taint, boolean comparisonOperators) {
    for (Toleration t : tolerations) {
      if (tolerates(t, taint, comparisonOperators)) return true;
    }
    return false;
  }

  /**
   * Upstream {@code FindMatchingUntoleratedTaint}: the first taint, in the node's order, that
   * {@code inScope} selects and no toleration tolerates; null when there is none.
   */
  public static Taint findUntolerated(List<Taint> taints, List<Toleration> tolerations, Predicate<Taint> inScope,
      boolean comparisonOperators) {
    for (Taint taint : taints) {
      if (inScope.test(taint) && !tolerated(tolerations, taint, comparisonOperators)) return taint;
    }
    return null;
  }
}
