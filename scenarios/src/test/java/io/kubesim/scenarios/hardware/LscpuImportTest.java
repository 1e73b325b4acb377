package io.kubesim.scenarios.hardware;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kubesim.kubelet.cm.topology.CpuInfo;
import io.kubesim.kubelet.cm.topology.CpuTopology;
import io.kubesim.yaml.InputError;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LscpuImportTest {

  /** Two sockets of two SMT2 cores, lscpu's own core numbering, one L3 per socket. */
  static final String DUAL_SOCKET = """
      # The following is the parsable format, which can be fed to other
      # programs. Each different item in every column has an unique ID
      # starting usually from zero.
      # CPU,Core,Socket,Node,L1d:L1i:L2:L3
      0,0,0,0,0:0:0:0
      1,1,0,0,1:1:1:0
      2,2,1,1,2:2:2:1
      3,3,1,1,3:3:3:1
      4,0,0,0,0:0:0:0
      5,1,0,0,1:1:1:0
      6,2,1,1,2:2:2:1
      7,3,1,1,3:3:3:1
      """;

  @Test
  void aDualSocketMachineImportsWithKubeletNumbering() {
    CpuTopology t = LscpuImport.parse("lscpu.txt", DUAL_SOCKET, null);
    assertThat(t.numCpus()).isEqualTo(8);
    assertThat(t.numCores()).isEqualTo(4);
    assertThat(t.numSockets()).isEqualTo(2);
    assertThat(t.numNumaNodes()).isEqualTo(2);
    assertThat(t.numUncoreCaches()).isEqualTo(2);
    assertThat(t.info(6)).isEqualTo(new CpuInfo(6, 2, 1, 1, 1));
  }

  @Test
  void coreIdsBecomeTheLowestCpuOfTheCoreEvenWhenLscpuNumbersCoresPerSocket() {
    String perSocket = """
        # CPU,Core,Socket,Node,L1d:L1i:L2:L3
        0,0,0,0,0:0:0:0
        1,0,1,0,1:1:1:1
        2,0,0,0,0:0:0:0
        3,0,1,0,1:1:1:1
        """;
    CpuTopology t = LscpuImport.parse("x", perSocket, null);
    assertThat(t.info(2).core()).isEqualTo(0);
    assertThat(t.info(3).core()).isEqualTo(1);
    assertThat(t.numCores()).isEqualTo(2);
  }

  @Test
  void anEmptyNodeIsNodeZeroAndAMissingL3MakesTheSocketTheUncoreCache() {
    String noNuma = """
        # CPU,Core,Socket,Node,L1d:L1i:L2
        0,0,3,,0:0:0
        1,1,3,,1:1:1
        """;
    CpuTopology t = LscpuImport.parse("x", noNuma, null);
    assertThat(t.info(1)).isEqualTo(new CpuInfo(1, 1, 3, 0, 3));
  }

  @Test
  void theL3FieldIsFoundByItsHeaderName() {
    String l3First = "# CPU,Core,Socket,Node,L3:L2\n0,0,0,0,7:0\n";
    assertThat(LscpuImport.parse("x", l3First, null).info(0).uncoreCache()).isEqualTo(7);
    assertThat(LscpuImport.parse("x", "0,0,0,0,0:0:0:5\n", null).info(0).uncoreCache())
        .as("without a header the fourth level is L3").isEqualTo(5);
  }

  @Test
  void aBadFieldIsReportedWithFileLineAndColumn() {
    assertThatThrownBy(() -> LscpuImport.parse("lscpu.txt", "# CPU,Core,Socket,Node,L1d:L1i:L2:L3\n0,0,0,0,0:0:0:0\n1,x,0,0,0:0:0:0\n", null))
        .isInstanceOf(InputError.class).hasMessage("lscpu.txt:3:3: CORE must be a non-negative integer, found \"x\"");
    assertThatThrownBy(() -> LscpuImport.parse("lscpu.txt", "0,0,0,0,0:0:0:q\n", null))
        .hasMessage("lscpu.txt:1:15: CACHE (L3) must be a non-negative integer, found \"q\"");
    assertThatThrownBy(() -> LscpuImport.parse("lscpu.txt", "0,0,0\n", null))
        .hasMessageStartingWith("lscpu.txt:1:1: expected 5 comma-separated fields");
    assertThatThrownBy(() -> LscpuImport.parse("lscpu.txt", "0,0,0,0,\n0,1,0,0,\n", null))
        .hasMessage("lscpu.txt:2:1: CPU 0 is listed twice (first on line 1)");
    assertThatThrownBy(() -> LscpuImport.parse("lscpu.txt", ",0,0,0,\n", null)).hasMessage("lscpu.txt:1:1: CPU is empty");
    assertThatThrownBy(() -> LscpuImport.parse("lscpu.txt", "# only comments\n", null))
        .hasMessageContaining("no CPU lines found");
  }

  @Test
  void aFileIsReadFromDisk(@TempDir Path dir) throws Exception {
    Path f = dir.resolve("lscpu.txt");
    Files.writeString(f, DUAL_SOCKET);
    assertThat(LscpuImport.read(f).numCpus()).isEqualTo(8);
    assertThatThrownBy(() -> LscpuImport.read(dir.resolve("missing.txt"))).isInstanceOf(InputError.class)
        .hasMessageContaining("cannot read file");
  }
}
