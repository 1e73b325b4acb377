package io.kubesim.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TolerationTest {
  private final Taint taint = new Taint("dedicated", "gpu", TaintEffect.NoSchedule);

  @Test
  void equalOperatorComparesKeyAndValue() {
    assertThat(new Toleration("dedicated", "Equal", "gpu", TaintEffect.NoSchedule, null).tolerates(taint)).isTrue();
    assertThat(new Toleration("dedicated", "Equal", "cpu", TaintEffect.NoSchedule, null).tolerates(taint)).isFalse();
    assertThat(new Toleration("dedicated", null, "gpu", null, null).tolerates(taint)).isTrue();
  }

  @Test
  void existsIgnoresTheValueAndAnEmptyKeyMatchesEveryKey() {
    assertThat(new Toleration("dedicated", "Exists", null, null, null).tolerates(taint)).isTrue();
    assertThat(new Toleration("", "Exists", null, null, null).tolerates(taint)).isTrue();
    assertThat(new Toleration("other", "Exists", null, null, null).tolerates(taint)).isFalse();
  }

  @Test
  void anEffectMustMatchUnlessLeftEmpty() {
    assertThat(new Toleration("dedicated", "Exists", null, TaintEffect.NoExecute, null).tolerates(taint)).isFalse();
    assertThat(new Toleration("dedicated", "Exists", null, TaintEffect.NoSchedule, null).tolerates(taint)).isTrue();
  }

  @Test
  void comparisonOperatorsNeverTolerateWhileTheirGateIsOff() {
    assertThat(new Toleration("dedicated", "Gt", "1", null, null).tolerates(taint)).isFalse();
  }
}
