package io.kubesim.scheduler.plugins.interpodaffinity;

import io.kubesim.scheduler.plugins.helper.FieldErrors;
import java.util.List;

/**
 * Upstream {@code InterPodAffinityArgs}.
 *
 * @param hardPodAffinityWeight the score weight an existing pod's required affinity term gives to
 *     the topology of that pod when the incoming pod matches it; 0..100, null = 1 (the v1 default)
 * @param ignorePreferredTermsOfExistingPods when the incoming pod has no preferred terms, skip
 *     scoring instead of honouring existing pods' terms
 */
public record InterPodAffinityArgs(Integer hardPodAffinityWeight, boolean ignorePreferredTermsOfExistingPods) {

  public static final int DEFAULT_HARD_POD_AFFINITY_WEIGHT = 1;

  public InterPodAffinityArgs {
    if (hardPodAffinityWeight == null) hardPodAffinityWeight = DEFAULT_HARD_POD_AFFINITY_WEIGHT;
  }

  public static final InterPodAffinityArgs DEFAULTS = new InterPodAffinityArgs(DEFAULT_HARD_POD_AFFINITY_WEIGHT, false);

  /** Upstream {@code ValidateInterPodAffinityArgs}; throws {@link IllegalArgumentException}. */
  public void validate() {
    if (hardPodAffinityWeight < 0 || hardPodAffinityWeight > 100) {
      FieldErrors.throwIfAny(List.of(FieldErrors.invalid("hardPodAffinityWeight", hardPodAffinityWeight, "not in valid range [0, 100]")));
    }
  }
}
