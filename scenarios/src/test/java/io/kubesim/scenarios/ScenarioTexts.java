package io.kubesim.scenarios;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/** Scenario texts for tests: a base with a 6-node, 3-zone pool and one spread Deployment. */
public final class ScenarioTexts {
  private ScenarioTexts() {}

  /** 22 lines; whatever a test appends starts on line 23. */
  public static final String BASE = """
      apiVersion: kubesim.io/v1alpha1
      kind: Scenario
      name: t
      duration: 10m
      nodePools:
      - name: worker
        count: 6
        zones: [zone-a, zone-b, zone-c]
        allocatable: {cpu: "4", memory: 16Gi}
      manifests:
      - apiVersion: apps/v1
        kind: Deployment
        metadata: {name: web}
        spec:
          replicas: 6
          selector: {matchLabels: {app: web}}
          template:
            metadata: {labels: {app: web}}
            spec:
              containers: [{name: web, image: web:v1}]
              topologySpreadConstraints:
              - {maxSkew: 1, topologyKey: topology.kubernetes.io/zone, whenUnsatisfiable: DoNotSchedule, labelSelector: {matchLabels: {app: web}}}
      """;

  public static Path write(Path dir, String name, String text) {
    try {
      Path p = dir.resolve(name);
      java.nio.file.Files.createDirectories(p.getParent());
      java.nio.file.Files.writeString(p, text);
      return p;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static ScenarioFile load(Path dir, String text) {
    return new ScenarioLoader().load(write(dir, "s.yaml", text));
  }

  /** The base with {@code more} appended, decoded for its first variant. */
  public static Scenario decode(Path dir, String more) {
    ScenarioFile f = load(dir, BASE + more);
    return f.decode(f.variants().get(0));
  }
}
