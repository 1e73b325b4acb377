package io.kubesim.scheduler.plugins.helper;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class NormalizeScoreTest {

  record Case(String name, boolean reverse, long[] scores, long[] expected) {
    @Override
    public String toString() {
      return name;
    }
  }

  // Upstream helper/normalize_score_test.go.
  static Stream<Case> cases() {
    return Stream.of(
        new Case("scores scale to the highest", false, new long[] {1, 2, 3, 4}, new long[] {25, 50, 75, 100}),
        new Case("reversed scores scale to the highest", true, new long[] {1, 2, 3, 4}, new long[] {75, 50, 25, 0}),
        new Case("one outlier squeezes the others down, integer division", false, new long[] {1000, 10, 20, 30}, new long[] {100, 1, 2, 3}),
        new Case("reversed outlier", true, new long[] {1000, 10, 20, 30}, new long[] {0, 99, 98, 97}),
        new Case("equal scores all get the maximum", false, new long[] {1, 1, 1, 1}, new long[] {100, 100, 100, 100}),
        new Case("all zero stays zero", false, new long[] {0, 0, 0, 0}, new long[] {0, 0, 0, 0}),
        new Case("all zero reversed become the maximum", true, new long[] {0, 0, 0, 0}, new long[] {100, 100, 100, 100}));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void normalizes(Case c) {
    long[] scores = c.scores().clone();
    NormalizeScore.defaultNormalizeScore(100, c.reverse(), scores);
    assertThat(scores).containsExactly(c.expected());
  }
}
