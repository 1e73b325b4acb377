package io.kubesim.scenarios.run;

import io.kubesim.metrics.Recorder;
import io.kubesim.scenarios.Scenario;
import java.util.List;
import java.util.Map;

/**
 * What one variant's run produced.
 *
 * @param longestWaitMs the longest time a pod waited to be scheduled (pods still waiting at the end count)
 * @param longestWaitPod that pod ({@code namespace/name}), or null
 * @param pendingReasonsAtEnd the scheduler's last failure message → pods, at the end
 * @param admissionFailures kubelet rejection reason → pods
 * @param pinning null when no node pins CPUs
 * @param expectations the expectations that apply to this variant, checked
 */
public record VariantResult(
    Scenario scenario,
    List<Sample> samples,
    List<Recorder.TimelineMark> marks,
    int nodesAtEnd,
    int podsAtEnd,
    int runningAtEnd,
    long longestWaitMs,
    String longestWaitPod,
    Map<String, Integer> pendingReasonsAtEnd,
    Map<String, Integer> admissionFailures,
    int decisions,
    int unschedulableAttempts,
    PinningSummary pinning,
    List<ExpectationResult> expectations) {

  public boolean passed() {
    return expectations.stream().allMatch(ExpectationResult::passed);
  }

  public Sample last() {
    return samples.get(samples.size() - 1);
  }
}
