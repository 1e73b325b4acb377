package io.kubesim.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubesim.cli.Main;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/** Every scenario of the library runs through the CLI, as the README shows, and meets its expectations. */
class LibraryScenariosTest {
  @TempDir Path out;

  static List<Path> library() throws IOException {
    try (Stream<Path> files = Files.list(Path.of("library"))) {
      return files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
    }
  }

  @TestFactory
  Stream<DynamicTest> everyLibraryScenarioMeetsItsExpectations() throws IOException {
    List<Path> files = library();
    assertThat(files).hasSizeGreaterThanOrEqualTo(5);
    return files.stream().map(file -> DynamicTest.dynamicTest(file.getFileName().toString(), () -> {
      Path dir = out.resolve(file.getFileName().toString().replace(".yaml", ""));
      int code = Main.execute("run", file.toString(), "--out", dir.toString());
      assertThat(code).as("exit code of sim run %s", file).isZero();
      assertThat(dir.resolve("summary.json")).exists();
    }));
  }
}
