package io.kubesim.kubelet.cm.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kubesim.kubelet.cm.cpuset.CpuSet;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class CpuTopologyTest {

  record Layout(String name, int cpus, int cores, int sockets, int numaNodes, int uncores, int cpusPerCore,
      boolean numaFirst) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Layout> presets() {
    return Stream.of(
        new Layout("ryzen-1s-16c", 32, 16, 1, 1, 2, 2, true),
        new Layout("xeon-2s-32c", 128, 64, 2, 2, 2, 2, true),
        new Layout("xeon-2s-32c-snc2", 128, 64, 2, 4, 2, 2, false),
        new Layout("epyc-2s-64c-nps1", 256, 128, 2, 2, 16, 2, true),
        new Layout("epyc-2s-64c-nps2", 256, 128, 2, 4, 16, 2, false),
        new Layout("epyc-2s-64c-nps4", 256, 128, 2, 8, 16, 2, false),
        new Layout("xeon-4s-24c", 192, 96, 4, 4, 4, 2, true),
        new Layout("k8s-single-socket-ht", 8, 4, 1, 1, 1, 2, true),
        new Layout("k8s-dual-socket-ht", 12, 6, 2, 2, 2, 2, true),
        new Layout("k8s-dual-socket-no-ht", 8, 8, 2, 2, 2, 1, true),
        new Layout("k8s-dual-socket-snc2-ht", 80, 40, 2, 4, 2, 2, false));
  }

  @ParameterizedTest(name = "preset {0} has its documented layout")
  @MethodSource("presets")
  void presetsHaveTheirDocumentedLayout(Layout l) {
    CpuTopology t = CpuTopologies.byName(l.name);
    assertThat(t.numCpus()).isEqualTo(l.cpus);
    assertThat(t.numCores()).isEqualTo(l.cores);
    assertThat(t.numSockets()).isEqualTo(l.sockets);
    assertThat(t.numNumaNodes()).isEqualTo(l.numaNodes);
    assertThat(t.numUncoreCaches()).isEqualTo(l.uncores);
    assertThat(t.cpusPerCore()).isEqualTo(l.cpusPerCore);
    assertThat(t.numaFirst()).isEqualTo(l.numaFirst);
    for (CpuInfo c : t.cpuInfos()) {
      assertThat(c.core()).as("core id is the lowest CPU of the core").isEqualTo(t.cpusInCore(c.core()).first());
      assertThat(t.numaDistances().distance(c.numaNode(), c.numaNode())).isEqualTo(10);
    }
  }

  @Test
  void everyPresetIsListedAndFoundByName() {
    assertThat(CpuTopologies.names()).hasSize(presets().toList().size());
    for (String n : CpuTopologies.names()) assertThat(CpuTopologies.find(n)).isPresent();
  }

  @Test
  void anUnknownPresetNameListsTheKnownOnes() {
    assertThatThrownBy(() -> CpuTopologies.byName("epyc-nps9")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("unknown CPU topology preset \"epyc-nps9\"")
        .hasMessageContaining("epyc-2s-64c-nps4").hasMessageContaining("xeon-4s-24c");
  }

  @Test
  void epycNps4IsNumberedAsLinuxNumbersIt() {
    CpuTopology t = CpuTopologies.EPYC_2S_64C_NPS4;
    assertThat(t.info(16)).isEqualTo(new CpuInfo(16, 16, 0, 1, 2));
    assertThat(t.info(144)).as("second thread of core 16").isEqualTo(new CpuInfo(144, 16, 0, 1, 2));
    assertThat(t.info(64)).isEqualTo(new CpuInfo(64, 64, 1, 4, 8));
    assertThat(t.details().cpusInNumaNodes(CpuSet.of(0))).hasToString("0-15,128-143");
    assertThat(t.details().cpusInUncoreCaches(CpuSet.of(1))).hasToString("8-15,136-143");
    assertThat(t.numaDistances().distance(0, 1)).isEqualTo(11);
    assertThat(t.numaDistances().distance(0, 2)).isEqualTo(12);
    assertThat(t.numaDistances().distance(0, 4)).isEqualTo(32);
  }

  @Test
  void lookupsAnswerForTheWholeMachineOrForASubset() {
    CpuTopology t = CpuTopologies.K8S_DUAL_SOCKET_SNC2_HT;
    CpuDetails all = t.details();
    assertThat(all.socketsInNumaNodes(CpuSet.of(1, 2))).hasToString("0-1");
    assertThat(all.numaNodesInSockets(CpuSet.of(1))).hasToString("2-3");
    assertThat(all.coresInNumaNodes(CpuSet.of(3))).hasToString("30-39");
    CpuDetails some = all.keepOnly(CpuSet.parse("0-5,45"));
    assertThat(some.cores()).hasToString("0-5");
    assertThat(some.cpusInCores(CpuSet.of(5))).hasToString("5,45");
    assertThat(some.numaNodes()).hasToString("0");
  }

  @Test
  void derivedRatiosAreIntegerDivisionsOfDistinctIds() {
    CpuTopology t = CpuTopology.of(List.of(new CpuInfo(0, 0, 0, 0, 0), new CpuInfo(1, 0, 0, 0, 0),
        new CpuInfo(2, 2, 1, 1, 1)));
    assertThat(t.numCores()).isEqualTo(2);
    assertThat(t.cpusPerCore()).as("3 CPUs / 2 cores").isEqualTo(1);
    assertThat(t.cpusPerSocket()).isEqualTo(1);
  }

  @Test
  void aCpuListedTwiceIsRejected() {
    assertThatThrownBy(() -> CpuTopology.of(List.of(new CpuInfo(0, 0, 0, 0, 0), new CpuInfo(0, 1, 0, 0, 0))))
        .hasMessageContaining("CPU 0 is listed twice");
  }

  @Test
  void distancesMustCoverEveryNumaNode() {
    NumaDistances one = NumaDistances.socketed(1, 1, 10, 10);
    assertThatThrownBy(() -> CpuTopology.of(List.of(new CpuInfo(0, 0, 0, 1, 0)), one))
        .hasMessageContaining("NUMA distances lack node 1");
    assertThat(NumaDistances.linuxDefault(CpuSet.of(0, 1)).distance(0, 1)).isEqualTo(20);
  }

  @Test
  void unknownCpusAreReportedWithUpstreamsWording() {
    assertThatThrownBy(() -> CpuTopologies.K8S_SINGLE_SOCKET_HT.info(8)).hasMessage("unknown CPU ID: 8");
  }
}
