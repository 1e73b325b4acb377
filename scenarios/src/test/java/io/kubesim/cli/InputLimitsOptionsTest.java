package io.kubesim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class InputLimitsOptionsTest {
  private static final String ALIASES = "src/test/resources/bad-inputs/too-many-aliases.yaml";

  private String validate(String... args) {
    StringWriter err = new StringWriter();
    CommandLine cl = new CommandLine(new Main());
    cl.setErr(new PrintWriter(err, true));
    cl.setOut(new PrintWriter(new StringWriter(), true));
    cl.execute(args);
    return err.toString();
  }

  @AfterEach
  void resetLimits() {
    validate("validate", ALIASES);
  }

  @Test
  void aLimitRefusedByDefaultCanBeRaisedFromTheCommandLine() {
    assertThat(validate("validate", ALIASES)).contains("aliases");
    assertThat(validate("validate", "--max-yaml-aliases", "100000", ALIASES)).doesNotContain("more than 1000 aliases");
  }

  @Test
  void limitsMustBePositive() {
    assertThat(validate("validate", "--max-yaml-depth", "0", ALIASES)).contains("input limits must be positive");
  }
}
