package io.kubesim.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class BenchArgumentsTest {

  @Test
  void theDocumentedInvocationsAreAccepted() {
    assertThat(BenchMain.badArguments(List.of("--quick"))).isNull();
    assertThat(BenchMain.badArguments(List.of("--include", "CpuManager.*", "--prof", "gc", "--out", "/tmp/x"))).isNull();
    assertThat(BenchMain.badArguments(List.of("placement", "--nodes", "1000,5000", "--pct", "0,100", "--runs", "3"))).isNull();
  }

  @Test
  void anUnknownOptionIsRefusedRatherThanStartingAFullRun() {
    assertThat(BenchMain.badArguments(List.of("--quik"))).isEqualTo("unknown argument \"--quik\"");
    assertThat(BenchMain.badArguments(List.of("placement", "--quick"))).isEqualTo("unknown argument \"--quick\" for bench placement");
  }

  @Test
  void malformedNumbersAndMissingValuesAreNamed() {
    assertThat(BenchMain.badArguments(List.of("placement", "--nodes", "abc"))).startsWith("--nodes: \"abc\"");
    assertThat(BenchMain.badArguments(List.of("placement", "--runs", "0"))).startsWith("--runs: \"0\"");
    assertThat(BenchMain.badArguments(List.of("--include"))).isEqualTo("--include needs a value");
  }
}
