package io.kubesim.conformance;

import io.kubesim.yaml.InputError;
import io.kubesim.yaml.YamlLoader;
import io.kubesim.yaml.YamlNode;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Runs every conformance case under a directory (see {@code shared/conformance/FORMAT.md}): one
 * line per failing case, then {@code N passed, N failed[, N skipped]}. Kinds without a runner are
 * skipped, never passed; a case that cannot be read fails with its location.
 */
public final class ConformanceRunner {

  /** The outcome of one case. */
  public record Result(Path file, String name, Outcome outcome, List<String> differences) {}

  public enum Outcome { PASSED, FAILED, SKIPPED }

  /** Totals over a run. */
  public record Summary(int passed, int failed, int skipped) {
    @Override
    public String toString() {
      return passed + " passed, " + failed + " failed" + (skipped > 0 ? ", " + skipped + " skipped" : "");
    }
  }

  private final Map<String, CaseKind> kinds = new HashMap<>();
  private final YamlLoader loader = new YamlLoader();

  public ConformanceRunner(List<CaseKind> runners) {
    for (CaseKind k : runners) {
      for (String kind : k.kinds()) kinds.put(kind, k);
    }
  }

  /** Every {@code .yaml}/{@code .yml} file under {@code dir}, recursively, in path order. */
  public static List<Path> caseFiles(Path dir) {
    if (!Files.isDirectory(dir)) throw new IllegalArgumentException(dir + " is not a directory");
    try (Stream<Path> files = Files.walk(dir)) {
      return files.filter(Files::isRegularFile)
          .filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml"))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public Result run(Path file) {
    String name = file.getFileName().toString();
    try {
      YamlNode.Map doc = loader.load(file).asMap();
      name = doc.require("name").asString();
      String kind = doc.require("kind").asString();
      CaseKind runner = kinds.get(kind);
      if (runner == null) return new Result(file, name, Outcome.SKIPPED, List.of("kind " + kind + " is not run yet"));
      List<String> diffs = runner.run(doc);
      return new Result(file, name, diffs.isEmpty() ? Outcome.PASSED : Outcome.FAILED, diffs);
    } catch (InputError e) {
      return new Result(file, name, Outcome.FAILED, List.of(e.getMessage()));
    } catch (RuntimeException e) {
      return new Result(file, name, Outcome.FAILED, List.of("crashed: " + e));
    }
  }

  /** Runs every case under {@code dir}, printing failures and the summary line to {@code out}. */
  public Summary runAll(Path dir, PrintStream out) {
    int passed = 0, failed = 0, skipped = 0;
    Map<String, Path> seen = new HashMap<>();
    for (Path file : caseFiles(dir)) {
      Result r = run(file);
      Path previous = seen.putIfAbsent(r.name(), file);
      if (previous != null && r.outcome() != Outcome.FAILED) {
        r = new Result(file, r.name(), Outcome.FAILED, List.of("duplicate case name, also used by " + previous));
      }
      switch (r.outcome()) {
        case PASSED -> passed++;
        case SKIPPED -> skipped++;
        case FAILED -> {
          failed++;
          out.println("FAIL " + r.name() + " (" + file + "): " + String.join("; ", r.differences()));
        }
      }
    }
    Summary summary = new Summary(passed, failed, skipped);
    out.println(summary);
    return summary;
  }
}
