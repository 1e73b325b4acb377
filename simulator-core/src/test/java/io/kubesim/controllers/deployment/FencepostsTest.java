package io.kubesim.controllers.deployment;

import static io.kubesim.api.IntOrString.of;
import static io.kubesim.api.IntOrString.percent;
import static org.assertj.core.api.Assertions.assertThat;

import io.kubesim.api.Deployment;
import io.kubesim.api.IntOrString;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

class FencepostsTest {
  record Row(String name, int replicas, IntOrString surge, IntOrString unavailable, int expectedSurge, int expectedUnavailable) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Row> rows() {
    return Stream.of(
        new Row("10 replicas at 25%/25%: surge 2.5 rounds up, unavailable 2.5 rounds down", 10, percent(25), percent(25), 3, 2),
        new Row("4 replicas at 25%/25%", 4, percent(25), percent(25), 1, 1),
        new Row("3 replicas at 25%/25%: unavailable 0.75 rounds to 0", 3, percent(25), percent(25), 1, 0),
        new Row("1 replica at 25%/25%", 1, percent(25), percent(25), 1, 0),
        new Row("2 replicas at 0/25%: both zero, unavailable forced to 1", 2, of(0), percent(25), 0, 1),
        new Row("3 replicas at 0/20%: 0.6 rounds down, forced to 1", 3, of(0), percent(20), 0, 1),
        new Row("integers are used as they are", 10, of(2), of(7), 2, 7),
        new Row("an absent field resolves to 0", 10, null, of(0), 0, 1));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rows")
  void resolvesLikeUpstream(Row row) {
    assertThat(Fenceposts.resolve(row.surge(), row.unavailable(), row.replicas()))
        .isEqualTo(new Fenceposts(row.expectedSurge(), row.expectedUnavailable()));
  }

  @Test
  void maxUnavailableIsCappedAtReplicasAndZeroWithoutReplicas() {
    assertThat(Fenceposts.maxUnavailable(Fixtures.deployment(2, of(1), of(5)))).isEqualTo(2);
    assertThat(Fenceposts.maxUnavailable(Fixtures.deployment(0, of(1), of(5)))).isZero();
    assertThat(Fenceposts.minAvailable(Fixtures.deployment(10, percent(25), percent(25)))).isEqualTo(8);
  }

  @Test
  void recreateHasNeitherSurgeNorUnavailability() {
    Deployment d = Fixtures.recreate(5);
    assertThat(Fenceposts.maxSurge(d)).isZero();
    assertThat(Fenceposts.maxUnavailable(d)).isZero();
    assertThat(Fenceposts.minAvailable(d)).isZero();
  }

  @Test
  void aMissingRollingUpdateFieldDefaultsTo25Percent() {
    Deployment d = Fixtures.deployment(10, (IntOrString) null, (IntOrString) null);
    assertThat(Fenceposts.maxSurge(d)).isEqualTo(3);
    assertThat(Fenceposts.maxUnavailable(d)).isEqualTo(2);
  }
}
