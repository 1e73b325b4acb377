package io.kubesim.gui.model;

import io.kubesim.kubelet.cm.topology.CpuTopology;
import io.kubesim.scenarios.Scenario;
import io.kubesim.scenarios.run.Engines;
import io.kubesim.scenarios.run.ScenarioRunner;
import io.kubesim.scenarios.run.VariantResult;
import java.util.HashMap;
import java.util.Map;

/** Runs a variant with a {@link FrameRecorder} attached. Call it off the JavaFX thread. */
public final class ReplayRunner {
  /**
   * Up to this many nodes the scheduler records per-node verdicts and per-plugin scores; above it
   * every decision would hold thousands of statuses.
   */
  public static final int DETAIL_NODE_LIMIT = 1_000;

  private ReplayRunner() {}

  public static Replay run(Scenario s, ScenarioRunner.Progress progress) {
    boolean detailed = s.nodes().size() <= DETAIL_NODE_LIMIT;
    FrameRecorder[] recorder = new FrameRecorder[1];
    Map<String, CpuTopology> topologies = new HashMap<>();
    VariantResult result = new ScenarioRunner(Engines.DEFAULT, detailed).run(s, progress, (sim, admitter) -> {
      recorder[0] = new FrameRecorder(sim, admitter, s.durationMs());
      sim.addListener(recorder[0]);
    });
    s.poolOfNode().forEach((node, pool) -> {
      if (pool.pinsCpus()) topologies.put(node, pool.hardware());
    });
    return new Replay(s, result, recorder[0].frames(), recorder[0].decisions(), topologies, detailed);
  }

}
