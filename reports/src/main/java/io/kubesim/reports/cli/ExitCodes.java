package io.kubesim.reports.cli;

import io.kubesim.scenarios.output.OutputDir;
import io.kubesim.yaml.InputError;
import java.io.IOException;
import java.io.PrintWriter;

/**
 * How {@code sim report} and {@code sim plan} turn failures into exit codes, as {@code sim run}
 * does: 2 for bad input or a refused output, 3 for an output that cannot be written or a bug.
 */
final class ExitCodes {
  private ExitCodes() {}

  @FunctionalInterface
  interface Body {
    int run() throws IOException;
  }

  static int run(String command, PrintWriter stdout, PrintWriter stderr, Body body) {
    try {
      return body.run();
    } catch (InputError e) {
      stderr.println(e.getMessage());
      return 2;
    } catch (OutputDir.Refused | IllegalArgumentException e) {
      stderr.println(command + ": " + e.getMessage());
      return 2;
    } catch (IOException e) {
      stderr.println(command + ": cannot write the output: " + e.getMessage());
      return 3;
    } catch (RuntimeException e) {
      stderr.println(command + ": failed: " + e);
      if (System.getenv("SIM_DEBUG") != null) e.printStackTrace(stderr);
      return 3;
    } finally {
      stderr.flush();
      stdout.flush();
    }
  }
}
