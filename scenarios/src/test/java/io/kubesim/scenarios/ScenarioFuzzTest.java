package io.kubesim.scenarios;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.fail;

import io.kubesim.yaml.InputError;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Mutation fuzzing of the scenario reader: the library scenarios and the test scenarios, mutated as
 * text (lines deleted, duplicated, swapped; characters flipped; numbers made negative, huge or
 * non-numeric; unknown keys; deep nesting; values of another kind; aliases; truncation), each
 * loaded and decoded as {@code sim validate} does. Anything but a clean {@link InputError} fails,
 * naming the mutant's seed and text.
 *
 * <p>Bounded: {@code -Dkubesim.fuzz.mutants} (default 2000) or {@code -Dkubesim.fuzz.seconds}
 * (default 60), whichever comes first. Mutant i uses seed base+i; the base is random unless
 * {@code -Dkubesim.seed=N}. Replay one: {@code -Dkubesim.seed=M -Dkubesim.fuzz.mutants=1}.
 */
class ScenarioFuzzTest {
  /** Fixed so that CI is reproducible; {@code -Dkubesim.seed=N} explores other mutants. */
  static final long DEFAULT_SEED = 20261125L;

  static final String[] CHARS = {":", "[", "]", "{", "}", "&a", "*a", "!", "!!binary", "-", "#", "\"", "'", "\t", "|", ">", "%", "@", "`", ",", "?", "\\", "\u0000", "é", " "};
  static final String[] NUMBERS = {"-1", "-99999999", "0", "2147483648", "99999999999999999999", "1e309", "NaN", ".inf", "-0", "0x1F", "1.5", "abc", "\"7\"", "~", "1_000"};
  static final String[] VALUES = {"{}", "[]", "null", "\"\"", "true", "{a: 1}", "[1, [2]]", "*nope", "-5m", "1Gi", "&x {}", "!!str 3", "!!java.lang.Object {}"};

  @TempDir Path tmp;

