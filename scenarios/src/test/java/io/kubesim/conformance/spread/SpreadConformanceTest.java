package io.kubesim.conformance.spread;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubesim.yaml.YamlLoader;
import io.kubesim.yaml.YamlNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** Every case under {@code shared/conformance/spread}, one dynamic test per case, named after it. */
class SpreadConformanceTest {

  /** {@code shared/conformance}, found by walking up from the working directory. */
  static Path conformanceDir() {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      Path candidate = dir.resolve("shared").resolve("conformance");
      if (Files.isDirectory(candidate)) return candidate;
    }
    throw new IllegalStateException("no shared/conformance above " + Path.of("").toAbsolutePath());
  }

  @TestFactory
  Stream<DynamicTest> spreadCases() throws IOException {
    Path dir = conformanceDir().resolve("spread");
    List<Path> files;
    try (Stream<Path> s = Files.list(dir)) {
      files = s.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
    }
    assertThat(files).as("cases in %s", dir).isNotEmpty();
    SpreadCaseKind kind = new SpreadCaseKind();
    YamlLoader loader = new YamlLoader();
    return files.stream().map(file -> {
      YamlNode.Map doc = loader.load(file).asMap();
      String name = doc.require("name").asString();
      return DynamicTest.dynamicTest(name, () -> {
        List<String> diffs = kind.run(doc);
        assertThat(diffs).as("%s (%s)", name, file.getFileName()).isEmpty();
      });
    });
  }
}
