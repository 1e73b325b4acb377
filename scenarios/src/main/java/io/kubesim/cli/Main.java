package io.kubesim.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code ./sim}: the simulator's command line. */
@Command(
    name = "sim",
    mixinStandardHelpOptions = true,
    versionProvider = Main.Version.class,
    description = "Topology-aware Kubernetes scheduler simulator.",
    footer = {"", "More commands, each built by ./sim on first use:",
        "  report, plan   reports and capacity planning (./sim report --help)",
        "  gui            the visual explorer (./sim gui --help)",
        "  bench          JMH benchmarks (./sim bench --help)"},
    subcommands = {RunCommand.class, ValidateCommand.class, ConformanceCommand.class, CommandLine.HelpCommand.class})
public final class Main implements Runnable {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  public static void main(String[] args) {
    System.exit(execute(args));
  }

  /** Runs the CLI and returns its exit code (for tests). */
  public static int execute(String... args) {
    return new CommandLine(new Main()).execute(args);
  }

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }

  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String v = Main.class.getPackage().getImplementationVersion();
      return new String[] {"sim " + (v == null ? "(development build)" : v)};
    }
  }
}
