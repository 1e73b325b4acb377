package io.kubesim.scheduler.plugins.podtopologyspread;

import io.kubesim.api.TopologySpreadConstraint;
import io.kubesim.scheduler.plugins.helper.FieldErrors;
import java.util.ArrayList;
import java.util.List;

/**
 * The plugin's configuration (upstream {@code PodTopologySpreadArgs}).
 *
 * @param defaultingType null means {@link DefaultingType#System}, upstream's default
 * @param defaultConstraints the constraints for pods that declare none; must be empty with System
 *     defaulting (which uses {@link PodTopologySpread#SYSTEM_DEFAULT_CONSTRAINTS})
 */
public record PodTopologySpreadArgs(DefaultingType defaultingType, List<TopologySpreadConstraint> defaultConstraints) {

  /** Where default constraints come from. */
  public enum DefaultingType {
    /** The built-in defaults; nodes lacking a topology key still get scored. */
    System,
    /** Exactly {@code defaultConstraints} (possibly none). */
    List
  }

  /** Upstream's defaults: System defaulting. */
  public static final PodTopologySpreadArgs SYSTEM = new PodTopologySpreadArgs(DefaultingType.System, java.util.List.of());

  public PodTopologySpreadArgs {
    defaultingType = defaultingType == null ? DefaultingType.System : defaultingType;
    defaultConstraints = defaultConstraints == null ? java.util.List.of() : java.util.List.copyOf(defaultConstraints);
  }

  /** List defaulting with exactly these constraints. */
  public static PodTopologySpreadArgs list(List<TopologySpreadConstraint> constraints) {
    return new PodTopologySpreadArgs(DefaultingType.List, constraints);
  }

  /**
   * Upstream {@code ValidatePodTopologySpreadArgs}: every problem as {@code field: message}, empty when valid.
   * Default constraints need {@code maxSkew > 0}, a valid label key as {@code topologyKey}, a known
   * {@code whenUnsatisfiable}, no {@code labelSelector}, and distinct {@code (topologyKey, whenUnsatisfiable)}.
   */
  public List<String> problems() {
    List<String> errs = new ArrayList<>();
    if (defaultingType == DefaultingType.System && !defaultConstraints.isEmpty()) {
      errs.add(FieldErrors.invalid("defaultingType", "System", "when .defaultConstraints are not empty"));
    }
    for (int i = 0; i < defaultConstraints.size(); i++) {
      TopologySpreadConstraint c = defaultConstraints.get(i);
      String p = "defaultConstraints[" + i + "]";
      if (c.maxSkew() <= 0) errs.add(FieldErrors.invalid(p + ".maxSkew", c.maxSkew(), "not in valid range (0, inf)"));
      String key = c.topologyKey() == null ? "" : c.topologyKey();
      if (key.isEmpty()) {
        errs.add(FieldErrors.required(p + ".topologyKey", "can not be empty"));
      } else {
        errs.addAll(FieldErrors.labelName(p + ".topologyKey", key));
      }
      String action = c.whenUnsatisfiable() == null ? "" : c.whenUnsatisfiable();
      if (action.isEmpty()) {
        errs.add(FieldErrors.required(p + ".whenUnsatisfiable", "can not be empty"));
      } else if (!action.equals(TopologySpreadConstraint.DO_NOT_SCHEDULE) && !action.equals(TopologySpreadConstraint.SCHEDULE_ANYWAY)) {
        errs.add(FieldErrors.notSupported(p + ".whenUnsatisfiable", action,
            java.util.List.of(TopologySpreadConstraint.DO_NOT_SCHEDULE, TopologySpreadConstraint.SCHEDULE_ANYWAY)));
      }
      if (c.labelSelector() != null) {
        errs.add(FieldErrors.forbidden(p + ".labelSelector", "constraint must not define a selector, as they deduced for each pod"));
      }
      for (int j = 0; j < i; j++) {
        TopologySpreadConstraint other = defaultConstraints.get(j);
        if (key.equals(other.topologyKey() == null ? "" : other.topologyKey())
            && action.equals(other.whenUnsatisfiable() == null ? "" : other.whenUnsatisfiable())) {
          errs.add(FieldErrors.duplicate("defaultConstraints[" + i + "]", "{" + key + ", " + action + "}"));
          break;
        }
      }
    }
    return errs;
  }

  /** Throws {@link IllegalArgumentException} with upstream's aggregated message when {@link #problems()} is not empty. */
  public PodTopologySpreadArgs validate() {
    List<String> errs = problems();
    if (!errs.isEmpty()) throw new IllegalArgumentException(FieldErrors.aggregate(errs));
    return this;
  }
}
