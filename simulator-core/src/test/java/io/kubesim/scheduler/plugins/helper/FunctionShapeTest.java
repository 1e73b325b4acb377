package io.kubesim.scheduler.plugins.helper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class FunctionShapeTest {

  // Upstream helper/shape_score_test.go uses the same shape: (10,1) (30,5) (70,2).
  private static final FunctionShape SHAPE = new FunctionShape(List.of(
      new FunctionShape.Point(10, 1), new FunctionShape.Point(30, 5), new FunctionShape.Point(70, 2)));

  record Case(String name, long utilization, long expected) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Case> cases() {
    return Stream.of(
        new Case("below the first point is the first score", 0, 1),
        new Case("on the first point", 10, 1),
        new Case("rising segment interpolates", 15, 2),
        new Case("on a middle point", 30, 5),
        new Case("falling segment interpolates with integer division", 50, 4),
        new Case("on the last point", 70, 2),
        new Case("above the last point is the last score", 100, 2));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void interpolates(Case c) {
    assertThat(SHAPE.apply(c.utilization())).isEqualTo(c.expected());
  }

  @org.junit.jupiter.api.Test
  void an_empty_shape_is_rejected() {
    assertThatThrownBy(() -> new FunctionShape(List.of())).isInstanceOf(IllegalArgumentException.class);
  }
}
