package io.kubesim.api;

/**
 * A pod toleration.
 *
 * @param operator {@code Equal} (the default, also when empty) or {@code Exists}; {@code Lt}/{@code Gt}
 *     belong to the alpha gate TaintTolerationComparisonOperators and never tolerate here
 * @param effect null tolerates every effect
 * @param tolerationSeconds for NoExecute: how long the pod stays bound after the taint appears; null = forever
 */
public record Toleration(String key, String operator, String value, TaintEffect effect, Long tolerationSeconds) {
  public Toleration {
    key = key == null ? "" : key;
    operator = operator == null || operator.isEmpty() ? "Equal" : operator;
    value = value == null ? "" : value;
  }

  /** Upstream {@code Toleration.ToleratesTaint}. */
  public boolean tolerates(Taint taint) {
    if (effect != null && effect != taint.effect()) return false;
    if (!key.isEmpty() && !key.equals(taint.key())) return false;
    return switch (operator) {
      case "Exists" -> true;
      case "Equal" -> value.equals(taint.value());
      default -> false;
    };
  }
}
