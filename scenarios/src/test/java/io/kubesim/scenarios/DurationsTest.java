package io.kubesim.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DurationsTest {

  @ParameterizedTest(name = "{0} = {1} ms")
  @CsvSource({"90s, 90000", "5m, 300000", "1h30m, 5400000", "1.5h, 5400000", "500ms, 500", "0, 0", "2m30s250ms, 150250", "0.5s, 500"})
  void parsesGoDurations(String text, long ms) {
    assertThat(Durations.parseOrNull(text)).isEqualTo(ms);
  }

  @ParameterizedTest(name = "\"{0}\" is not a duration")
  @ValueSource(strings = {"", "90", "5 min", "5min", "m5", "1h-30m", "1.5", "0.0001s", "-5s", "5d"})
  void rejectsAnythingElse(String text) {
    assertThat(Durations.parseOrNull(text)).isNull();
  }

  @ParameterizedTest(name = "{0} ms = {1}")
  @CsvSource({"0, 0s", "90000, 1m30s", "5400000, 1h30m", "250, 250ms", "3600000, 1h", "61001, 1m1s1ms"})
  void formatsAsWritten(long ms, String text) {
    assertThat(Durations.format(ms)).isEqualTo(text);
    assertThat(Durations.parseOrNull(text)).isEqualTo(ms);
  }
}
