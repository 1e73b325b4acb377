package io.kubesim.scheduler.framework;

/**
 * Feature gates that change plugin behaviour, passed to plugins as one value. {@link #DEFAULTS}
 * are upstream's defaults (v1.35): both PodTopologySpread gates on, comparison operators off.
 */
public record Features(
    boolean nodeInclusionPolicyInPodTopologySpread,
    boolean matchLabelKeysInPodTopologySpread,
    boolean taintTolerationComparisonOperators) {

  public static final Features DEFAULTS = new Features(true, true, false);

  public Features withNodeInclusionPolicy(boolean on) {
    return new Features(on, matchLabelKeysInPodTopologySpread, taintTolerationComparisonOperators);
  }

  public Features withMatchLabelKeys(boolean on) {
    return new Features(nodeInclusionPolicyInPodTopologySpread, on, taintTolerationComparisonOperators);
  }
}
