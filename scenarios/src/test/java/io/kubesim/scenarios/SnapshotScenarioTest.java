package io.kubesim.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubesim.cli.Main;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SnapshotScenarioTest {
  @TempDir Path out;

  @Test
  void aKubectlSnapshotKeepsItsRunningPodsAndTheControllersAdoptThem() throws Exception {
    int code = Main.execute("run", "src/test/resources/scenarios/snapshot/snap.yaml", "--out", out.resolve("o").toString());
    assertThat(code).isZero();
    String summary = Files.readString(out.resolve("o/summary.json"));
    // Scaling 2 → 4 schedules exactly the 2 new pods: the snapshot's bound pods were kept, not recreated.
    assertThat(summary).containsPattern("\"decisions\"\\s*:\\s*2\\b");
  }
}
