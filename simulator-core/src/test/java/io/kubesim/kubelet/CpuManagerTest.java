package io.kubesim.kubelet;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Upstream's {@code TestPodGuaranteedCPUs} and the integer-request rule. */
class CpuManagerTest {

  static final long GI = 1L << 30;

  /** Init containers as "cpus" or "cpus!" for a sidecar; app containers as cpus. */
  static PodResources pod(String[] init, int... app) {
    List<ContainerResources> cs = new ArrayList<>();
    for (int i = 0; i < init.length; i++) {
      boolean sidecar = init[i].endsWith("!");
      long millis = Long.parseLong(init[i].replace("!", "")) * 1000;
      cs.add(sidecar ? ContainerResources.sidecar("init-" + i, millis, GI)
          : ContainerResources.initContainer("init-" + i, millis, GI));
    }
    for (int i = 0; i < app.length; i++) cs.add(ContainerResources.app("app-" + i, app[i] * 1000L, GI));
    return PodResources.of("pod", cs);
  }

  record Total(String description, PodResources pod, int expected) {
    @Override
    public String toString() {
      return description;
    }
  }

  static Stream<Total> totals() {
    return Stream.of(
        new Total("a Guaranteed pod requesting 2 CPUs", pod(new String[] {"2"}, 2), 2),
        new Total("app containers bigger than the init container", pod(new String[] {"2"}, 5), 5),
        new Total("an init container bigger than the app containers", pod(new String[] {"5"}, 2), 5),
        new Total("app containers add up", pod(new String[] {"2", "4"}, 2, 4), 6),
        new Total("a sidecar runs next to the app container", pod(new String[] {"1!"}, 1), 2),
        new Total("several sidecars add up", pod(new String[] {"5", "1!", "2!", "3!"}, 1), 7),
        new Total("an init container after sidecars runs next to them", pod(new String[] {"5", "1!", "2!", "5", "3!"}, 1),
            8),
        new Total("a large init container after a sidecar", pod(new String[] {"10!", "200"}, 100), 210));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("totals")
  void thePodTotalMatchesUpstream(Total t) {
    assertThat(CpuManager.podGuaranteedCpus(t.pod)).isEqualTo(t.expected);
  }

  @Test
  void onlyIntegerRequestsOfGuaranteedPodsAreExclusive() {
    PodResources guaranteed = PodResources.of("p", List.of(ContainerResources.app("c", 2000, GI)));
    assertThat(CpuManager.guaranteedCpus(guaranteed, guaranteed.containers().get(0))).isEqualTo(2);
    PodResources fractional = PodResources.of("p", List.of(ContainerResources.app("c", 1500, GI)));
    assertThat(fractional.guaranteed()).isTrue();
    assertThat(CpuManager.guaranteedCpus(fractional, fractional.containers().get(0))).isZero();
    ContainerResources burstable = new ContainerResources("c", false, false, 2000, 4000, GI, GI);
    PodResources b = PodResources.of("p", List.of(burstable));
    assertThat(b.guaranteed()).isFalse();
    assertThat(CpuManager.guaranteedCpus(b, burstable)).isZero();
    assertThat(CpuManager.podGuaranteedCpus(b)).isZero();
  }
}
