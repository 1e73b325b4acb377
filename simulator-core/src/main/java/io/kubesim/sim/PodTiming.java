package io.kubesim.sim;

import java.util.SplittableRandom;

/**
 * How long pods take to start, become ready and terminate, in milliseconds: a base plus a seeded
 * uniform jitter of whole seconds in {@code [0, jitter]}. Whole seconds because the API records
 * times at second resolution, and so that pods started together change state together.
 */
public record PodTiming(long startupMs, long startupJitterMs, long readinessMs, long readinessJitterMs, long terminationMs) {
  /** Cached image, no readiness probe warm-up to speak of, a quick SIGTERM exit. */
  public static final PodTiming DEFAULT = new PodTiming(2_000, 1_000, 3_000, 2_000, 2_000);

  long startup(SplittableRandom random) {
    return startupMs + jitter(random, startupJitterMs);
  }

  long readiness(SplittableRandom random) {
    return readinessMs + jitter(random, readinessJitterMs);
  }

  private static long jitter(SplittableRandom random, long maxMs) {
    return maxMs >= 1000 ? random.nextLong(maxMs / 1000 + 1) * 1000 : 0;
  }
}
