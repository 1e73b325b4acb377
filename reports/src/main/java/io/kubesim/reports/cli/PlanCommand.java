package io.kubesim.reports.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

@Command(name = "plan", mixinStandardHelpOptions = true, description = "Answers the sizing questions of a scenario's plan section.")
final class PlanCommand implements Callable<Integer> {
  @Override
  public Integer call() {
    return 3;
  }
}
