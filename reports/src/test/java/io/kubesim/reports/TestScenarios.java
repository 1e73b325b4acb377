package io.kubesim.reports;

import io.kubesim.scenarios.Scenario;
import io.kubesim.scenarios.ScenarioLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Small scenario files written for a test, decoded. */
public final class TestScenarios {
  private TestScenarios() {}

  public static final String HEADER = """
      apiVersion: kubesim.io/v1alpha1
      kind: Scenario
      name: t
      seed: 3
      duration: 3m
      """;

  /** A workload: {@code replicas} pods of {@code cpu} CPUs, optionally zone-spread. */
  public static String deployment(String name, int replicas, String cpu, String spread) {
    return """
        - apiVersion: apps/v1
          kind: Deployment
          metadata: {name: %s}
          spec:
            replicas: %d
            selector: {matchLabels: {app: %s}}
            template:
              metadata: {labels: {app: %s}}
              spec:
                containers:
                - name: c
                  image: c:1
                  resources: {requests: {cpu: "%s", memory: 1Gi}}
        %s""".formatted(name, replicas, name, name, cpu, spread == null ? "" : spread.indent(8));
  }

  public static String zoneSpread(String app, int maxSkew, Integer minDomains) {
    return """
        topologySpreadConstraints:
        - maxSkew: %d
          topologyKey: topology.kubernetes.io/zone
          whenUnsatisfiable: DoNotSchedule
          %s
          labelSelector: {matchLabels: {app: %s}}
        """.formatted(maxSkew, minDomains == null ? "" : "minDomains: " + minDomains, app);
  }

  public static Path write(Path dir, String name, String yaml) throws IOException {
    Path f = dir.resolve(name);
    Files.writeString(f, yaml);
    return f;
  }

  public static List<Scenario> decode(Path file) {
    return new ScenarioLoader().load(file).decodeAll();
  }
}
