package io.kubesim.scheduler.plugins.helper;

/** Upstream {@code helper.DefaultNormalizeScore}. */
public final class NormalizeScore {
  private NormalizeScore() {}

  /**
   * Scales {@code scores} in place to {@code [0, maxPriority]} relative to the highest score:
   * {@code maxPriority * score / max} (integer division), or {@code maxPriority - that} when
   * {@code reverse}. When every score is 0 (the maximum starts at 0, so negative scores count as
   * 0), scores stay 0, or all become {@code maxPriority} when {@code reverse}.
   */
  public static void defaultNormalizeScore(long maxPriority, boolean reverse, long[] scores) {
    long max = 0;
    for (long s : scores) max = Math.max(max, s);
    if (max == 0) {
      if (reverse) java.util.Arrays.fill(scores, maxPriority);
      return;
    }
    for (int i = 0; i < scores.length; i++) {
      long score = maxPriority * scores[i] / max;
      scores[i] = reverse ? maxPriority - score : score;
    }
  }
}
