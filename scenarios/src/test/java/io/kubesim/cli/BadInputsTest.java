package io.kubesim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubesim.conformance.ConformanceKinds;
import io.kubesim.conformance.ConformanceRunner;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bad-input suite: every file in {@code src/test/resources/bad-inputs} (one per failure class) starts with
 * {@code # expect: [FILE:]LINE:COLUMN: PATH: MESSAGE-START}; {@code sim validate FILE} must exit 2 and print exactly
 * that as the first line of stderr, after the file's name (FILE, when given, is the included file the error is in).
 * Files under {@code includes/} are only included by others; {@code conformance/} holds conformance cases.
 */
class BadInputsTest {
  static final Path DIR = Path.of("src/test/resources/bad-inputs");

  static String expectation(Path file) throws IOException {
    String first = Files.readAllLines(file, StandardCharsets.UTF_8).get(0);
    assertThat(first).as(file + ": first line").startsWith("# expect: ");
    return first.substring("# expect: ".length());
  }

  /** {@code line} is {@code [dir/]NAME:rest-of-header...}, where NAME is the header's file or {@code file}'s name. */
  static void assertMatches(Path file, String expected, String line) {
    String located = Pattern.compile("^[^:]+\\.(yaml|csv):").matcher(expected).find() ? expected : file.getFileName() + ":" + expected;
    assertThat(line).as(file + ": first line of the error").matches("(?s)^(.*/)?" + Pattern.quote(located) + ".*");
  }

  @TestFactory
  Stream<DynamicTest> everyBadScenarioFailsWithItsLocationAndMessage() throws IOException {
    List<Path> files;
    try (Stream<Path> s = Files.list(DIR)) {
      files = s.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
    }
    assertThat(files).hasSizeGreaterThanOrEqualTo(40);
    return files.stream().map(file -> DynamicTest.dynamicTest(file.getFileName().toString(), () -> {
      String expected = expectation(file);
      RunCommandTest.Result r = RunCommandTest.sim("validate", file.toString());
      assertThat(r.exit()).as(file + ": exit code; stderr: " + r.err()).isEqualTo(2);
      assertThat(r.out()).as(file + ": stdout").isEmpty();
      assertMatches(file, expected, r.err().lines().findFirst().orElse(""));
    }));
  }

  @TestFactory
  Stream<DynamicTest> everyBadConformanceCaseFailsCleanly() throws IOException {
    List<Path> files;
    try (Stream<Path> s = Files.list(DIR.resolve("conformance"))) {
      files = s.sorted().toList();
    }
    return files.stream().map(file -> DynamicTest.dynamicTest(file.getFileName().toString(), () -> {
      String expected = expectation(file);
      ConformanceRunner.Result r = new ConformanceRunner(ConformanceKinds.all()).run(file);
      assertThat(r.outcome()).as(file + ": " + r.differences()).isEqualTo(ConformanceRunner.Outcome.FAILED);
      assertThat(r.differences()).hasSize(1);
      assertThat(r.differences().get(0)).doesNotStartWith("crashed");
      assertMatches(file, expected, r.differences().get(0));
    }));
  }

  @Test
  void runRefusesANonEmptyOutputDirectoryWithoutForceAndWritesNothing(@TempDir Path tmp) throws IOException {
    Path out = tmp.resolve("out");
    Files.createDirectories(out);
    Files.writeString(out.resolve("keep.txt"), "mine");
    RunCommandTest.Result r = RunCommandTest.sim("run", RunCommandTest.EXAMPLE.toString(), "--out", out.toString());
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains("exists and is not empty; use --force");
    try (Stream<Path> s = Files.list(out)) {
      assertThat(s.map(p -> p.getFileName().toString()).toList()).containsExactly("keep.txt");
    }
    assertThat(Files.readString(out.resolve("keep.txt"))).isEqualTo("mine");
    try (Stream<Path> s = Files.list(tmp)) {
      assertThat(s.count()).as("no temporary files left beside the output").isEqualTo(1);
    }
  }

  @Test
  void anIncludeThatIsASymbolicLinkOutOfTheDirectoryIsRefused(@TempDir Path tmp) throws IOException {
    Path outside = Files.writeString(tmp.resolve("outside.yaml"), "apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec: {containers: [{name: c, image: i}]}\n");
    Path dir = Files.createDirectories(tmp.resolve("scenario"));
    Files.createSymbolicLink(dir.resolve("link.yaml"), outside);
    String text = Files.readString(DIR.resolve("include-missing.yaml")).replace("includes/nope.yaml", "link.yaml");
    Path file = Files.writeString(dir.resolve("s.yaml"), text);
    RunCommandTest.Result r = RunCommandTest.sim("validate", file.toString());
    assertThat(r.exit()).as(r.err()).isEqualTo(2);
    assertThat(r.err()).startsWith(file + ":11:11: include[0]: ").contains("leaves the scenario's directory");
  }

  @Test
  void runRefusesAnOutputThatIsAFile(@TempDir Path tmp) throws IOException {
    Path out = tmp.resolve("out");
    Files.writeString(out, "mine");
    RunCommandTest.Result r = RunCommandTest.sim("run", RunCommandTest.EXAMPLE.toString(), "--out", out.toString(), "--force");
    assertThat(r.exit()).isEqualTo(2);
    assertThat(Files.readString(out)).isEqualTo("mine");
  }
}
