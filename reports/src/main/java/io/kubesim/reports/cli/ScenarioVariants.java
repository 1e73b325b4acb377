package io.kubesim.reports.cli;

import io.kubesim.scenarios.Scenario;
import io.kubesim.scenarios.ScenarioFile;
import io.kubesim.scenarios.ScenarioLoader;
import io.kubesim.scenarios.VariantSpec;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** A scenario file's variants (all, or the one named), decoded, with the seed overridden when asked. */
final class ScenarioVariants {
  private ScenarioVariants() {}

  /** @throws IllegalArgumentException for an unknown variant name (the message suggests the closest) */
  static List<Scenario> load(Path file, String variant, Long seed) {
    ScenarioFile sf = new ScenarioLoader().load(file);
    List<VariantSpec> specs = variant == null ? sf.variants() : List.of(ScenarioLoader.find(sf.variants(), variant));
    List<Scenario> out = new ArrayList<>();
    for (VariantSpec v : specs) {
      Scenario s = sf.decode(v);
      out.add(seed == null ? s : s.withSeed(seed));
    }
    return out;
  }
}
