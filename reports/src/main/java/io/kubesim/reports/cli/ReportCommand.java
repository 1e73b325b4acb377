package io.kubesim.reports.cli;

import io.kubesim.reports.html.RunReport;
import io.kubesim.reports.run.ReportRun;
import io.kubesim.reports.run.RunData;
import io.kubesim.scenarios.Scenario;
import io.kubesim.scenarios.output.OutputDir;
import io.kubesim.scenarios.output.TextSummary;
import io.kubesim.scenarios.run.ScenarioRunner;
import io.kubesim.scenarios.run.VariantResult;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
    name = "report",
    mixinStandardHelpOptions = true,
    description = {
      "Runs a scenario (every variant) and writes DIR/report.html with the files sim run writes;",
      "or, given a directory written by sim run / sim report, renders its report.html without re-running.",
      "Exit codes: 0 all expectations passed, 1 an expectation failed, 2 bad input, 3 internal failure."
    })
final class ReportCommand implements Callable<Integer> {
  static final String REPORT = "report.html";

  @Spec CommandSpec spec;

  @Parameters(paramLabel = "FILE|RUN_DIR", description = "A scenario file, or a run directory.")
  Path input;

  @Option(names = "--out", paramLabel = "DIR", description = "Output directory (default: out/<scenario name>; for RUN_DIR: RUN_DIR itself).")
  Path out;

  @Option(names = "--seed", paramLabel = "N", description = "Seed (overrides the file's seed).")
  Long seed;

  @Option(names = "--variant", paramLabel = "NAME", description = "Run only this variant.")
  String variant;

  @Option(names = "--force", description = "Replace an existing output (directory, or RUN_DIR's report.html).")
  boolean force;

  @Override
  public Integer call() {
    PrintWriter stdout = spec.commandLine().getOut();
    PrintWriter stderr = spec.commandLine().getErr();
    return ExitCodes.run("sim report", stdout, stderr, () -> Files.isDirectory(input) ? renderDirectory(stdout) : runAndRender(stdout));
  }

  private int runAndRender(PrintWriter stdout) throws IOException {
    List<Scenario> scenarios = ScenarioVariants.load(input, variant, seed);
    Path dir = out != null ? out : Path.of("out", scenarios.get(0).name());
    OutputDir.check(dir, force);
    ReportRun.Outputs outputs = ReportRun.run(scenarios, ScenarioRunner.Progress.NONE);
    Map<String, String> files = new LinkedHashMap<>(outputs.files());
    files.put(REPORT, RunReport.render(outputs.data()));
    OutputDir.write(dir, files, force);
    stdout.print(TextSummary.render(outputs.results()));
    stdout.println("Wrote " + dir.resolve(REPORT) + " (and " + String.join(", ", outputs.files().keySet()) + ")");
    return outputs.results().stream().allMatch(VariantResult::passed) ? 0 : 1;
  }

  /** Renders a run directory; only report.html is written (atomically: a temporary file moved into place). */
  private int renderDirectory(PrintWriter stdout) throws IOException {
    RunData data = RunData.read(input);
    String html = RunReport.render(data);
    Path target = (out != null ? out : input).resolve(REPORT);
    if (out != null) OutputDir.check(out, force);
    if (out == null && Files.exists(target) && !force) throw new OutputDir.Refused(target + " exists; use --force to replace it");
    if (out != null) {
      OutputDir.write(out, Map.of(REPORT, html), force);
    } else {
      Path tmp = Files.createTempFile(input, ".report-", ".html.tmp");
      try {
        Files.writeString(tmp, html, StandardCharsets.UTF_8);
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } finally {
        Files.deleteIfExists(tmp);
      }
    }
    stdout.println("Wrote " + target);
    return data.summary().path("passed").asBoolean() ? 0 : 1;
  }
}
