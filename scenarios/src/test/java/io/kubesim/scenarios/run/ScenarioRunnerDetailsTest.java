package io.kubesim.scenarios.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubesim.scenarios.Scenario;
import io.kubesim.scenarios.ScenarioFile;
import io.kubesim.scenarios.ScenarioLoader;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Recording the scheduler's per-node details (what the explorer shows) must not change what happens. */
class ScenarioRunnerDetailsTest {

  @Test
  void recordingDetailsLeavesTheRunUnchanged() {
    ScenarioFile sf = new ScenarioLoader().load(Path.of("library/rolling-upgrade-zone-skew.yaml"));
    Scenario s = sf.decode(sf.variants().get(0));
    VariantResult plain = new ScenarioRunner(Engines.DEFAULT).run(s);
    VariantResult detailed = new ScenarioRunner(Engines.DEFAULT, true).run(s);
    assertThat(detailed.samples()).isEqualTo(plain.samples());
    assertThat(detailed.marks()).isEqualTo(plain.marks());
    assertThat(detailed.expectations()).isEqualTo(plain.expectations());
  }
}
