package io.kubesim.bench;

import io.kubesim.scenarios.Scenario;
import io.kubesim.scenarios.run.Engines;
import io.kubesim.scenarios.run.ScenarioRunner;
import io.kubesim.scenarios.run.VariantResult;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The whole 5,000-node / 150,000-pod library scenario, end to end: the replay of 15 simulated
 * minutes with the initial placement, the rollout at 5m, controllers, kubelet timing and sampling
 * (the scenario file is parsed once, outside the measurement). One run per iteration.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.SECONDS)
public class ScenarioBenchmark {
  private Scenario scenario;

  @Setup
  public void setUp() {
    scenario = LibraryScenario.load(LibraryScenario.LIBRARY_NODES, -1);
  }

  @Benchmark
  public VariantResult largeCluster5000Nodes() {
    return new ScenarioRunner(Engines.DEFAULT).run(scenario);
  }
}
