package io.kubesim.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class QuantityTest {

  @ParameterizedTest(name = "{0} is {1} millis")
  @CsvSource({
    "500m, 500",
    "2, 2000",
    "1.5, 1500",
    "0.1, 100",
    "1e3, 1000000",
    "2k, 2000000",
    "100u, 1",
    "1n, 1",
    ".5, 500",
  })
  void parsesDecimalQuantitiesAndRoundsMillisUp(String text, long millis) {
    assertThat(Quantity.parse(text).milliValue()).isEqualTo(millis);
  }

  @ParameterizedTest(name = "{0} is {1} bytes")
  @CsvSource({
    "1Ki, 1024",
    "1Gi, 1073741824",
    "64Gi, 68719476736",
    "1G, 1000000000",
    "1.5Mi, 1572864",
    "1E, 1000000000000000000",
    "100m, 1",
  })
  void parsesBinaryAndDecimalSuffixesAndRoundsValueUp(String text, long bytes) {
    assertThat(Quantity.parse(text).value()).isEqualTo(bytes);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "abc", "1x", "1 Gi", "Gi", "1.2.3", "1ki"})
  void rejectsWhatKubernetesRejects(String text) {
    assertThatThrownBy(() -> Quantity.parse(text)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("invalid quantity");
  }

  @ParameterizedTest
  @CsvSource({"1000m, 1", "2k, 2000", "1e3, 1k"})
  void equalAmountsAreEqualWhateverTheirSpelling(String a, String b) {
    assertThat(Quantity.parse(a)).isEqualTo(Quantity.parse(b)).hasSameHashCodeAs(Quantity.parse(b));
  }

  @ParameterizedTest
  @CsvSource({"4, true", "4000m, true", "1500m, false", "0.5, false"})
  void knowsWhetherItIsAWholeNumber(String text, boolean integer) {
    assertThat(Quantity.parse(text).isInteger()).isEqualTo(integer);
  }
}
