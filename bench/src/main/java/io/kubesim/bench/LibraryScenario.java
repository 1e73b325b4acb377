package io.kubesim.bench;

import io.kubesim.scenarios.Scenario;
import io.kubesim.scenarios.ScenarioLoader;
import io.kubesim.scenarios.VariantSpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The 5,000-node / 150,000-pod library scenario, found from the working directory or from the bench
 * jar's location (bench/target/), and scaled copies of it: {@code nodes} nodes at the same 30
 * pods/node (50 Deployments of {@code nodes * 30 / 50} replicas), optionally with a fixed
 * {@code percentageOfNodesToScore}. The copies are written next to nothing: to a temporary file.
 */
final class LibraryScenario {
  static final String FILE = "scenarios/library/large-cluster-5000-nodes.yaml";
  static final int LIBRARY_NODES = 5000;
  static final int LIBRARY_REPLICAS = 3000;
  static final int DEPLOYMENTS = 50;

  private LibraryScenario() {}

  static Path libraryFile() {
    String explicit = System.getProperty("kubesim.root");
    if (explicit != null) return Path.of(explicit, FILE);
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      if (Files.isRegularFile(dir.resolve(FILE))) return dir.resolve(FILE);
    }
    try {
      Path jar = Path.of(LibraryScenario.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      for (Path dir = jar.getParent(); dir != null; dir = dir.getParent()) {
        if (Files.isRegularFile(dir.resolve(FILE))) return dir.resolve(FILE);
      }
    } catch (URISyntaxException | SecurityException e) {
      // fall through
    }
    throw new IllegalStateException(FILE + " not found from " + Path.of("").toAbsolutePath() + "; pass -Dkubesim.root=<repo>");
  }

  /** Pods the scenario places initially. */
  static int pods(int nodes) {
    return replicas(nodes) * DEPLOYMENTS;
  }

  static int replicas(int nodes) {
    return (int) ((long) nodes * LIBRARY_REPLICAS / LIBRARY_NODES);
  }

  /** The library scenario at {@code nodes} nodes; {@code percentage} -1 keeps the scenario's (adaptive). */
  static Scenario load(int nodes, int percentage) {
    try {
      Path file = libraryFile();
      if (nodes == LIBRARY_NODES && percentage < 0) return decode(file);
      String text = Files.readString(file)
          .replace("count: " + LIBRARY_NODES + "\n", "count: " + nodes + "\n")
          .replace("replicas: " + LIBRARY_REPLICAS + "\n", "replicas: " + replicas(nodes) + "\n");
      if (percentage >= 0) {
        text = text.replace("\nnodePools:\n", "\nscheduler: {percentageOfNodesToScore: " + percentage + "}\nnodePools:\n");
      }
      Path copy = Files.createTempFile("kubesim-bench-", ".yaml");
      try {
        Files.writeString(copy, text);
        return decode(copy);
      } finally {
        Files.deleteIfExists(copy);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Scenario decode(Path file) {
    var sf = new ScenarioLoader().load(file);
    VariantSpec variant = sf.variants().get(0);
    return sf.decode(variant);
  }
}
