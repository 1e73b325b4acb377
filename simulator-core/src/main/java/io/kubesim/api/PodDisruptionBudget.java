package io.kubesim.api;

/** A PodDisruptionBudget (policy/v1). */
public record PodDisruptionBudget(ObjectMeta metadata, Spec spec) {
  /**
   * Exactly one of {@code minAvailable} and {@code maxUnavailable} is set.
   *
   * @param unhealthyPodEvictionPolicy {@code IfHealthyBudget} (default, also when null) or {@code AlwaysAllow}
   */
  public record Spec(IntOrString minAvailable, IntOrString maxUnavailable, LabelSelector selector, String unhealthyPodEvictionPolicy) {}
}
