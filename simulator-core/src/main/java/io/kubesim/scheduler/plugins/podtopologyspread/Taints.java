package io.kubesim.scheduler.plugins.podtopologyspread;

import io.kubesim.api.Node;
import io.kubesim.api.Taint;
import io.kubesim.api.TaintEffect;
import io.kubesim.api.Toleration;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Taint checks for {@code nodeTaintsPolicy: Honor} (upstream {@code FindMatchingUntoleratedTaint} with
 * {@code DoNotScheduleTaintsFilterFunc}): only NoSchedule and NoExecute taints matter.
 */
final class Taints {
  private Taints() {}

  // Upstream content.IsDecimalInteger: an optional minus, no leading zeros, no plus sign.
  private static final Pattern DECIMAL_INTEGER = Pattern.compile("0|-?[1-9][0-9]*");

  static boolean hasUntoleratedDoNotScheduleTaint(Node node, List<Toleration> tolerations, boolean comparisonOperators) {
    for (Taint taint : node.spec().taints()) {
      if (taint.effect() != TaintEffect.NoSchedule && taint.effect() != TaintEffect.NoExecute) continue;
      if (!tolerated(taint, tolerations, comparisonOperators)) return true;
    }
    return false;
  }

  private static boolean tolerated(Taint taint, List<Toleration> tolerations, boolean comparisonOperators) {
    for (Toleration t : tolerations) {
      if (tolerates(t, taint, comparisonOperators)) return true;
    }
    return false;
  }

  /**
   * Upstream {@code Toleration.ToleratesTaint}: {@link Toleration#tolerates} plus the {@code Lt}/{@code Gt}
   * operators of the alpha gate TaintTolerationComparisonOperators (taint value compared to the
   * toleration's, both decimal integers).
   */
  static boolean tolerates(Toleration t, Taint taint, boolean comparisonOperators) {
    boolean comparison = t.operator().equals("Lt") || t.operator().equals("Gt");
    if (!comparison) return t.tolerates(taint);
    if (!comparisonOperators) return false;
    if (t.effect() != null && t.effect() != taint.effect()) return false;
    if (!t.key().isEmpty() && !t.key().equals(taint.key())) return false;
    Long tolerationValue = parse(t.value());
    Long taintValue = parse(taint.value());
    if (tolerationValue == null || taintValue == null) return false;
    return t.operator().equals("Lt") ? taintValue < tolerationValue : taintValue > tolerationValue;
  }

  private static Long parse(String s) {
    if (!DECIMAL_INTEGER.matcher(s).matches()) return null;
    try {
      return Long.parseLong(s);
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
