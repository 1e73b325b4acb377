package io.kubesim.testing;

import io.kubesim.api.LabelSelector;
import io.kubesim.api.LabelSelectorRequirement;
import io.kubesim.api.TopologySpreadConstraint;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code topologySpreadConstraints} entries:
 * {@code doNotSchedule(1, "topology.kubernetes.io/zone").matchLabels("app", "web").minDomains(3)}.
 * Fields left unset stay unset ({@code labelSelector} nil, which selects no pod).
 */
public final class TopologySpreadConstraints {
  private TopologySpreadConstraints() {}

  /** A constraint with {@code whenUnsatisfiable: DoNotSchedule} (enforced by Filter). */
  public static Builder doNotSchedule(int maxSkew, String topologyKey) {
    return new Builder(maxSkew, topologyKey, TopologySpreadConstraint.DO_NOT_SCHEDULE);
  }

  /** A constraint with {@code whenUnsatisfiable: ScheduleAnyway} (a Score preference). */
  public static Builder scheduleAnyway(int maxSkew, String topologyKey) {
    return new Builder(maxSkew, topologyKey, TopologySpreadConstraint.SCHEDULE_ANYWAY);
  }

  /** A topology spread constraint under construction. */
  public static final class Builder {
    private final int maxSkew;
    private final String topologyKey;
    private final String whenUnsatisfiable;
    private LabelSelector labelSelector;
    private Integer minDomains;
    private String nodeAffinityPolicy;
    private String nodeTaintsPolicy;
    private final List<String> matchLabelKeys = new ArrayList<>();

    private Builder(int maxSkew, String topologyKey, String whenUnsatisfiable) {
      this.maxSkew = maxSkew;
      this.topologyKey = topologyKey;
      this.whenUnsatisfiable = whenUnsatisfiable;
    }

    /** Sets {@code labelSelector} as given ({@link LabelSelector#EMPTY} for {@code {}}, null for none). */
    public Builder labelSelector(LabelSelector selector) {
      labelSelector = selector;
      return this;
    }

    /** Adds {@code key: value} to the label selector's {@code matchLabels} (creating the selector). */
    public Builder matchLabels(String key, String value) {
      LabelSelector s = labelSelector == null ? LabelSelector.EMPTY : labelSelector;
      Map<String, String> labels = new LinkedHashMap<>(s.matchLabels());
      labels.put(key, value);
      labelSelector = new LabelSelector(labels, s.matchExpressions());
      return this;
    }

    /** Adds requirements to the label selector's {@code matchExpressions} (creating the selector). */
    public Builder matchExpressions(LabelSelectorRequirement... requirements) {
      LabelSelector s = labelSelector == null ? LabelSelector.EMPTY : labelSelector;
      List<LabelSelectorRequirement> expressions = new ArrayList<>(s.matchExpressions());
      expressions.addAll(List.of(requirements));
      labelSelector = new LabelSelector(s.matchLabels(), expressions);
      return this;
    }

    public Builder minDomains(int n) {
      minDomains = n;
      return this;
    }

    /** {@code Honor} or {@code Ignore}. */
    public Builder nodeAffinityPolicy(String policy) {
      nodeAffinityPolicy = policy;
      return this;
    }

    /** {@code Honor} or {@code Ignore}. */
    public Builder nodeTaintsPolicy(String policy) {
      nodeTaintsPolicy = policy;
      return this;
    }

    /** Adds pod label keys whose incoming values narrow the selector. */
    public Builder matchLabelKeys(String... keys) {
      matchLabelKeys.addAll(List.of(keys));
      return this;
    }

    public TopologySpreadConstraint build() {
      return new TopologySpreadConstraint(maxSkew, topologyKey, whenUnsatisfiable, labelSelector, minDomains, nodeAffinityPolicy,
          nodeTaintsPolicy, matchLabelKeys);
    }
  }
}