  @Test
  void mutatedScenariosFailOnlyWithCleanInputErrors() throws IOException {
    List<Path> sources = new ArrayList<>();
    for (Path dir : List.of(Path.of("library"), Path.of("src/test/resources/scenarios"))) {
      try (Stream<Path> s = Files.list(dir)) {
        s.filter(p -> p.toString().endsWith(".yaml")).sorted().forEach(sources::add);
      }
    }
    List<List<String>> texts = new ArrayList<>();
    for (Path p : sources) texts.add(Files.readAllLines(p, StandardCharsets.UTF_8));
    String fixed = System.getProperty("kubesim.seed");
    long base = fixed != null ? Long.parseLong(fixed) : DEFAULT_SEED;
    int max = Integer.getInteger("kubesim.fuzz.mutants", 2000);
    long deadline = System.nanoTime() + Long.getLong("kubesim.fuzz.seconds", 60) * 1_000_000_000L;
    int done = 0, rejected = 0;
    for (int i = 0; i < max && System.nanoTime() < deadline; i++) {
      long seed = base + i;
      Random r = new Random(seed);
      int which = r.nextInt(sources.size());
      List<String> lines = new ArrayList<>(texts.get(which));
      List<String> applied = new ArrayList<>();
      int n = 1 + r.nextInt(3);
      for (int k = 0; k < n; k++) applied.add(mutate(lines, r));
      String text = String.join("\n", lines) + "\n";
      Path file = tmp.resolve(sources.get(which).getFileName());
      Files.writeString(file, text, StandardCharsets.UTF_8);
      String what = "mutant seed " + seed + " (replay: -Dkubesim.seed=" + seed + " -Dkubesim.fuzz.mutants=1) of " + sources.get(which)
          + ", mutations " + applied;
      Throwable crash = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
        try {
          new ScenarioLoader().load(file).decodeAll();
          return null;
        } catch (InputError e) {
          if (e.getMessage() == null || !e.getMessage().startsWith(file.toString() + ":") && !e.getMessage().startsWith(tmp.toString())) {
            return new AssertionError("error without a file location: " + e.getMessage());
          }
          return e;
        } catch (Throwable t) {
          return t;
        }
      }, () -> what + " did not finish in 20 s; text:\n" + text);
      if (crash instanceof InputError) rejected++;
      else if (crash != null) {
        AssertionError failure = new AssertionError(what + ": " + crash + "\n--- mutant ---\n" + text, crash);
        throw failure;
      }
      done++;
    }
    System.out.println("ScenarioFuzzTest: base seed " + base + ", " + done + " mutants, " + rejected + " rejected with an InputError, "
        + (done - rejected) + " still valid");
    if (done == 0) fail("no mutant ran");
  }

  /**
   * The conformance cases ({@code ../shared/conformance}, when present), mutated the same way and run
   * by the conformance runner: a case may fail, but never crash. Bounded by {@code
   * -Dkubesim.fuzz.cases} (default 500) or a third of {@code -Dkubesim.fuzz.seconds}.
   */
  @Test
  void mutatedConformanceCasesNeverCrashTheRunner() throws IOException {
    Path dir = Path.of("../../shared/conformance");
    org.junit.jupiter.api.Assumptions.assumeTrue(Files.isDirectory(dir), "no conformance cases at " + dir.toAbsolutePath());
    List<Path> sources = io.kubesim.conformance.ConformanceRunner.caseFiles(dir);
    var runner = new io.kubesim.conformance.ConformanceRunner(io.kubesim.conformance.ConformanceKinds.all());
    String fixed = System.getProperty("kubesim.seed");
    long base = fixed != null ? Long.parseLong(fixed) : DEFAULT_SEED;
    int max = Integer.getInteger("kubesim.fuzz.cases", 500);
    long deadline = System.nanoTime() + Long.getLong("kubesim.fuzz.seconds", 60) * 1_000_000_000L / 3;
    int done = 0;
    for (int i = 0; i < max && System.nanoTime() < deadline; i++) {
      long seed = base + i;
      Random r = new Random(seed);
      Path source = sources.get(r.nextInt(sources.size()));
      List<String> lines = new ArrayList<>(Files.readAllLines(source, StandardCharsets.UTF_8));
      List<String> applied = new ArrayList<>();
      int n = 1 + r.nextInt(3);
      for (int k = 0; k < n; k++) applied.add(mutate(lines, r));
      String text = String.join("\n", lines) + "\n";
      Path file = tmp.resolve(source.getFileName());
      Files.writeString(file, text, StandardCharsets.UTF_8);
      String what = "case mutant seed " + seed + " (replay: -Dkubesim.seed=" + seed + " -Dkubesim.fuzz.cases=1) of " + source
          + ", mutations " + applied;
      var result = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> runner.run(file), () -> what + " did not finish in 20 s; text:\n" + text);
      for (String d : result.differences()) {
        if (d.startsWith("crashed")) fail(what + ": " + d + "\n--- mutant ---\n" + text);
      }
      done++;
    }
    System.out.println("ScenarioFuzzTest: base seed " + base + ", " + done + " conformance case mutants");
  }

  /** Applies one random mutation to {@code lines}; returns its description. */
  static String mutate(List<String> lines, Random r) {
    if (lines.isEmpty()) lines.add("");
    int i = r.nextInt(lines.size());
    String line = lines.get(i);
    switch (r.nextInt(10)) {
      case 0 -> { lines.remove(i); return "delete line " + (i + 1); }
      case 1 -> { lines.add(i, line); return "duplicate line " + (i + 1); }
      case 2 -> {
        int j = r.nextInt(lines.size());
        lines.set(i, lines.get(j));
        lines.set(j, line);
        return "swap lines " + (i + 1) + " and " + (j + 1);
      }
      case 3 -> {
        int at = line.isEmpty() ? 0 : r.nextInt(line.length());
        String c = CHARS[r.nextInt(CHARS.length)];
        boolean replace = !line.isEmpty() && r.nextBoolean();
        lines.set(i, line.substring(0, at) + c + line.substring(replace ? at + 1 : at));
        return (replace ? "replace" : "insert") + " " + c + " at " + (i + 1) + ":" + (at + 1);
      }
      case 4 -> {
        List<Integer> withNumbers = new ArrayList<>();
        for (int k = 0; k < lines.size(); k++) if (lines.get(k).matches(".*\\d.*")) withNumbers.add(k);
        if (withNumbers.isEmpty()) return "no number";
        int k = withNumbers.get(r.nextInt(withNumbers.size()));
        String num = NUMBERS[r.nextInt(NUMBERS.length)];
        lines.set(k, lines.get(k).replaceFirst("\\d+", java.util.regex.Matcher.quoteReplacement(num)));
        return "number -> " + num + " at line " + (k + 1);
      }
      case 5 -> {
        String indent = line.replaceAll("^([ -]*).*$", "$1").replace('-', ' ');
        lines.add(i, indent + "zzUnknown" + r.nextInt(100) + ": 1");
        return "unknown key at line " + (i + 1);
      }
      case 6 -> {
        int depth = 10 + r.nextInt(120);
        int colon = line.indexOf(": ");
        String nest = "[".repeat(depth) + "1" + "]".repeat(depth);
        lines.set(i, colon < 0 ? line + " " + nest : line.substring(0, colon + 2) + nest);
        return "nest " + depth + " at line " + (i + 1);
      }
      case 7 -> {
        int colon = line.indexOf(": ");
        if (colon < 0) return "no value";
        String v = VALUES[r.nextInt(VALUES.length)];
        lines.set(i, line.substring(0, colon + 2) + v);
        return "value -> " + v + " at line " + (i + 1);
      }
      case 8 -> {
        int at = r.nextInt(lines.size() + 1);
        while (lines.size() > at) lines.remove(lines.size() - 1);
        return "truncate after line " + at;
      }
      default -> {
        int colon = line.indexOf(": ");
        if (colon < 0) return "no value";
        lines.set(i, line.substring(0, colon + 2) + "&b " + line.substring(colon + 2));
        int j = r.nextInt(lines.size());
        String l2 = lines.get(j);
        int c2 = l2.indexOf(": ");
        if (c2 >= 0) lines.set(j, l2.substring(0, c2 + 2) + "*b");
        return "anchor at " + (i + 1) + ", alias at " + (j + 1);
      }
    }
  }
}
