package io.kubesim.api.labels;

import io.kubesim.api.LabelSelector;
import io.kubesim.api.LabelSelectorRequirement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * A compiled label selector (upstream {@code labels.Selector}): requirements ANDed.
 *
 * <p>Upstream's two special values matter for scheduling: {@link #NOTHING} (from a nil
 * {@code labelSelector}) matches no labels at all, while {@link #EVERYTHING} (from {@code {}})
 * matches all labels and reports {@link #isEmpty()}.
 */
public final class Selector {

  /** A requirement; {@code operator} is one of In, NotIn, Exists, DoesNotExist. */
  public record Requirement(String key, String operator, Set<String> values) {
    boolean matches(Map<String, String> labels) {
      String v = labels.get(key);
      return switch (operator) {
        case "In" -> v != null && values.contains(v);
        case "NotIn" -> v == null || !values.contains(v);
        case "Exists" -> v != null;
        case "DoesNotExist" -> v == null;
        default -> false;
      };
    }
  }

  public static final Selector NOTHING = new Selector(List.of(), true);
  public static final Selector EVERYTHING = new Selector(List.of(), false);

  private final List<Requirement> requirements;
  private final boolean nothing;

  private Selector(List<Requirement> requirements, boolean nothing) {
    this.requirements = List.copyOf(requirements);
    this.nothing = nothing;
  }

  /**
   * Upstream {@code metav1.LabelSelectorAsSelector}: null → {@link #NOTHING}, {@code {}} → {@link #EVERYTHING}.
   *
   * @throws IllegalArgumentException for an invalid requirement (unknown operator, In/NotIn without
   *     values, Exists/DoesNotExist with values)
   */
  public static Selector of(LabelSelector selector) {
    if (selector == null) return NOTHING;
    List<Requirement> reqs = new ArrayList<>();
    new TreeMap<>(selector.matchLabels()).forEach((k, v) -> reqs.add(new Requirement(k, "In", Set.of(v))));
    for (LabelSelectorRequirement r : selector.matchExpressions()) {
      reqs.add(requirement(r));
    }
    return new Selector(reqs, false);
  }

  /** Upstream {@code labels.SelectorFromSet}: equality on every entry; an empty map is {@link #EVERYTHING}. */
  public static Selector fromSet(Map<String, String> set) {
    List<Requirement> reqs = new ArrayList<>();
    new TreeMap<>(set).forEach((k, v) -> reqs.add(new Requirement(k, "In", Set.of(v))));
    return new Selector(reqs, false);
  }

  private static Requirement requirement(LabelSelectorRequirement r) {
    switch (r.operator()) {
      case "In", "NotIn" -> {
        if (r.values().isEmpty()) {
          throw new IllegalArgumentException("values: Required value: for 'in', 'notin' operators, values set can't be empty");
        }
      }
      case "Exists", "DoesNotExist" -> {
        if (!r.values().isEmpty()) {
          throw new IllegalArgumentException("values: Invalid value: for 'exists', 'doesnotexist' operators, values set must be empty");
        }
      }
      default -> throw new IllegalArgumentException("\"" + r.operator() + "\" is not a valid label selector operator");
    }
    return new Requirement(r.key(), r.operator(), Set.copyOf(r.values()));
  }

  public boolean matches(Map<String, String> labels) {
    if (nothing) return false;
    for (Requirement r : requirements) {
      if (!r.matches(labels)) return false;
    }
    return true;
  }

  /** True for a selector with no requirements that is not {@link #NOTHING}. */
  public boolean isEmpty() {
    return !nothing && requirements.isEmpty();
  }

  public boolean isNothing() {
    return nothing;
  }

  public List<Requirement> requirements() {
    return requirements;
  }

  /** This AND {@code other}'s requirements; {@link #NOTHING} stays NOTHING (upstream cannot merge into it). */
  public Selector and(Selector other) {
    if (nothing || other.nothing) return NOTHING;
    List<Requirement> reqs = new ArrayList<>(requirements);
    reqs.addAll(other.requirements);
    return new Selector(reqs, false);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Selector s && s.nothing == nothing && s.requirements.equals(requirements);
  }

  @Override
  public int hashCode() {
    return requirements.hashCode() * 31 + (nothing ? 1 : 0);
  }

  @Override
  public String toString() {
    if (nothing) return "<nothing>";
    List<String> parts = new ArrayList<>();
    for (Requirement r : requirements) {
      parts.add(switch (r.operator()) {
        case "Exists" -> r.key();
        case "DoesNotExist" -> "!" + r.key();
        case "In" -> r.values().size() == 1 ? r.key() + "=" + r.values().iterator().next() : r.key() + " in " + r.values();
        default -> r.key() + " notin " + r.values();
      });
    }
    return String.join(",", parts);
  }
}
