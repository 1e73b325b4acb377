package io.kubesim.scheduler.plugins.podtopologyspread;

/**
 * The two domains with the fewest matching pods for one hard constraint (upstream {@code criticalPaths}).
 *
 * <p>Invariant: {@code first().matchNum()} is always the global minimum; {@code second().matchNum()} is
 * at least that, but after AddPod/RemovePod it is not guaranteed to be the second smallest. Two
 * entries suffice because preemption only ever removes pods from one node, evaluated on its own
 * copy of the state: a removal can only lower the domain it touches, and if that domain was not
 * one of the two, it becomes the new minimum by comparison with {@code first()}.
 *
 * <p>An unused entry is {@code ("", Integer.MAX_VALUE)}.
 */
public final class CriticalPaths {

  /** One entry: a domain and its matching-pod count. */
  public record Path(String topologyValue, int matchNum) {}

  static final Path NONE = new Path("", Integer.MAX_VALUE);

  private Path first = NONE;
  private Path second = NONE;

  CriticalPaths() {}

  private CriticalPaths(Path first, Path second) {
    this.first = first;
    this.second = second;
  }

  public Path first() {
    return first;
  }

  public Path second() {
    return second;
  }

  CriticalPaths copy() {
    return new CriticalPaths(first, second);
  }

  /** Records that domain {@code value} now holds {@code num} matching pods (upstream {@code update}). */
  void update(String value, int num) {
    if (value.equals(first.topologyValue()) || value.equals(second.topologyValue())) {
      if (value.equals(first.topologyValue())) {
        first = new Path(value, num);
      } else {
        second = new Path(value, num);
      }
      if (first.matchNum() > second.matchNum()) {
        Path t = first;
        first = second;
        second = t;
      }
    } else if (num < first.matchNum()) {
      second = first;
      first = new Path(value, num);
    } else if (num < second.matchNum()) {
      second = new Path(value, num);
    }
  }

  @Override
  public String toString() {
    return "[[" + first.topologyValue() + ", " + first.matchNum() + "], [" + second.topologyValue() + ", " + second.matchNum() + "]]";
  }
}
