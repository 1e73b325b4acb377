package io.kubesim.scheduler.framework;

import io.kubesim.api.Affinity;
import io.kubesim.api.Pod;
import io.kubesim.api.PodAffinity;
import io.kubesim.api.PodAffinityTerm;
import io.kubesim.api.WeightedPodAffinityTerm;
import java.util.ArrayList;
import java.util.List;

/**
 * A pod with what the scheduler derives from it once: requests and compiled affinity terms
 * (upstream {@code framework.PodInfo}).
 *
 * @param parseError non-null when an affinity term's selector is invalid; plugins that need the
 *     terms report it as an Error status
 */
public record PodInfo(
    Pod pod,
    Resource requests,
    Resource nonZeroRequests,
    List<AffinityTerm> requiredAffinityTerms,
    List<AffinityTerm> requiredAntiAffinityTerms,
    List<AffinityTerm> preferredAffinityTerms,
    List<AffinityTerm> preferredAntiAffinityTerms,
    String parseError) {

  public static PodInfo of(Pod pod) {
    Affinity a = pod.spec().affinity();
    PodAffinity affinity = a == null ? null : a.podAffinity();
    PodAffinity anti = a == null ? null : a.podAntiAffinity();
    try {
      return new PodInfo(pod, PodRequests.of(pod), PodRequests.nonZero(pod),
          required(pod, affinity), required(pod, anti), preferred(pod, affinity), preferred(pod, anti), null);
    } catch (IllegalArgumentException e) {
      return new PodInfo(pod, PodRequests.of(pod), PodRequests.nonZero(pod), List.of(), List.of(), List.of(), List.of(), e.getMessage());
    }
  }

  private static List<AffinityTerm> required(Pod pod, PodAffinity affinity) {
    if (affinity == null) return List.of();
    List<AffinityTerm> out = new ArrayList<>();
    for (PodAffinityTerm t : affinity.requiredDuringSchedulingIgnoredDuringExecution()) out.add(AffinityTerm.compile(pod, t, 0));
    return List.copyOf(out);
  }

  private static List<AffinityTerm> preferred(Pod pod, PodAffinity affinity) {
    if (affinity == null) return List.of();
    List<AffinityTerm> out = new ArrayList<>();
    for (WeightedPodAffinityTerm t : affinity.preferredDuringSchedulingIgnoredDuringExecution()) {
      out.add(AffinityTerm.compile(pod, t.podAffinityTerm(), t.weight()));
    }
    return List.copyOf(out);
  }

  /**
   * This info for an update of its pod that keeps the metadata and spec objects (a status change):
   * requests and affinity terms derive from those alone, so they are kept, not computed again.
   */
  public PodInfo withPod(Pod updated) {
    if (updated.metadata() != pod.metadata() || updated.spec() != pod.spec()) return of(updated);
    return new PodInfo(updated, requests, nonZeroRequests, requiredAffinityTerms, requiredAntiAffinityTerms,
        preferredAffinityTerms, preferredAntiAffinityTerms, parseError);
  }

  public boolean hasAffinity() {
    return !requiredAffinityTerms.isEmpty() || !requiredAntiAffinityTerms.isEmpty()
        || !preferredAffinityTerms.isEmpty() || !preferredAntiAffinityTerms.isEmpty();
  }

  public String name() {
    return pod.name();
  }

  public String namespace() {
    return pod.namespace();
  }
}
