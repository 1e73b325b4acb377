package io.kubesim.cli;

import io.kubesim.conformance.ConformanceRunner;
import io.kubesim.conformance.ConformanceKinds;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(
    name = "conformance",
    mixinStandardHelpOptions = true,
    description = {
      "Runs the conformance cases under DIR (recursively) against the simulator.",
      "Prints one line per failing case and ends with 'N passed, N failed[, N skipped]'.",
      "Exit code 1 when a case fails."
    })
final class ConformanceCommand implements Callable<Integer> {

  @Parameters(paramLabel = "DIR", description = "Directory of case files (e.g. ../shared/conformance).")
  Path dir;

  @Override
  public Integer call() {
    if (!Files.isDirectory(dir)) {
      System.err.println("sim conformance: " + dir + ": not a directory");
      return 2;
    }
    ConformanceRunner.Summary s = new ConformanceRunner(ConformanceKinds.all()).runAll(dir, System.out);
    return s.failed() == 0 ? 0 : 1;
  }
}
