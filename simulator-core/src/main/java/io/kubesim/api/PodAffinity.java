package io.kubesim.api;

import java.util.List;

/** Used for both {@code podAffinity} and {@code podAntiAffinity}. */
public record PodAffinity(
    List<PodAffinityTerm> requiredDuringSchedulingIgnoredDuringExecution,
    List<WeightedPodAffinityTerm> preferredDuringSchedulingIgnoredDuringExecution) {
  public PodAffinity {
    requiredDuringSchedulingIgnoredDuringExecution =
        requiredDuringSchedulingIgnoredDuringExecution == null ? List.of() : List.copyOf(requiredDuringSchedulingIgnoredDuringExecution);
    preferredDuringSchedulingIgnoredDuringExecution =
        preferredDuringSchedulingIgnoredDuringExecution == null ? List.of() : List.copyOf(preferredDuringSchedulingIgnoredDuringExecution);
  }
}
