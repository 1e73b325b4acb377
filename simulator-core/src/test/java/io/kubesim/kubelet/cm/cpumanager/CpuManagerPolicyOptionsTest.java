package io.kubesim.kubelet.cm.cpumanager;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kubesim.kubelet.cm.topology.CpuTopologies;
import io.kubesim.kubelet.cm.topology.CpuTopology;
import io.kubesim.kubelet.cm.topology.CpuInfo;
import io.kubesim.kubelet.cm.topologymanager.TopologyManagerPolicyName;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class CpuManagerPolicyOptionsTest {

  record Bad(String description, Map<String, String> options, boolean alpha, boolean beta, String message) {
    @Override
    public String toString() {
      return description;
    }
  }

  static Stream<Bad> refused() {
    return Stream.of(
        new Bad("an unknown option is refused", Map.of("badValue1", ""), true, true,
            "unknown CPU Manager Policy option: \"badValue1\""),
        new Bad("a non-boolean value is refused", Map.of("full-pcpus-only", "enabled!"), true, true,
            "bad value for option \"full-pcpus-only\": strconv.ParseBool: parsing \"enabled!\": invalid syntax"),
        new Bad("an alpha option needs the alpha gate", Map.of("align-by-socket", "true"), false, true,
            "CPU Manager Policy Alpha-level Options not enabled, but option \"align-by-socket\" provided"),
        new Bad("a beta option needs the beta gate", Map.of("strict-cpu-reservation", "true"), true, false,
            "CPU Manager Policy Beta-level Options not enabled, but option \"strict-cpu-reservation\" provided"),
        new Bad("full-pcpus-only and distribute-cpus-across-cores do not combine",
            Map.of("full-pcpus-only", "true", "distribute-cpus-across-cores", "true"), true, true,
            "static policy options full-pcpus-only and distribute-cpus-across-cores can not be used at the same time"),
        new Bad("distribute across NUMA and across cores do not combine",
            Map.of("distribute-cpus-across-numa", "true", "distribute-cpus-across-cores", "true"), true, true,
            "static policy options distribute-cpus-across-numa and distribute-cpus-across-cores can not be used at the same time"),
        new Bad("uncore alignment and distribute across cores do not combine",
            Map.of("prefer-align-cpus-by-uncorecache", "true", "distribute-cpus-across-cores", "true"), true, true,
            "static policy options prefer-align-cpus-by-uncorecache and distribute-cpus-across-cores can not be used at the same time"),
        new Bad("uncore alignment and distribute across NUMA do not combine",
            Map.of("prefer-align-cpus-by-uncorecache", "true", "distribute-cpus-across-numa", "true"), true, true,
            "static policy options prefer-align-cpus-by-uncorecache and distribute-cpus-across-numa can not be used at the same time"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("refused")
  void invalidOptionsAreRefusedWithUpstreamsMessage(Bad b) {
    assertThatThrownBy(() -> CpuManagerPolicyOptions.parse(b.options, b.alpha, b.beta))
        .isInstanceOf(IllegalArgumentException.class).hasMessage(b.message);
  }

  @Test
  void goBooleanSpellingsAreAccepted() {
    assertThat(CpuManagerPolicyOptions.parse(Map.of("full-pcpus-only", "1")).fullPhysicalCpusOnly()).isTrue();
    assertThat(CpuManagerPolicyOptions.parse(Map.of("full-pcpus-only", "True")).fullPhysicalCpusOnly()).isTrue();
    assertThat(CpuManagerPolicyOptions.parse(Map.of("full-pcpus-only", "f")).fullPhysicalCpusOnly()).isFalse();
    assertThat(CpuManagerPolicyOptions.parse(Map.of())).isEqualTo(CpuManagerPolicyOptions.NONE);
  }

  @Test
  void falseOptionsNeverConflict() {
    CpuManagerPolicyOptions o = CpuManagerPolicyOptions.parse(
        Map.of("full-pcpus-only", "true", "distribute-cpus-across-cores", "false"));
    assertThat(o.fullPhysicalCpusOnly()).isTrue();
    assertThat(o.distributeCpusAcrossCores()).isFalse();
  }

  @Test
  void alignBySocketIsRefusedWithSingleNumaNodeOrMoreSocketsThanNumaNodes() {
    CpuManagerPolicyOptions o = CpuManagerPolicyOptions.parse(Map.of("align-by-socket", "true"));
    CpuTopology dual = CpuTopologies.K8S_DUAL_SOCKET_SNC2_HT;
    o.validate(dual, TopologyManagerPolicyName.RESTRICTED);
    assertThatThrownBy(() -> o.validate(dual, TopologyManagerPolicyName.SINGLE_NUMA_NODE)).hasMessage(
        "Topolgy manager single-numa-node policy is incompatible with CPUManager align-by-socket policy option");
    CpuTopology twoSocketsOneNode = CpuTopology.of(List.of(new CpuInfo(0, 0, 0, 0, 0), new CpuInfo(1, 1, 1, 0, 1)));
    assertThatThrownBy(() -> o.validate(twoSocketsOneNode, TopologyManagerPolicyName.NONE)).hasMessage(
        "Align by socket is not compatible with hardware where number of sockets are more than number of NUMA");
  }
}
