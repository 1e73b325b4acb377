package io.kubesim.scheduler.plugins.podtopologyspread;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kubesim.api.LabelSelector;
import io.kubesim.api.TopologySpreadConstraint;
import io.kubesim.scheduler.framework.Features;
import io.kubesim.scheduler.plugins.podtopologyspread.PodTopologySpreadArgs.DefaultingType;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Upstream {@code ValidatePodTopologySpreadArgs}, messages included. */
class PodTopologySpreadArgsTest {

  private static TopologySpreadConstraint c(int maxSkew, String key, String action) {
    return new TopologySpreadConstraint(maxSkew, key, action, null, null, null, null, null);
  }

  record Row(String name, PodTopologySpreadArgs args, String message) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Row> invalid() {
    return Stream.of(
        new Row("System defaulting with constraints", new PodTopologySpreadArgs(DefaultingType.System, List.of(c(1, "zone", "DoNotSchedule"))),
            "defaultingType: Invalid value: \"System\": when .defaultConstraints are not empty"),
        new Row("maxSkew 0", PodTopologySpreadArgs.list(List.of(c(0, "zone", "DoNotSchedule"))),
            "defaultConstraints[0].maxSkew: Invalid value: 0: not in valid range (0, inf)"),
        new Row("an empty topologyKey", PodTopologySpreadArgs.list(List.of(c(1, "", "DoNotSchedule"))),
            "defaultConstraints[0].topologyKey: Required value: can not be empty"),
        new Row("a topologyKey that is no label key", PodTopologySpreadArgs.list(List.of(c(1, "a b", "DoNotSchedule"))),
            "defaultConstraints[0].topologyKey: Invalid value: \"a b\": name part must consist of alphanumeric characters, '-', '_' or '.', "
                + "and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', "
                + "regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')"),
        new Row("an unknown whenUnsatisfiable", PodTopologySpreadArgs.list(List.of(c(1, "zone", "Sometimes"))),
            "defaultConstraints[0].whenUnsatisfiable: Unsupported value: \"Sometimes\": supported values: \"DoNotSchedule\", \"ScheduleAnyway\""),
        new Row("a labelSelector", PodTopologySpreadArgs.list(List.of(c(1, "zone", "DoNotSchedule").withLabelSelector(LabelSelector.EMPTY))),
            "defaultConstraints[0].labelSelector: Forbidden: constraint must not define a selector, as they deduced for each pod"),
        new Row("a repeated (topologyKey, whenUnsatisfiable)",
            PodTopologySpreadArgs.list(List.of(c(1, "zone", "DoNotSchedule"), c(2, "zone", "DoNotSchedule"))),
            "defaultConstraints[1]: Duplicate value: \"{zone, DoNotSchedule}\""),
        new Row("several problems are aggregated in brackets", PodTopologySpreadArgs.list(List.of(c(0, "", "DoNotSchedule"))),
            "[defaultConstraints[0].maxSkew: Invalid value: 0: not in valid range (0, inf), "
                + "defaultConstraints[0].topologyKey: Required value: can not be empty]"));
  }

  @ParameterizedTest(name = "{0} is rejected")
  @MethodSource("invalid")
  void invalidArgs(Row row) {
    assertThatThrownBy(() -> new PodTopologySpread(row.args(), Features.DEFAULTS))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(row.message());
  }

  @Test
  void nullArgsMeanSystemDefaulting() {
    PodTopologySpread plugin = new PodTopologySpread(null, Features.DEFAULTS);
    assertThat(plugin.systemDefaulted()).isTrue();
    assertThat(plugin.defaultConstraints()).isEqualTo(PodTopologySpread.SYSTEM_DEFAULT_CONSTRAINTS);
    assertThat(new PodTopologySpreadArgs(null, null).defaultingType()).isEqualTo(DefaultingType.System);
  }

  @Test
  void listDefaultingMayHaveNoConstraints() {
    PodTopologySpread plugin = new PodTopologySpread(PodTopologySpreadArgs.list(List.of()), Features.DEFAULTS);
    assertThat(plugin.systemDefaulted()).isFalse();
    assertThat(plugin.defaultConstraints()).isEmpty();
  }

  @Test
  void theFactoryRejectsForeignArgs() {
    assertThatThrownBy(() -> PodTopologySpread.factory().create("nope", Features.DEFAULTS))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("PodTopologySpreadArgs");
    assertThat(PodTopologySpread.factory().create(null, null).name()).isEqualTo("PodTopologySpread");
  }
}
