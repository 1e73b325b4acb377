package io.kubesim.cli;

import io.kubesim.scenarios.Scenario;
import io.kubesim.scenarios.ScenarioFile;
import io.kubesim.scenarios.ScenarioLoader;
import io.kubesim.scenarios.VariantSpec;
import io.kubesim.scenarios.output.OutputDir;
import io.kubesim.scenarios.output.Reports;
import io.kubesim.scenarios.output.TextSummary;
import io.kubesim.scenarios.run.Engine;
import io.kubesim.scenarios.run.Engines;
import io.kubesim.scenarios.run.ScenarioRunner;
import io.kubesim.scenarios.run.VariantResult;
import io.kubesim.yaml.InputError;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
    name = "run",
    mixinStandardHelpOptions = true,
    description = {
      "Runs a scenario file (every variant, or one) and checks its expectations.",
      "Prints a summary per variant and writes timeline.csv, timeline.jsonl and summary.json to DIR.",
      "Exit codes: 0 all expectations passed, 1 an expectation failed, 2 bad input (file:line:column: path: message),",
      "3 the simulation failed (SIM_DEBUG=1 prints the stack trace)."
    })
final class RunCommand implements Callable<Integer> {
  /** The engine scenarios run on. */
  static final Engine engine = Engines.DEFAULT;

  @Spec CommandSpec spec;

  @Parameters(paramLabel = "FILE", description = "The scenario file.")
  Path file;

  @Option(names = "--seed", paramLabel = "N", description = "Seed (overrides the file's seed).")
  Long seed;

  @Option(names = "--out", paramLabel = "DIR", description = "Output directory (default: out/<scenario name>).")
  Path out;

  @Option(names = "--variant", paramLabel = "NAME", description = "Run only this variant.")
  String variant;

  @Option(names = "--force", description = "Replace an existing non-empty output directory.")
  boolean force;

  @picocli.CommandLine.Mixin InputLimitsOptions limits;

  @Override
  public Integer call() {
    PrintWriter stdout = spec.commandLine().getOut();
    PrintWriter stderr = spec.commandLine().getErr();
    limits.apply(spec.commandLine());
    try {
      ScenarioFile sf = new ScenarioLoader().load(file);
      List<VariantSpec> variants;
      if (variant == null) {
        variants = sf.variants();
      } else {
        try {
          variants = List.of(ScenarioLoader.find(sf.variants(), variant));
        } catch (IllegalArgumentException e) {
          stderr.println("sim run: " + file + ": " + e.getMessage());
          return 2;
        }
      }
      List<Scenario> scenarios = new ArrayList<>();
      for (VariantSpec v : variants) {
        Scenario s = sf.decode(v);
        scenarios.add(seed == null ? s : s.withSeed(seed));
      }
      Path dir = out != null ? out : Path.of("out", scenarios.get(0).name());
      OutputDir.check(dir, force);

      ScenarioRunner runner = new ScenarioRunner(engine);
      List<VariantResult> results = new ArrayList<>();
      boolean progress = stderrIsTerminal();
      for (Scenario s : scenarios) results.add(progress ? withProgress(runner, s) : runner.run(s));

      Map<String, String> files = new LinkedHashMap<>();
      files.put("summary.json", Reports.pretty(Reports.summary(results)));
      files.put("timeline.csv", Reports.csv(results));
      files.put("timeline.jsonl", Reports.jsonl(results));
      OutputDir.write(dir, files, force);

      stdout.print(TextSummary.render(results));
      stdout.println("Wrote " + dir.resolve("summary.json") + ", timeline.csv, timeline.jsonl");
      stdout.flush();
      return results.stream().allMatch(VariantResult::passed) ? 0 : 1;
    } catch (InputError e) {
      stderr.println(e.getMessage());
      return 2;
    } catch (OutputDir.Refused e) {
      stderr.println("sim run: " + e.getMessage());
      return 2;
    } catch (IOException e) {
      stderr.println("sim run: cannot write the output: " + e.getMessage());
      return 3;
    } catch (RuntimeException e) {
      stderr.println("sim run: the simulation failed: " + e);
      if (System.getenv("SIM_DEBUG") != null) e.printStackTrace(stderr);
      return 3;
    } finally {
      stderr.flush();
      stdout.flush();
    }
  }

  /** Whether stderr is a terminal (Linux: where fd 2 points; elsewhere: whether there is a console). */
  static boolean stderrIsTerminal() {
    try {
      String target = java.nio.file.Files.readSymbolicLink(Path.of("/proc/self/fd/2")).toString();
      return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
    } catch (IOException | UnsupportedOperationException | SecurityException e) {
      return System.console() != null;
    }
  }

  private static VariantResult withProgress(ScenarioRunner runner, Scenario s) {
    try (ProgressBar bar = new ProgressBarBuilder()
        .setTaskName(s.variant())
        .setInitialMax(Math.max(1, s.durationMs() / 1000))
        .setUnit(" sim-s", 1)
        .setStyle(ProgressBarStyle.ASCII)
        .setConsumer(new ConsoleProgressBarConsumer(System.err))
        .setUpdateIntervalMillis(200)
        .build()) {
      return runner.run(s, ms -> bar.stepTo(ms / 1000));
    }
  }
}
