package io.kubesim.api;

import java.util.List;

/** @param requiredDuringSchedulingIgnoredDuringExecution null when absent */
public record NodeAffinity(
    NodeSelector requiredDuringSchedulingIgnoredDuringExecution,
    List<PreferredSchedulingTerm> preferredDuringSchedulingIgnoredDuringExecution) {
  public NodeAffinity {
    preferredDuringSchedulingIgnoredDuringExecution =
        preferredDuringSchedulingIgnoredDuringExecution == null ? List.of() : List.copyOf(preferredDuringSchedulingIgnoredDuringExecution);
  }
}
