package io.kubesim.api.labels;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kubesim.api.LabelSelector;
import io.kubesim.api.LabelSelectorRequirement;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SelectorTest {

  @Test
  void aNilSelectorMatchesNothingWhileAnEmptyOneMatchesEverything() {
    assertThat(Selector.of(null).matches(Map.of())).isFalse();
    assertThat(Selector.of(null).isEmpty()).isFalse();
    assertThat(Selector.of(LabelSelector.EMPTY).matches(Map.of("a", "b"))).isTrue();
    assertThat(Selector.of(LabelSelector.EMPTY).isEmpty()).isTrue();
  }

  @Test
  void matchLabelsAndExpressionsAreAnded() {
    Selector s = Selector.of(new LabelSelector(Map.of("app", "web"),
        List.of(new LabelSelectorRequirement("tier", "NotIn", List.of("db")))));
    assertThat(s.matches(Map.of("app", "web"))).isTrue();
    assertThat(s.matches(Map.of("app", "web", "tier", "db"))).isFalse();
    assertThat(s.matches(Map.of("tier", "fe"))).isFalse();
  }

  @Test
  void existsAndDoesNotExistLookOnlyAtTheKey() {
    Selector exists = Selector.of(new LabelSelector(null, List.of(new LabelSelectorRequirement("foo", "Exists", null))));
    Selector absent = Selector.of(new LabelSelector(null, List.of(new LabelSelectorRequirement("foo", "DoesNotExist", null))));
    assertThat(exists.matches(Map.of("foo", ""))).isTrue();
    assertThat(absent.matches(Map.of("foo", ""))).isFalse();
    assertThat(absent.matches(Map.of())).isTrue();
  }

  @Test
  void andingIntoNothingStaysNothing() {
    assertThat(Selector.NOTHING.and(Selector.fromSet(Map.of("a", "b")))).isSameAs(Selector.NOTHING);
    assertThat(Selector.EVERYTHING.and(Selector.fromSet(Map.of("a", "b"))).matches(Map.of("a", "b"))).isTrue();
  }

  @Test
  void invalidRequirementsAreRejectedWithUpstreamsWords() {
    assertThatThrownBy(() -> Selector.of(new LabelSelector(null, List.of(new LabelSelectorRequirement("a", "In", List.of())))))
        .hasMessageContaining("values set can't be empty");
    assertThatThrownBy(() -> Selector.of(new LabelSelector(null, List.of(new LabelSelectorRequirement("a", "Near", List.of())))))
        .hasMessageContaining("is not a valid label selector operator");
  }

  @Test
  void equalSelectorsAreEqualRegardlessOfMatchLabelsOrder() {
    assertThat(Selector.fromSet(Map.of("a", "1", "b", "2"))).isEqualTo(Selector.of(LabelSelector.matchLabels(Map.of("b", "2", "a", "1"))));
  }
}
