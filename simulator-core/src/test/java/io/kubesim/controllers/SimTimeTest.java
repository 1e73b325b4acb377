package io.kubesim.controllers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SimTimeTest {
  @Test
  void formatTruncatesToTheSecondAfterTheEpoch() {
    assertThat(SimTime.format(0)).isEqualTo("2026-01-01T00:00:00Z");
    assertThat(SimTime.format(12_999)).isEqualTo("2026-01-01T00:00:12Z");
    assertThat(SimTime.format(3_600_000)).isEqualTo("2026-01-01T01:00:00Z");
    assertThat(SimTime.format(-1)).isEqualTo("2025-12-31T23:59:59Z");
  }

  @Test
  void parseReadsFractionsAndOffsets() {
    assertThat(SimTime.parse("2026-01-01T00:00:12Z")).isEqualTo(12_000);
    assertThat(SimTime.parse("2026-01-01T00:00:12.345Z")).isEqualTo(12_345);
    assertThat(SimTime.parse("2026-01-01T01:00:00+01:00")).isZero();
  }

  @Test
  void aRoundTripLosesTheMilliseconds() {
    assertThat(SimTime.parse(SimTime.format(61_700))).isEqualTo(SimTime.truncate(61_700)).isEqualTo(61_000);
  }

  @Test
  void invalidTextIsRejected() {
    assertThatThrownBy(() -> SimTime.parse("yesterday")).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("yesterday");
    assertThatThrownBy(() -> SimTime.parse(null)).isInstanceOf(IllegalArgumentException.class);
    assertThat(SimTime.isZero(null)).isTrue();
    assertThat(SimTime.isZero("2026-01-01T00:00:00Z")).isFalse();
  }
}
