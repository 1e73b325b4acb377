package io.kubesim.kubelet.cm.topologymanager;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class NumaMaskTest {

  @Test
  void narrowerMeansFewerNodesThenTheNumericallySmallerMask() {
    assertThat(NumaMask.of(3).isNarrowerThan(NumaMask.of(0, 1))).isTrue();
    assertThat(NumaMask.of(1, 2).isNarrowerThan(NumaMask.of(0, 3))).as("6 < 9").isTrue();
    assertThat(NumaMask.of(0, 3).isNarrowerThan(NumaMask.of(1, 2))).isFalse();
    assertThat(NumaMask.of(1).isNarrowerThan(NumaMask.of(1))).isFalse();
  }

  @Test
  void theHighestBitComparesAsUnsigned() {
    assertThat(NumaMask.of(0).isLessThan(NumaMask.of(63))).isTrue();
    assertThat(NumaMask.of(63).isLessThan(NumaMask.of(0))).isFalse();
  }

  @Test
  void bitMasksAreIteratedBySizeThenLexicographically() {
    List<String> seen = new ArrayList<>();
    NumaMask.iterateBitMasks(new int[] {0, 1, 2}, m -> seen.add(m.toString()));
    assertThat(seen).containsExactly("0", "1", "2", "0-1", "0,2", "1-2", "0-2");
  }

  @Test
  void masksCombineAndReportTheirNodes() {
    NumaMask m = NumaMask.of(0, 2).and(NumaMask.of(2, 3));
    assertThat(m.nodes()).containsExactly(2);
    assertThat(m.count()).isEqualTo(1);
    assertThat(NumaMask.of(0).or(NumaMask.of(5))).hasToString("0,5");
    assertThat(NumaMask.of().isEmpty()).isTrue();
  }

  @Test
  void onlySixtyFourNodesFitInAMask() {
    assertThatThrownBy(() -> NumaMask.of(64)).hasMessageContaining("bit number must be less than 64");
  }
}
