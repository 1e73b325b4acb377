package io.kubesim.kubelet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class KubeletConfigurationTest {

  static final KubeletConfiguration STATIC = KubeletConfiguration.DEFAULT.withCpuManagerPolicy("static")
      .withSystemReserved(Map.of("cpu", "500m"));

  @Test
  void unsetFieldsTakeTheKubeletDefaults() {
    KubeletConfiguration c = KubeletConfiguration.DEFAULT;
    assertThat(c.cpuManagerPolicy()).isEqualTo("none");
    assertThat(c.topologyManagerPolicy()).isEqualTo("none");
    assertThat(c.topologyManagerScope()).isEqualTo("container");
    assertThat(c.reservedSystemCPUs()).isEmpty();
    assertThat(c.validate()).isEmpty();
    assertThat(c.featureEnabled("CPUManagerPolicyAlphaOptions")).isFalse();
    assertThat(c.featureEnabled("CPUManagerPolicyBetaOptions")).isTrue();
  }

  record Invalid(String description, KubeletConfiguration config, String message) {
    @Override
    public String toString() {
      return description;
    }
  }

  static Stream<Invalid> invalid() {
    KubeletConfiguration d = KubeletConfiguration.DEFAULT;
    return Stream.of(
        new Invalid("an unknown CPU manager policy", d.withCpuManagerPolicy("dynamic"), "unknown policy: \"dynamic\""),
        new Invalid("an unknown topology manager policy", d.withTopologyManagerPolicy("strict"),
            "invalid configuration: topologyManagerPolicy (--topology-manager-policy) \"strict\" must be one of: "
                + "[\"none\" \"best-effort\" \"restricted\" \"single-numa-node\"]"),
        new Invalid("an unknown topology manager scope", d.withTopologyManagerScope("node"),
            "invalid configuration: topologyManagerScope (--topology-manager-scope) \"node\" must be one of: "
                + "\"container\", or \"pod\""),
        new Invalid("a reserved CPU list that does not parse", d.withReservedSystemCPUs("0-a"),
            "invalid configuration: unable to parse reservedSystemCPUs (--reserved-cpus) 0-a, error: "),
        new Invalid("the static policy without any reserved CPU", d.withCpuManagerPolicy("static"),
            "[cpumanager] the static policy requires systemreserved.cpu + kubereserved.cpu to be greater than zero"),
        new Invalid("a CPU quantity that does not parse", d.withKubeReserved(Map.of("cpu", "lots")),
            "invalid configuration: kubeReserved.cpu: invalid CPU quantity \"lots\""));
  }

  @ParameterizedTest(name = "{0} is refused")
  @MethodSource("invalid")
  void invalidConfigurationsAreRefusedWithTheKubeletsWording(Invalid c) {
    assertThat(c.config.validate()).singleElement().asString().startsWith(c.message);
  }

  @Test
  void reservedCpusRoundUpTheSumOfKubeAndSystemReserved() {
    KubeletConfiguration c = STATIC.withKubeReserved(Map.of("cpu", "0.7"));
    assertThat(c.numReservedCpus()).isEqualTo(2);
    assertThat(STATIC.numReservedCpus()).isEqualTo(1);
    assertThat(c.withReservedSystemCPUs("0,4,8").numReservedCpus()).as("the list wins").isEqualTo(3);
  }

  @Test
  void cpuQuantitiesAreMillicores() {
    assertThat(KubeletConfiguration.parseCpuMillis("2")).isEqualTo(2000);
    assertThat(KubeletConfiguration.parseCpuMillis("250m")).isEqualTo(250);
    assertThat(KubeletConfiguration.parseCpuMillis("1.5")).isEqualTo(1500);
    assertThat(KubeletConfiguration.parseCpuMillis("0.0001")).as("rounds up").isEqualTo(1);
    assertThatThrownBy(() -> KubeletConfiguration.parseCpuMillis("-1")).hasMessageContaining("negative");
  }

  @Test
  void mapsAreCopiedAndReadOnly() {
    var options = new java.util.HashMap<String, String>(Map.of("full-pcpus-only", "true"));
    KubeletConfiguration c = STATIC.withCpuManagerPolicyOptions(options);
    options.clear();
    assertThat(c.cpuManagerPolicyOptions()).containsEntry("full-pcpus-only", "true");
    assertThatThrownBy(() -> c.cpuManagerPolicyOptions().clear()).isInstanceOf(UnsupportedOperationException.class);
  }
}
