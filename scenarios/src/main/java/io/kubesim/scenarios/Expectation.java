package io.kubesim.scenarios;

import io.kubesim.yaml.Mark;
import java.util.List;

/**
 * A check made after a run; a failing one makes {@code sim run} exit 1.
 *
 * <p>Every expectation may name the {@code variants} it applies to (a variant's full name, or for
 * a matrix one of its parts); without that list it applies to all.
 */
public sealed interface Expectation
    permits Expectation.Skew, Expectation.Pending, Expectation.PendingDuration, Expectation.MinDomains, Expectation.Aligned,
        Expectation.AdmissionFailures {

  Mark mark();

  /** Variant names (or matrix parts) this applies to; empty = every variant. */
  List<String> variants();

  /** What is checked, in words: {@code skew of Deployment/web topology.kubernetes.io/zone (scheduler view, at end) ≤ 1}. */
  String describe();

  /** Whether the expectation applies to a variant called {@code variant} (matrix parts joined by "+"). */
  default boolean appliesTo(String variant) {
    if (variants().isEmpty()) return true;
    if (variants().contains(variant)) return true;
    for (String part : variant.split("\\+")) if (variants().contains(part)) return true;
    return false;
  }

  /** {@code atLeast} and/or {@code atMost}, inclusive. */
  record Bound(Double atLeast, Double atMost) {
    public boolean test(double v) {
      return (atLeast == null || v >= atLeast) && (atMost == null || v <= atMost);
    }

    public String describe(java.util.function.DoubleFunction<String> fmt) {
      if (atLeast != null && atMost != null) return "between " + fmt.apply(atLeast) + " and " + fmt.apply(atMost);
      if (atLeast != null) return "≥ " + fmt.apply(atLeast);
      return "≤ " + fmt.apply(atMost);
    }

    public String describe() {
      return describe(Bound::number);
    }

    public static String number(double v) {
      return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }
  }

  /** Which counts a skew is taken from. */
  enum View {
    /** As PodTopologySpread sees it for the workload's next pod (policies, matchLabelKeys, minDomains). */
    scheduler,
    /** Max − min of the workload's pods over every node with the key. */
    all,
    /** As {@link #all}, counting the newest revision's pods only. */
    newRevision
  }

  /** When a value is taken: the last sample, or the highest over the run (from {@code from}). */
  enum At { end, peak }

  record Skew(Mark mark, List<String> variants, ObjectRef workload, String topologyKey, String whenUnsatisfiable, View view, At at,
      long fromMs, Bound bound) implements Expectation {
    public String describe() {
      return "skew of " + workload + " " + topologyKey + (whenUnsatisfiable == null ? "" : " " + whenUnsatisfiable) + " (" + view
          + " view, " + (at == At.end ? "at end" : "peak" + (fromMs > 0 ? " from " + Durations.format(fromMs) : "")) + ") "
          + bound.describe();
    }
  }

  record Pending(Mark mark, List<String> variants, At at, long fromMs, Bound bound) implements Expectation {
    public String describe() {
      return "pending pods (" + (at == At.end ? "at end" : "peak" + (fromMs > 0 ? " from " + Durations.format(fromMs) : "")) + ") "
          + bound.describe();
    }
  }

  /** The longest time any pod waited to be scheduled (pods still waiting count up to the end). */
  record PendingDuration(Mark mark, List<String> variants, Bound bound) implements Expectation {
    public String describe() {
      return "longest scheduling wait " + bound.describe(v -> Durations.format((long) v));
    }
  }

  record MinDomains(Mark mark, List<String> variants, ObjectRef workload, String topologyKey, String whenUnsatisfiable, boolean met)
      implements Expectation {
    public String describe() {
      return "minDomains of " + workload + " " + topologyKey + (whenUnsatisfiable == null ? "" : " " + whenUnsatisfiable)
          + (met ? " met" : " not met") + " at end";
    }
  }

  /** Alignment level of exclusive CPUs. */
  enum Level { numa, socket }

  /**
   * The share of pods with exclusive CPUs whose every exclusive container runs within one NUMA
   * node (one socket), at the end.
   */
  record Aligned(Mark mark, List<String> variants, Level level, Bound bound) implements Expectation {
    public String describe() {
      return "share of pinned pods " + level + "-aligned at end " + bound.describe();
    }
  }

  /** Pods the kubelet rejected at admission (with that reason, or any). */
  record AdmissionFailures(Mark mark, List<String> variants, String reason, Bound bound) implements Expectation {
    public static final List<String> REASONS = List.of("TopologyAffinityError", "SMTAlignmentError", "UnexpectedAdmissionError",
        "NodeNotFound");

    public String describe() {
      return "admission failures" + (reason == null ? "" : " (" + reason + ")") + " " + bound.describe();
    }
  }
}
