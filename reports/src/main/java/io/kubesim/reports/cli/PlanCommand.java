package io.kubesim.reports.cli;

import io.kubesim.reports.html.PlanReport;
import io.kubesim.reports.plan.Answer;
import io.kubesim.reports.plan.Planner;
import io.kubesim.scenarios.Scenario;
import io.kubesim.scenarios.output.OutputDir;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
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
    name = "plan",
    mixinStandardHelpOptions = true,
    description = {
      "Answers the sizing questions of a scenario's plan: section, for every variant: what the default scheduler achieves",
      "with pods arriving in order, the best placement OptaPlanner finds (re-checked by the simulator) and a bound.",
      "Writes DIR/plan.html and DIR/plan.json; solver progress goes to stderr.",
      "Exit codes: 0 answered, 2 bad input, 3 internal failure (including a solver answer the simulator rejects)."
    })
final class PlanCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(paramLabel = "FILE", description = "A scenario file with a plan: section.")
  Path file;

  @Option(names = "--out", paramLabel = "DIR", description = "Output directory (default: out/<scenario name>-plan).")
  Path out;

  @Option(names = "--time-limit", paramLabel = "DURATION", description = "Solver time limit per question and variant (e.g. 5s; overrides the file's).")
  String timeLimit;

  @Option(names = "--variant", paramLabel = "NAME", description = "Plan only this variant.")
  String variant;

  @Option(names = "--force", description = "Replace an existing non-empty output directory.")
  boolean force;

  @Override
  public Integer call() {
    PrintWriter stdout = spec.commandLine().getOut();
    PrintWriter stderr = spec.commandLine().getErr();
    return ExitCodes.run("sim plan", stdout, stderr, () -> plan(stdout, stderr));
  }

  private int plan(PrintWriter stdout, PrintWriter stderr) throws IOException {
    Long limitMs = timeLimit == null ? null : parseDuration(timeLimit);
    List<Scenario> scenarios = ScenarioVariants.load(file, variant, null);
    Scenario first = scenarios.get(0);
    if (first.plan() == null) throw new IllegalArgumentException(file + " has no plan: section (see SCENARIO-FORMAT.md, \"Plan\")");
    Path dir = out != null ? out : Path.of("out", first.name() + "-plan");
    OutputDir.check(dir, force);
    List<Answer> answers = new ArrayList<>();
    for (Scenario s : scenarios) {
      answers.addAll(new Planner(s, limitMs, m -> {
        stderr.println(m);
        stderr.flush();
      }).answer(s));
    }
    Map<String, String> files = new LinkedHashMap<>();
    files.put("plan.json", PlanReport.json(first.name(), answers));
    files.put("plan.html", PlanReport.render(first.name(), first.description(), answers));
    OutputDir.write(dir, files, force);
    for (Answer a : answers) {
      stdout.println(a.question() + " [" + a.variant() + "] " + PlanReport.verdict(a) + " (solve " + a.solveMs() + " ms"
          + (a.gap() == null ? "" : ", gap " + a.gap()) + ")" + (a.verified() ? "" : " REJECTED BY THE SIMULATOR: " + a.rejected()));
    }
    stdout.println("Wrote " + dir.resolve("plan.html") + ", plan.json");
    return answers.stream().allMatch(Answer::verified) ? 0 : 3;
  }

  /** A positive duration as scenario files write it (5s, 1m30s, 500ms). */
  static long parseDuration(String text) {
    Long ms = io.kubesim.scenarios.Durations.parseOrNull(text);
    if (ms == null || ms <= 0) throw new IllegalArgumentException("--time-limit: invalid duration \"" + text + "\", e.g. 5s, 1m30s");
    return ms;
  }
}
