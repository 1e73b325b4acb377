package io.kubesim.reports.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code ./sim report} and {@code ./sim plan}: the reports module's command line. */
@Command(
    name = "sim",
    mixinStandardHelpOptions = true,
    description = "Run reports and capacity planning.",
    subcommands = {ReportCommand.class, PlanCommand.class, CommandLine.HelpCommand.class})
public final class ReportsMain implements Runnable {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  public static void main(String[] args) {
    System.setProperty("java.awt.headless", "true");
    System.exit(execute(args));
  }

  /** Runs the CLI and returns its exit code (for tests). */
  public static int execute(String... args) {
    return new CommandLine(new ReportsMain()).execute(args);
  }

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }
}
