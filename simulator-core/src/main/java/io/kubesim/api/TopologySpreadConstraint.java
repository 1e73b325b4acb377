package io.kubesim.api;

import java.util.List;

/**
 * {@code spec.topologySpreadConstraints[]}.
 *
 * @param whenUnsatisfiable {@code DoNotSchedule} or {@code ScheduleAnyway}
 * @param labelSelector null matches no pod (not even the incoming one)
 * @param minDomains null = 1
 * @param nodeAffinityPolicy {@code Honor}/{@code Ignore}, null = Honor
 * @param nodeTaintsPolicy {@code Honor}/{@code Ignore}, null = Ignore
 */
public record TopologySpreadConstraint(
    int maxSkew,
    String topologyKey,
    String whenUnsatisfiable,
    LabelSelector labelSelector,
    Integer minDomains,
    String nodeAffinityPolicy,
    String nodeTaintsPolicy,
    List<String> matchLabelKeys) {

  public static final String DO_NOT_SCHEDULE = "DoNotSchedule";
  public static final String SCHEDULE_ANYWAY = "ScheduleAnyway";
  public static final String HONOR = "Honor";
  public static final String IGNORE = "Ignore";

  public TopologySpreadConstraint {
    matchLabelKeys = matchLabelKeys == null ? List.of() : List.copyOf(matchLabelKeys);
  }

  public TopologySpreadConstraint withLabelSelector(LabelSelector selector) {
    return new TopologySpreadConstraint(maxSkew, topologyKey, whenUnsatisfiable, selector, minDomains, nodeAffinityPolicy, nodeTaintsPolicy, matchLabelKeys);
  }

  public TopologySpreadConstraint withMatchLabelKeys(List<String> keys) {
    return new TopologySpreadConstraint(maxSkew, topologyKey, whenUnsatisfiable, labelSelector, minDomains, nodeAffinityPolicy, nodeTaintsPolicy, keys);
  }
}
