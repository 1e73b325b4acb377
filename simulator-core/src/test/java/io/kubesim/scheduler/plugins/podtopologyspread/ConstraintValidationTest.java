package io.kubesim.scheduler.plugins.podtopologyspread;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubesim.api.LabelSelector;
import io.kubesim.api.TopologySpreadConstraint;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** What the API server rejects in a pod's topologySpreadConstraints, with upstream's messages. */
class ConstraintValidationTest {

  private static final LabelSelector APP = LabelSelector.matchLabels(Map.of("app", "web"));

  private static TopologySpreadConstraint c(int maxSkew, String key, String action) {
    return new TopologySpreadConstraint(maxSkew, key, action, APP, null, null, null, null);
  }

  record Row(String name, List<TopologySpreadConstraint> constraints, List<String> errors) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Row> rows() {
    String p = "spec.topologySpreadConstraints[0].";
    return Stream.of(
        new Row("maxSkew below 1", List.of(c(0, "zone", "DoNotSchedule")),
            List.of(p + "maxSkew: Invalid value: 0: must be greater than zero")),
        new Row("an empty topologyKey", List.of(c(1, "", "DoNotSchedule")),
            List.of(p + "topologyKey: Required value: can not be empty")),
        new Row("an unknown whenUnsatisfiable", List.of(c(1, "zone", "Never")),
            List.of(p + "whenUnsatisfiable: Unsupported value: \"Never\": supported values: \"DoNotSchedule\", \"ScheduleAnyway\"")),
        new Row("minDomains below 1", List.of(new TopologySpreadConstraint(1, "zone", "DoNotSchedule", APP, 0, null, null, null)),
            List.of(p + "minDomains: Invalid value: 0: must be greater than zero")),
        new Row("minDomains with ScheduleAnyway", List.of(new TopologySpreadConstraint(1, "zone", "ScheduleAnyway", APP, 3, null, null, null)),
            List.of(p + "minDomains: Invalid value: 3: can only use minDomains if whenUnsatisfiable=DoNotSchedule, not ScheduleAnyway")),
        new Row("an unknown node inclusion policy", List.of(new TopologySpreadConstraint(1, "zone", "DoNotSchedule", APP, null, "Always", null, null)),
            List.of(p + "nodeAffinityPolicy: Unsupported value: \"Always\": supported values: \"Honor\", \"Ignore\"")),
        new Row("a matchLabelKeys key also in the labelSelector", List.of(c(1, "zone", "DoNotSchedule").withMatchLabelKeys(List.of("app"))),
            List.of(p + "matchLabelKeys[0]: Invalid value: \"app\": exists in both matchLabelKeys and labelSelector")),
        new Row("matchLabelKeys with a nil labelSelector",
            List.of(c(1, "zone", "DoNotSchedule").withLabelSelector(null).withMatchLabelKeys(List.of("pod-template-hash"))),
            List.of(p + "matchLabelKeys: Forbidden: must not be specified when labelSelector is not set")),
        new Row("a duplicate (topologyKey, whenUnsatisfiable) is reported on the first of the pair",
            List.of(c(1, "zone", "DoNotSchedule"), c(2, "zone", "DoNotSchedule")),
            List.of(p + "{topologyKey, whenUnsatisfiable}: Duplicate value: \"{zone, DoNotSchedule}\"")),
        new Row("the same key with different actions is fine", List.of(c(1, "zone", "DoNotSchedule"), c(2, "zone", "ScheduleAnyway")),
            List.of()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rows")
  void validate(Row row) {
    assertThat(ConstraintValidation.validate(row.constraints())).isEqualTo(row.errors());
  }

  @Test
  void violationsAreLocatedByIndexUnderTheGivenPath() {
    List<ConstraintValidation.Violation> v = ConstraintValidation.check(
        List.of(c(1, "zone", "DoNotSchedule"), c(0, "rack", "DoNotSchedule")), "pod.spec.topologySpreadConstraints");
    assertThat(v).containsExactly(new ConstraintValidation.Violation(1, "pod.spec.topologySpreadConstraints[1].maxSkew",
        "Invalid value: 0: must be greater than zero"));
  }
}
