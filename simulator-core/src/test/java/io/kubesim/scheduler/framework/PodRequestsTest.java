package io.kubesim.scheduler.framework;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubesim.api.Container;
import io.kubesim.api.ObjectMeta;
import io.kubesim.api.Pod;
import io.kubesim.api.PodSpec;
import io.kubesim.api.Quantity;
import io.kubesim.api.ResourceRequirements;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PodRequestsTest {

  private static Container container(String cpu, String memory) {
    Map<String, Quantity> req = new java.util.HashMap<>();
    if (cpu != null) req.put("cpu", Quantity.parse(cpu));
    if (memory != null) req.put("memory", Quantity.parse(memory));
    return new Container("c", new ResourceRequirements(req, null));
  }

  private static Container sidecar(String cpu) {
    return new Container("s", null, new ResourceRequirements(Map.of("cpu", Quantity.parse(cpu)), null), null, "Always");
  }

  private static Pod pod(List<Container> init, List<Container> app, Map<String, Quantity> overhead) {
    return new Pod(ObjectMeta.named("default", "p"),
        new PodSpec(null, null, null, null, null, init, app, overhead, null, null, null, null), null);
  }

  @Test
  void appContainersAreSummedAndTheLargestInitContainerWins() {
    Pod p = pod(List.of(container("3", "1Gi")), List.of(container("1", "1Gi"), container("500m", "2Gi")), null);
    Resource r = PodRequests.of(p);
    assertThat(r.milliCpu()).isEqualTo(3000);
    assertThat(r.memory()).isEqualTo(3L << 30);
  }

  @Test
  void overheadIsAddedOnTop() {
    Pod p = pod(List.of(), List.of(container("1", null)), Map.of("cpu", Quantity.parse("250m")));
    assertThat(PodRequests.of(p).milliCpu()).isEqualTo(1250);
  }

  @Test
  void sidecarsRunNextToAppContainersAndLaterInitContainers() {
    // sidecar 1 + init 2 = 3 during init; sidecar 1 + app 1 = 2 afterwards.
    Pod p = pod(List.of(sidecar("1"), container("2", null)), List.of(container("1", null)), null);
    assertThat(PodRequests.of(p).milliCpu()).isEqualTo(3000);
    Pod q = pod(List.of(sidecar("1"), container("500m", null)), List.of(container("2", null)), null);
    assertThat(PodRequests.of(q).milliCpu()).isEqualTo(3000);
  }

  @Test
  void scoringSubstitutesDefaultsOnlyForMissingRequests() {
    Pod p = pod(List.of(), List.of(container(null, null), container("0", "0")), null);
    Resource nonZero = PodRequests.nonZero(p);
    assertThat(nonZero.milliCpu()).isEqualTo(100);
    assertThat(nonZero.memory()).isEqualTo(200L << 20);
    assertThat(PodRequests.of(p).isZero()).isTrue();
  }
}
