package io.kubesim.reports.run;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kubesim.api.Pod;
import io.kubesim.scenarios.Scenario;
import io.kubesim.scenarios.output.Reports;
import io.kubesim.scenarios.run.Engines;
import io.kubesim.scenarios.run.ScenarioRunner;
import io.kubesim.scenarios.run.VariantResult;
import io.kubesim.sim.KubeletAdmitter;
import io.kubesim.sim.Simulation;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs every variant as {@code sim run} does and keeps, besides its outputs, the kubelets' CPU
 * maps at the end (read through the runner's observer).
 */
public final class ReportRun {
  private ReportRun() {}

  /** What the run writes: the files of {@code sim run}, cpumap.json when a node pins CPUs, and the results. */
  public record Outputs(Map<String, String> files, List<VariantResult> results) {
    public RunData data() {
      return RunData.parse(files.get(RunData.SUMMARY), files.get(RunData.TIMELINE), files.get(RunData.CPU_MAPS), Path.of("."));
    }
  }

  public static Outputs run(List<Scenario> variants, ScenarioRunner.Progress progress) {
    ScenarioRunner runner = new ScenarioRunner(Engines.DEFAULT);
    List<VariantResult> results = new ArrayList<>();
    ObjectNode maps = JsonNodeFactory.instance.objectNode();
    for (Scenario s : variants) {
      KubeletAdmitter[] kubelets = new KubeletAdmitter[1];
      Simulation[] sims = new Simulation[1];
      results.add(runner.run(s, progress, (sim, admitter) -> {
        kubelets[0] = admitter;
        sims[0] = sim;
      }));
      Map<String, String> names = new HashMap<>();
      for (Pod p : sims[0].cluster().pods()) names.put(p.metadata().uid(), p.metadata().name());
      Map<String, String> pools = new HashMap<>();
      s.poolOfNode().forEach((node, pool) -> pools.put(node, pool.name()));
      ObjectNode m = CpuMaps.of(kubelets[0], names, pools);
      if (m != null) maps.set(s.variant(), m);
    }
    Map<String, String> files = new LinkedHashMap<>();
    files.put(RunData.SUMMARY, Reports.pretty(Reports.summary(results)));
    files.put("timeline.csv", Reports.csv(results));
    files.put(RunData.TIMELINE, Reports.jsonl(results));
    if (!maps.isEmpty()) files.put(RunData.CPU_MAPS, Reports.pretty(maps));
    return new Outputs(files, results);
  }
}
