package io.kubesim.scheduler.plugins.interpodaffinity;

import io.kubesim.api.Affinity;
import io.kubesim.api.Pod;
import io.kubesim.api.PodAffinity;
import io.kubesim.api.PodAffinityTerm;
import io.kubesim.api.WeightedPodAffinityTerm;
import io.kubesim.scheduler.framework.AffinityTerm;
import io.kubesim.scheduler.plugins.helper.FieldErrors;
import java.util.ArrayList;
import java.util.List;

/**
 * Upstream {@code framework.NewPodInfo}'s parse error: per term group, the first term whose
 * selector does not compile, prefixed with the group's name, aggregated over the groups.
 */
final class ParseErrors {
  private ParseErrors() {}

  /** Null when every term compiles. */
  static String of(Pod pod) {
    Affinity a = pod.spec().affinity();
    PodAffinity affinity = a == null ? null : a.podAffinity();
    PodAffinity anti = a == null ? null : a.podAntiAffinity();
    List<String> errs = new ArrayList<>();
    addFirst(errs, "requiredAffinityTerms", pod, required(affinity));
    addFirst(errs, "requiredAntiAffinityTerms", pod, required(anti));
    addFirst(errs, "preferredAffinityTerms", pod, preferred(affinity));
    addFirst(errs, "preferredAntiAffinityTerms", pod, preferred(anti));
    return FieldErrors.aggregate(errs);
  }

  private static List<PodAffinityTerm> required(PodAffinity a) {
    return a == null ? List.of() : a.requiredDuringSchedulingIgnoredDuringExecution();
  }

  private static List<PodAffinityTerm> preferred(PodAffinity a) {
    return a == null ? List.of() : a.preferredDuringSchedulingIgnoredDuringExecution().stream().map(WeightedPodAffinityTerm::podAffinityTerm).toList();
  }

  private static void addFirst(List<String> errs, String group, Pod pod, List<PodAffinityTerm> terms) {
    for (PodAffinityTerm t : terms) {
      try {
        AffinityTerm.compile(pod, t, 0);
      } catch (IllegalArgumentException e) {
        errs.add(group + ": " + e.getMessage());
        return;
      }
    }
  }
}
