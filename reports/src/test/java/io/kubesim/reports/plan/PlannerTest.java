package io.kubesim.reports.plan;

import static io.kubesim.reports.TestScenarios.HEADER;
import static io.kubesim.reports.TestScenarios.deployment;
import static io.kubesim.reports.TestScenarios.zoneSpread;
import static org.assertj.core.api.Assertions.assertThat;

import io.kubesim.reports.TestScenarios;
import io.kubesim.scenarios.Scenario;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Planning cases small enough to know the optimum by hand or by exhaustive search. */
class PlannerTest {
  @TempDir Path dir;

  private static final String PLAN_LIMITS = "  timeLimit: 3s\n  stepLimit: 3000\n";

  private List<Answer> plan(String yaml) throws IOException {
    List<Answer> out = new ArrayList<>();
    for (Scenario s : TestScenarios.decode(TestScenarios.write(dir, "s.yaml", yaml))) out.addAll(new Planner(s, null, m -> {}).answer(s));
    return out;
  }

  private static String pool(int count, String zones, String cpu) {
    return """
        nodePools:
        - name: data
          count: %d
          %s
          allocatable: {cpu: "%s", memory: 64Gi}
        """.formatted(count, zones == null ? "" : "zones: " + zones, cpu);
  }

  @Test
  void threeZonesCanNeverHoldFivePodsWithMinDomainsFiveButFiveZonesNeedOneNodeEach() throws IOException {
    String yaml = HEADER + pool(3, "[a, b, c]", "16") + "manifests:\n" + deployment("es", 5, "4", zoneSpread("es", 1, 5))
        + """
        variants:
        - name: zones-3
        - name: zones-5
          set:
            nodePools[name=data].zones: [a, b, c, d, e]
        plan:
        """ + PLAN_LIMITS + """
          questions:
          - name: size
            fewestNodes: {pool: data, max: 3}
        """;
    List<Answer> answers = plan(yaml);

    Answer three = answers.get(0);
    assertThat(three.infeasible()).contains("3 zone(s) < minDomains 5").contains("3 of 5 can run");
    assertThat(three.greedy()).isNull();
    assertThat(three.optimal()).isNull();
    Answer five = answers.get(1);
    assertThat(five.greedy()).isEqualTo(1);
    assertThat(five.optimal()).isEqualTo(1);
    assertThat(five.proven()).isTrue();
    assertThat(five.verified()).isTrue();
  }

  @Test
  void losingAZoneOfFiveLeavesTooFewDomainsForMinDomainsFive() throws IOException {
    String yaml = HEADER + pool(5, "[a, b, c, d, e]", "16") + "manifests:\n" + deployment("es", 5, "4", zoneSpread("es", 1, 5))
        + "plan:\n" + PLAN_LIMITS + """
          questions:
          - name: lost
            fewestNodes: {pool: data, max: 3, zonesLost: 1}
        """;
    Answer a = plan(yaml).get(0);

    assertThat(a.infeasible()).contains("4 zone(s) < minDomains 5");
  }

  @Test
  void guaranteedPodsNeedOneNumaNodeEachOnTheDualSocketFixture() throws IOException {
    // k8s-dual-socket-ht: two NUMA nodes of 6 CPUs; CPU 0 reserved leaves 5 and 6, so a node
    // holds two 4-CPU pods aligned: 5 pods need 3 nodes, though 2 nodes have 22 CPUs for 20.
    String yaml = HEADER + """
        nodePools:
        - name: metal
          count: 1
          hardware: k8s-dual-socket-ht
          allocatable: {memory: 64Gi}
          kubelet: {cpuManagerPolicy: static, reservedSystemCPUs: "0", topologyManagerPolicy: single-numa-node}
        manifests:
        - apiVersion: apps/v1
          kind: Deployment
          metadata: {name: db}
          spec:
            replicas: 5
            selector: {matchLabels: {app: db}}
            template:
              metadata: {labels: {app: db}}
              spec:
                containers:
                - name: db
                  image: db:1
                  resources: {requests: {cpu: "4", memory: 1Gi}, limits: {cpu: "4", memory: 1Gi}}
        plan:
        """ + PLAN_LIMITS + """
          questions:
          - name: aligned
            fewestNodes: {pool: metal, max: 5, aligned: numa}
        """;
    Answer a = plan(yaml).get(0);

    assertThat(a.greedy()).isEqualTo(3);
    assertThat(a.optimal()).isEqualTo(3);
    assertThat(a.bound()).isEqualTo(3);
    assertThat(a.verified()).isTrue();
  }

