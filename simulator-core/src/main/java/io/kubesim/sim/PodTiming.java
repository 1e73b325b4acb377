package io.kubesim.sim;

import java.util.SplittableRandom;

/**
 * How long pods take to start, become ready and terminate, in milliseconds: a base plus a seeded
 * uniform jitter in {@code [0, jitter]}.
 */
public record PodTiming(long startupMs, long startupJitterMs, long readinessMs, long readinessJitterMs, long terminationMs) {
  /** Cached image, no readiness probe warm-up to speak of, a quick SIGTERM exit. */
  public static final PodTiming DEFAULT = new PodTiming(2_000, 1_000, 3_000, 2_000, 2_000);

  long startup(SplittableRandom random) {
    return startupMs + (startupJitterMs > 0 ? random.nextLong(startupJitterMs + 1) : 0);
  }

  long readiness(SplittableRandom random) {
    return readinessMs + (readinessJitterMs > 0 ? random.nextLong(readinessJitterMs + 1) : 0);
  }
}
