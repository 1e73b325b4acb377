package io.kubesim.testing;

import io.kubesim.api.LabelSelector;
import io.kubesim.api.LabelSelectorRequirement;
import java.util.List;
import java.util.Map;

/**
 * Label selectors and their {@code matchExpressions} entries:
 * {@code matchExpressions(in("app", "web", "api"), exists("tier"))}. {@link LabelSelector#EMPTY}
 * ({@code {}}) selects everything.
 */
public final class LabelSelectors {
  private LabelSelectors() {}

  /** A selector with {@code matchLabels} from {@code key, value, key, value, ...}. */
  public static LabelSelector matchLabels(String... keyValues) {
    return LabelSelector.matchLabels(ResourceLists.pairs(keyValues));
  }

  /** A selector with these {@code matchExpressions} (ANDed) and no {@code matchLabels}. */
  public static LabelSelector matchExpressions(LabelSelectorRequirement... requirements) {
    return new LabelSelector(Map.of(), List.of(requirements));
  }

  /** {@code key In (values)}. */
  public static LabelSelectorRequirement in(String key, String... values) {
    return new LabelSelectorRequirement(key, "In", List.of(values));
  }

  /** {@code key NotIn (values)}. */
  public static LabelSelectorRequirement notIn(String key, String... values) {
    return new LabelSelectorRequirement(key, "NotIn", List.of(values));
  }

  /** {@code key Exists}. */
  public static LabelSelectorRequirement exists(String key) {
    return new LabelSelectorRequirement(key, "Exists", List.of());
  }

  /** {@code key DoesNotExist}. */
  public static LabelSelectorRequirement doesNotExist(String key) {
    return new LabelSelectorRequirement(key, "DoesNotExist", List.of());
  }
}
