package io.kubesim.gui;

import io.kubesim.gui.model.Replay;
import io.kubesim.gui.model.ReplayRunner;
import io.kubesim.scenarios.ScenarioFile;
import io.kubesim.scenarios.ScenarioLoader;
import io.kubesim.scenarios.run.ScenarioRunner;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The library scenarios the tests open (small ones only: CI time), run once per JVM. */
public final class Library {
  public static final Path ROLLING_UPGRADE = Path.of("../scenarios/library/rolling-upgrade-zone-skew.yaml");
  public static final Path ZONE_REBOOT = Path.of("../scenarios/library/zone-reboot-taints-policy.yaml");
  public static final Path EPYC = Path.of("../scenarios/library/epyc-cpu-pinning.yaml");

  private static final Map<String, Replay> RUNS = new ConcurrentHashMap<>();

  private Library() {}

  public static Replay replay(Path file, String variant) {
    return RUNS.computeIfAbsent(file + "#" + variant, k -> {
      ScenarioFile sf = new ScenarioLoader().load(file);
      return ReplayRunner.run(sf.decode(ScenarioLoader.find(sf.variants(), variant)), ScenarioRunner.Progress.NONE);
    });
  }
}
