package io.kubesim.scenarios.run;

import io.kubesim.metrics.PinningSummary;
import io.kubesim.metrics.Recorder;
import io.kubesim.scenarios.Scenario;
import java.util.List;
import java.util.Map;

/**
 * What one variant's run produced.
 *
 * @param longestWaitMs the longest time a pod waited to be bound to a node (pods still waiting at
 *     the end count to the end); 0 when none waited
 * @param longestWaitPod that pod ({@code namespace/name}), or null
 * @param pendingReasonsAtEnd the scheduler's last failure message → pods, at the end
 * @param admissionFailures kubelet rejection reason → pods, over the whole run
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

  /** The same run with its expectations checked. */
  public VariantResult withExpectations(List<ExpectationResult> checked) {
    return new VariantResult(scenario, samples, marks, nodesAtEnd, podsAtEnd, runningAtEnd, longestWaitMs, longestWaitPod,
        pendingReasonsAtEnd, admissionFailures, decisions, unschedulableAttempts, pinning, List.copyOf(checked));
  }

  public boolean passed() {
    return expectations.stream().allMatch(ExpectationResult::passed);
  }

  public Sample last() {
    return samples.get(samples.size() - 1);
  }

  /** The first sample from {@code fromMs} on with the most pending pods, or null when none is that late. */
  public Sample peakPending(long fromMs) {
    Sample peak = null;
    for (Sample smp : samples) {
      if (smp.time() >= fromMs && (peak == null || smp.pending().pending() > peak.pending().pending())) peak = smp;
    }
    return peak;
  }
}
