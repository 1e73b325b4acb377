package io.kubesim.scenarios.run;

import io.kubesim.metrics.PinningSummary;
import io.kubesim.metrics.SpreadSample;
import io.kubesim.scenarios.Durations;
import io.kubesim.scenarios.Expectation;
import io.kubesim.scenarios.Scenario;
import io.kubesim.controllers.SimTime;
import java.util.ArrayList;
import java.util.List;

/** Checks a scenario's expectations against a run. */
public final class Evaluator {
  private Evaluator() {}

  /** The expectations that apply to the run's variant, checked in file order. */
  public static List<ExpectationResult> check(Scenario s, VariantResult run) {
    List<ExpectationResult> out = new ArrayList<>();
    for (Expectation e : s.expectations()) {
      if (e.appliesTo(s.variant())) out.add(check(e, run));
    }
    return out;
  }

  static ExpectationResult check(Expectation e, VariantResult run) {
    if (e instanceof Expectation.Skew sk) return skew(sk, run);
    if (e instanceof Expectation.Pending p) return pending(p, run);
    if (e instanceof Expectation.PendingDuration pd) {
      double v = run.longestWaitMs();
      String text = Durations.format(run.longestWaitMs()) + (run.longestWaitPod() == null ? "" : " (" + run.longestWaitPod() + ")");
      return new ExpectationResult(e, pd.bound().test(v), v, text);
    }
    if (e instanceof Expectation.MinDomains md) return minDomains(md, run);
    if (e instanceof Expectation.Aligned al) {
      PinningSummary p = run.pinning();
      Double share = p == null ? null : al.level() == Expectation.Level.numa ? p.numaAlignedShare() : p.socketAlignedShare();
      if (share == null) return new ExpectationResult(e, false, null, "no pods with exclusive CPUs");
      int n = al.level() == Expectation.Level.numa ? p.numaAligned() : p.socketAligned();
      return new ExpectationResult(e, al.bound().test(share), share, round(share) + " (" + n + " of " + p.pinnedPods() + " pods)");
    }
    Expectation.AdmissionFailures af = (Expectation.AdmissionFailures) e;
    int count = af.reason() == null
        ? run.admissionFailures().values().stream().mapToInt(Integer::intValue).sum()
        : run.admissionFailures().getOrDefault(af.reason(), 0);
    return new ExpectationResult(e, af.bound().test(count), (double) count, Integer.toString(count));
  }

  private static ExpectationResult skew(Expectation.Skew e, VariantResult run) {
    List<Sample> samples = run.samples();
    if (e.at() == Expectation.At.end) {
      Sample last = run.last();
      Integer v = skewAt(last, e);
      if (v == null) return new ExpectationResult(e, false, null, e.workload() + " has no such constraint at the end");
      return new ExpectationResult(e, e.bound().test(v), (double) v, Integer.toString(v));
    }
    Integer peak = null;
    long when = 0;
    for (Sample smp : samples) {
      if (smp.time() < e.fromMs()) continue;
      Integer v = skewAt(smp, e);
      if (v != null && (peak == null || v > peak)) {
        peak = v;
        when = smp.time();
      }
    }
    if (peak == null) return new ExpectationResult(e, false, null, "never sampled");
    return new ExpectationResult(e, e.bound().test(peak), (double) peak, peak + " (at " + SimTime.human(when) + ")");
  }

  /** The skew of the matching constraint(s) in one sample (the highest when several match), or null. */
  static Integer skewAt(Sample smp, Expectation.Skew e) {
    Integer worst = null;
    for (SpreadSample ss : smp.spread()) {
      if (!matches(ss, e.workload().workload(), e.topologyKey(), e.whenUnsatisfiable())) continue;
      int v = switch (e.view()) {
        case scheduler -> ss.schedulerSkew();
        case all -> ss.humanSkew();
        case newRevision -> ss.newRevisionSkew();
      };
      worst = worst == null ? v : Math.max(worst, v);
    }
    return worst;
  }

  static boolean matches(SpreadSample ss, io.kubesim.metrics.WorkloadRef w, String key, String whenUnsatisfiable) {
    return ss.workload().equals(w) && ss.topologyKey().equals(key)
        && (whenUnsatisfiable == null || whenUnsatisfiable.equals(ss.whenUnsatisfiable()));
  }


  private static ExpectationResult pending(Expectation.Pending e, VariantResult run) {
    if (e.at() == Expectation.At.end) {
      int v = run.last().pending().pending();
      return new ExpectationResult(e, e.bound().test(v), (double) v, Integer.toString(v));
    }
    Sample peak = run.peakPending(e.fromMs());
    if (peak == null) return new ExpectationResult(e, false, null, "never sampled");
    int v = peak.pending().pending();
    return new ExpectationResult(e, e.bound().test(v), (double) v, v + " (at " + SimTime.human(peak.time()) + ")");
  }

  private static ExpectationResult minDomains(Expectation.MinDomains e, VariantResult run) {
    for (SpreadSample ss : run.last().spread()) {
      if (!matches(ss, e.workload().workload(), e.topologyKey(), e.whenUnsatisfiable())) continue;
      boolean met = ss.minDomainsMet();
      return new ExpectationResult(e, met == e.met(), (double) ss.eligibleDomains(),
          ss.eligibleDomains() + " eligible domain(s), minDomains " + ss.minDomains() + ": " + (met ? "met" : "not met"));
    }
    return new ExpectationResult(e, false, null, e.workload() + " has no such constraint at the end");
  }

  static String round(double v) {
    return java.math.BigDecimal.valueOf(v).setScale(4, java.math.RoundingMode.HALF_EVEN).stripTrailingZeros().toPlainString();
  }
}
