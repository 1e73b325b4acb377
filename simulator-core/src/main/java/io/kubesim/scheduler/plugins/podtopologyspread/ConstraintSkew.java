package io.kubesim.scheduler.plugins.podtopologyspread;

import java.util.Map;

/**
 * How one of a pod's spread constraints stands in a cluster, counted exactly as PreFilter counts
 * hard constraints (every node of the snapshot, nodes lacking any key of the same kind of constraint
 * skipped, inclusion policies applied). For soft constraints this is the same count; the scheduler
 * itself only uses it to score.
 *
 * @param whenUnsatisfiable DoNotSchedule or ScheduleAnyway
 * @param matchNum matching pods per eligible domain, in no particular order
 * @param minMatchNum the global minimum Filter measures skew against: the smallest count, or 0 while
 *     there are fewer eligible domains than {@code minDomains}
 * @param maxMatchNum the largest count, 0 without domains
 * @param skew {@code maxMatchNum - minMatchNum}: what the busiest domain exceeds the minimum by
 *     (without the incoming pod's own +1)
 */
public record ConstraintSkew(
    Constraint constraint,
    String whenUnsatisfiable,
    Map<String, Integer> matchNum,
    int minMatchNum,
    int maxMatchNum,
    int skew) {

  /** Whether the skew is within {@code maxSkew}. */
  public boolean satisfied() {
    return skew <= constraint.maxSkew();
  }
}
