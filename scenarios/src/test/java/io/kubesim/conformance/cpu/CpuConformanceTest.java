package io.kubesim.conformance.cpu;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubesim.yaml.YamlLoader;
import io.kubesim.yaml.YamlNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** Every case in {@code shared/conformance/cpu}, one dynamic test per case, named after it. */
class CpuConformanceTest {

  /** Walks up from the working directory to the first ancestor holding {@code shared/conformance/cpu}. */
  static Path casesDir() {
    for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
      Path candidate = p.resolve("shared").resolve("conformance").resolve("cpu");
      if (Files.isDirectory(candidate)) return candidate;
    }
    throw new IllegalStateException("no shared/conformance/cpu above " + Path.of("").toAbsolutePath());
  }

  static List<Path> caseFiles() throws IOException {
    try (Stream<Path> files = Files.list(casesDir())) {
      return files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList();
    }
  }

  @TestFactory
  Stream<DynamicTest> everyCpuCasePasses() throws IOException {
    CpuCaseKind kind = new CpuCaseKind();
    YamlLoader loader = new YamlLoader();
    return caseFiles().stream().map(file -> {
      YamlNode.Map doc = loader.load(file).asMap();
      String name = doc.require("name").asString();
      return DynamicTest.dynamicTest(name, () ->
          assertThat(kind.run(doc)).as("differences for %s", file.getFileName()).isEmpty());
    });
  }

  @Test
  void theCaseDirectoryHoldsTheHundredPublishedCases() throws IOException {
    assertThat(caseFiles()).hasSizeGreaterThanOrEqualTo(100);
  }
}