  @Test
  void headroomCountsWholePodsPerNode() throws IOException {
    // Three 16-CPU nodes hold two 6-CPU pods each: 6 in all, 5 exist, so one more fits.
    String yaml = HEADER + pool(3, "[a, b, c]", "16") + "manifests:\n" + deployment("es", 5, "6", null) + "plan:\n" + PLAN_LIMITS + """
          questions:
          - name: more
            headroom: {workload: Deployment/es, max: 10}
        """;
    Answer a = plan(yaml).get(0);

    assertThat(a.greedy()).isEqualTo(1);
    assertThat(a.optimal()).isEqualTo(1);
    assertThat(a.bound()).isEqualTo(1);
    assertThat(a.proven()).isTrue();
    assertThat(a.verified()).isTrue();
  }

  @Test
  void fewestNodesMatchesAnExhaustiveSearchOnSmallBinPackingCases() throws IOException {
    Random random = new Random(20_260_101L);
    for (int round = 0; round < 4; round++) {
      int[] sizes = {2 + random.nextInt(6), 2 + random.nextInt(6), 2 + random.nextInt(6)};
      int[] replicas = {1 + random.nextInt(3), 1 + random.nextInt(3), 1 + random.nextInt(2)};
      StringBuilder m = new StringBuilder("manifests:\n");
      List<Integer> items = new ArrayList<>();
      for (int w = 0; w < 3; w++) {
        m.append(deployment("w" + w, replicas[w], String.valueOf(sizes[w]), null));
        for (int r = 0; r < replicas[w]; r++) items.add(sizes[w]);
      }
      String yaml = HEADER + pool(1, null, "10") + m + "plan:\n" + PLAN_LIMITS + """
            questions:
            - name: bins
              fewestNodes: {pool: data, per: pool, max: 8}
          """;
      Answer a = plan(yaml).get(0);

      int optimum = Exhaustive.fewestBins(items, 10);
      assertThat(a.optimal()).as("round %d, items %s", round, items).isEqualTo(optimum);
      assertThat(a.greedy()).isGreaterThanOrEqualTo(optimum);
      assertThat(a.bound()).isLessThanOrEqualTo(optimum);
      assertThat(a.verified()).isTrue();
    }
  }

  @Test
  void theSolversAnswerAlwaysPassesTheSimulatorsCheck() throws IOException {
    Random random = new Random(7);
    for (int round = 0; round < 4; round++) {
      int maxSkew = 1 + random.nextInt(2);
      String yaml = HEADER + pool(3, "[a, b, c]", String.valueOf(8 + random.nextInt(9))) + "manifests:\n"
          + deployment("web", 3 + random.nextInt(6), String.valueOf(1 + random.nextInt(4)), zoneSpread("web", maxSkew, null))
          + deployment("api", 2 + random.nextInt(5), String.valueOf(1 + random.nextInt(5)), zoneSpread("api", 1, 3))
          + "plan:\n" + PLAN_LIMITS + """
            questions:
            - name: size
              fewestNodes: {pool: data, max: 6}
            - name: more
              headroom: {workload: Deployment/web, max: 12}
          """;
      for (Answer a : plan(yaml)) {
        assertThat(a.verified()).as("round %d %s: %s", round, a.question(), a.rejected()).isTrue();
        if (a.optimal() != null && a.greedy() != null) {
          if (a.kind().equals("headroom")) assertThat(a.optimal()).isGreaterThanOrEqualTo(a.greedy()).isLessThanOrEqualTo(a.bound());
          else assertThat(a.optimal()).isLessThanOrEqualTo(a.greedy()).isGreaterThanOrEqualTo(a.bound());
        }
      }
    }
  }
}
