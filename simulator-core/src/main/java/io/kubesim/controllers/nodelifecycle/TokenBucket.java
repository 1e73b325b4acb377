package io.kubesim.controllers.nodelifecycle;

/**
 * A token bucket with burst 1 and an explicit clock (upstream
 * {@code flowcontrol.NewTokenBucketRateLimiter(qps, 1)}, i.e. {@code golang.org/x/time/rate}):
 * starts full, refills continuously at {@code qps} tokens per second up to 1. A rate of 0 or less
 * is upstream's "fake never" limiter: it never accepts.
 */
final class TokenBucket {
  final double qps;
  private double tokens;
  private long lastMs;

  TokenBucket(double qps, long nowMs) {
    this.qps = qps;
    this.tokens = qps > 0 ? 1.0 : 0.0;
    this.lastMs = nowMs;
  }

  boolean tryAccept(long nowMs) {
    if (qps <= 0) return false;
    if (nowMs > lastMs) {
      tokens = Math.min(1.0, tokens + (nowMs - lastMs) * qps / 1000.0);
      lastMs = nowMs;
    }
    if (tokens >= 1.0 - 1e-9) {
      tokens -= 1.0;
      return true;
    }
    return false;
  }
}
