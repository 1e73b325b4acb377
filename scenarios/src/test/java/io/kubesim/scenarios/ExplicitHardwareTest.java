package io.kubesim.scenarios;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kubesim.yaml.InputError;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExplicitHardwareTest {
  @TempDir Path dir;

  private Scenario load(String hardware) throws Exception {
    Path file = dir.resolve("s.yaml");
    Files.writeString(file, """
        apiVersion: kubesim.io/v1alpha1
        kind: Scenario
        name: explicit
        duration: 1m
        nodePools:
        - name: box
          count: 1
          hardware: %s
          kubelet: {cpuManagerPolicy: static, reservedSystemCPUs: "0"}
        """.formatted(hardware));
    return new ScenarioLoader().load(file).decodeAll().get(0);
  }

  @Test
  void aPoolsTopologyCanBeWrittenCpuByCpu() throws Exception {
    // 2 cores x 2 threads, one socket, one NUMA node: CPUs 0,2 on core 0 and 1,3 on core 1.
    Scenario s = load("{cpus: [[0, 0, 0, 0], [1, 1, 0, 0], [2, 0, 0, 0], [3, 1, 0, 0]]}");
    assertThat(s.nodePools().get(0).hardware().numCpus()).isEqualTo(4);
    assertThat(s.nodes().get(0).status().allocatable().get("cpu").milliValue()).isEqualTo(3000);
  }

  @Test
  void aBadRowIsReportedWhereItStands() {
    assertThatThrownBy(() -> load("{cpus: [[0, 0, 0]]}"))
        .isInstanceOf(InputError.class)
        .hasMessageContaining("s.yaml:8:")
        .hasMessageContaining("a CPU row is [cpuId, coreId, socketId, numaNodeId]");
  }
}
