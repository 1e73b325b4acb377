package io.kubesim.controllers;

import static io.kubesim.controllers.PodBuilder.pod;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PodStateTest {
  @Test
  void terminalAndTerminatingPodsAreNotActive() {
    assertThat(PodState.isActive(pod("a").running().build())).isTrue();
    assertThat(PodState.isActive(pod("a").build())).isTrue();
    assertThat(PodState.isActive(pod("a").phase("Succeeded").build())).isFalse();
    assertThat(PodState.isActive(pod("a").phase("Failed").build())).isFalse();
    assertThat(PodState.isActive(pod("a").running().deleting(5).build())).isFalse();
  }

  @Test
  void availabilityIsInclusiveAtReadyPlusMinReadySeconds() {
    var p = pod("a").readySince(10).build();
    assertThat(PodState.isAvailable(p, 5, 14_999)).isFalse();
    assertThat(PodState.isAvailable(p, 5, 15_000)).isTrue();
    assertThat(PodState.availableAtMs(p, 5)).isEqualTo(15_000);
  }

  @Test
  void minReadySecondsZeroNeedsOnlyReadiness() {
    assertThat(PodState.isAvailable(pod("a").readySince(100).build(), 0, 0)).isTrue();
    assertThat(PodState.isAvailable(pod("a").running().notReady().build(), 0, 1_000_000)).isFalse();
  }

  @Test
  void aReadyPodWithoutTransitionTimeIsNeverAvailableWithMinReadySeconds() {
    var p = pod("a").running().build();
    var readyNoTime = new io.kubesim.api.Pod(p.metadata(), p.spec(),
        new io.kubesim.api.PodStatus("Running", null, java.util.List.of(new io.kubesim.api.PodCondition("Ready", "True", null, null)), null, null));
    assertThat(PodState.isAvailable(readyNoTime, 1, Long.MAX_VALUE / 2)).isFalse();
    assertThat(PodState.isAvailable(readyNoTime, 0, 0)).isTrue();
  }
}
