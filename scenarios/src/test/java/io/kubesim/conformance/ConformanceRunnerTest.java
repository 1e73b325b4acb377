package io.kubesim.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubesim.yaml.YamlNode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConformanceRunnerTest {

  /** Passes when expect.value equals 42. */
  static final class Answer implements CaseKind {
    @Override
    public Set<String> kinds() {
      return Set.of("answer");
    }

    @Override
    public List<String> run(YamlNode.Map doc) {
      doc.allowOnly("name", "source", "kind", "expect");
      int v = doc.require("expect").asMap().allowOnly("value").require("value").asInt();
      return v == 42 ? List.of() : List.of("value: expected 42, got " + v);
    }
  }

  @TempDir Path dir;

  private String run() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    new ConformanceRunner(List.of(new Answer())).runAll(dir, new PrintStream(out, true, StandardCharsets.UTF_8));
    return out.toString(StandardCharsets.UTF_8);
  }

  @Test
  void countsPassedFailedAndSkippedAndNamesEachFailure() throws Exception {
    Files.writeString(dir.resolve("a.yaml"), "name: a\nkind: answer\nexpect: {value: 42}\n");
    Files.createDirectories(dir.resolve("sub"));
    Files.writeString(dir.resolve("sub/b.yaml"), "name: b\nkind: answer\nexpect: {value: 41}\n");
    Files.writeString(dir.resolve("c.yaml"), "name: c\nkind: future-kind\n");
    Files.writeString(dir.resolve("notes.md"), "not a case");
    String out = run();
    assertThat(out).contains("FAIL b").contains("value: expected 42, got 41");
    assertThat(out.lines().reduce((x, y) -> y).orElseThrow()).isEqualTo("1 passed, 1 failed, 1 skipped");
  }

  @Test
  void aCaseWithAnUnknownKeyFailsWithItsLocation() throws Exception {
    Files.writeString(dir.resolve("a.yaml"), "name: a\nkind: answer\nexpect: {value: 42, extra: 1}\n");
    assertThat(run()).contains("a.yaml:3:").contains("unknown field \"extra\"").endsWith("0 passed, 1 failed\n");
  }

  @Test
  void duplicateCaseNamesFail() throws Exception {
    Files.writeString(dir.resolve("a.yaml"), "name: same\nkind: answer\nexpect: {value: 42}\n");
    Files.writeString(dir.resolve("b.yaml"), "name: same\nkind: answer\nexpect: {value: 42}\n");
    assertThat(run()).contains("duplicate case name").endsWith("1 passed, 1 failed\n");
  }
}
