package io.kubesim.controllers.nodelifecycle;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Upstream {@code scheduler.RateLimitedTimedQueue}: a unique queue of node names ordered by
 * process time (insertion order on ties), drained by {@link #tryProcess} under a token bucket.
 * Every attempt — even one whose item turns out to need nothing — spends a token, and a token is
 * spent before the head's process time is checked.
 */
final class RateLimitedTimedQueue {
  /** What processing an item decided: done, or retry after {@code retryAfterMs}. */
  record Outcome(boolean done, long retryAfterMs) {
    static final Outcome DONE = new Outcome(true, 0);
  }

  interface Action {
    Outcome process(String node);
  }

  private record Item(String value, long processAtMs, long seq) {}

  private final List<Item> queue = new ArrayList<>();
  private final Set<String> set = new HashSet<>();
  private TokenBucket limiter;
  private long seq;

  RateLimitedTimedQueue(double qps, long nowMs) {
    this.limiter = new TokenBucket(qps, nowMs);
  }

  double qps() {
    return limiter.qps;
  }

  /** Adds {@code node} to be processed from {@code nowMs}, unless it was added and not yet removed. */
  boolean add(String node, long nowMs) {
    if (!set.add(node)) return false;
    queue.add(new Item(node, nowMs, seq++));
    return true;
  }

  /** Forgets {@code node}, so it can be added again. */
  boolean remove(String node) {
    if (!set.remove(node)) return false;
    queue.removeIf(i -> i.value().equals(node));
    return true;
  }

  boolean contains(String node) {
    return set.contains(node);
  }

  List<String> values() {
    List<Item> sorted = sorted();
    List<String> out = new ArrayList<>();
    for (Item i : sorted) out.add(i.value());
    return out;
  }

  private List<Item> sorted() {
    List<Item> sorted = new ArrayList<>(queue);
    sorted.sort((a, b) -> a.processAtMs() != b.processAtMs() ? Long.compare(a.processAtMs(), b.processAtMs()) : Long.compare(a.seq(), b.seq()));
    return sorted;
  }

  /**
   * Upstream {@code Try}: while the queue has a head and the limiter gives a token: stop if the
   * head is not due; otherwise process it — done items leave the queue but stay in the set (they
   * are not re-added until {@link #remove}); others are retried at {@code now + wait + 1 ns}.
   */
  void tryProcess(long nowMs, Action action) {
    while (!queue.isEmpty()) {
      if (!limiter.tryAccept(nowMs)) return;
      Item head = sorted().get(0);
      if (nowMs < head.processAtMs()) return;
      Outcome o = action.process(head.value());
      queue.remove(head);
      if (!o.done()) queue.add(new Item(head.value(), nowMs + o.retryAfterMs() + 1, seq++));
    }
  }

  /**
   * Upstream {@code SwapLimiter}: a new bucket at {@code qps} (0 or less: never accepts) unless the
   * rate is unchanged; if the old bucket had no token the new one starts drained.
   */
  void swapLimiter(double qps, long nowMs) {
    if (limiter.qps == qps) return;
    TokenBucket next = new TokenBucket(qps, nowMs);
    if (qps > 0 && !limiter.tryAccept(nowMs)) next.tryAccept(nowMs);
    limiter = next;
  }
}
