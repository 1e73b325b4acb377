package io.kubesim.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The benchmarks' bodies run once on small inputs (no timing: performance is measured by
 * {@code ./sim bench}), and the annotation processor's benchmark list is on the class path, as the
 * JMH runner in {@link BenchMain} needs it.
 */
class BenchmarksSmokeTest {

  @Test
  void theBenchmarkListIsGenerated() throws Exception {
    try (InputStream list = BenchMain.class.getResourceAsStream("/META-INF/BenchmarkList")) {
      assertThat(list).isNotNull();
      String text = new String(list.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
      assertThat(text).contains("SchedulePodBenchmark", "PodTopologySpreadBenchmark", "CpuManagerBenchmark", "ScenarioBenchmark");
    }
  }

  @Test
  void schedulingOnePodFindsANode() {
    SchedulePodBenchmark b = new SchedulePodBenchmark();
    b.nodes = 60;
    b.percentageOfNodesToScore = 0;
    b.setUp();
    assertThat(b.schedulePod().isScheduled()).isTrue();
  }

  @Test
  void podTopologySpreadAloneFiltersAndScores() {
    PodTopologySpreadBenchmark b = new PodTopologySpreadBenchmark();
    b.nodes = 60;
    b.setUp();
    assertThat(b.preFilterAndFilter()).isPositive();
    b.preScoreAndScore(new Blackhole("Today's password is swordfish. I understand instantiating Blackholes directly is dangerous."));
  }

  @Test
  void cpuManagerAllocatesTheRequestedCpus() {
    CpuManagerBenchmark b = new CpuManagerBenchmark();
    b.cpus = 16;
    b.setUp();
    b.copyState();
    assertThat(b.allocate().size()).isEqualTo(16);
  }

  @Test
  void scaledLibraryScenarioKeepsThirtyPodsPerNode() {
    assertThat(LibraryScenario.pods(1000)).isEqualTo(30_000);
    assertThat(LibraryScenario.load(30, 100).nodes()).hasSize(30);
  }
}
