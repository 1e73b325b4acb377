package io.kubesim.reports.html;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kubesim.reports.cli.ReportsMain;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code sim plan} on the library's minDomains plan: the answers the README quotes, as HTML and JSON. */
class PlanCommandTest {
  @TempDir Path out;

  @Test
  void theMinDomainsPlanSaysWhichClustersCanWork() throws Exception {
    Path dir = out.resolve("plan");
    int code = ReportsMain.execute("plan", RunReportTest.LIBRARY.resolve("min-domains-sizing-plan.yaml").toString(), "--out", dir.toString(),
        "--time-limit", "2s");

    assertThat(code).isZero();
    JsonNode answers = new ObjectMapper().readTree(Files.readString(dir.resolve("plan.json"))).path("answers");
    assertThat(answers).hasSize(6);
    for (JsonNode a : answers) {
      String key = a.path("variant").asText() + "/" + a.path("question").asText();
      switch (key) {
        case "zones-3/nodes-per-zone", "zones-3/one-zone-lost", "zones-5/one-zone-lost" ->
            assertThat(a.path("infeasible").asText()).as(key).contains("< minDomains 5");
        default -> {
          // 8-CPU nodes hold one pod each (6 or 5 CPUs): 5 data + 6 ingest pods spread over the zones up.
          int perZone = key.equals("zones-6/nodes-per-zone") ? 2 : 3;
          assertThat(a.path("greedy").asInt()).as(key).isEqualTo(perZone);
          assertThat(a.path("optimal").asInt()).as(key).isEqualTo(perZone);
          assertThat(a.path("proven").asBoolean()).as(key).isTrue();
          assertThat(a.path("verified").asBoolean()).as(key).isTrue();
        }
      }
    }
    RunReportTest.assertSelfContained(dir.resolve("plan.html"));
    assertThat(RunReportTest.parse(dir.resolve("plan.html")).getElementsByTagName("svg").getLength()).isEqualTo(2);
  }

  @Test
  void aFileWithoutAPlanIsBadInput() {
    int code = ReportsMain.execute("plan", RunReportTest.LIBRARY.resolve("rolling-upgrade-zone-skew.yaml").toString(), "--out",
        out.resolve("x").toString());

    assertThat(code).isEqualTo(2);
    assertThat(out.resolve("x")).doesNotExist();
  }

  @Test
  void aBadTimeLimitIsBadInput() {
    int code = ReportsMain.execute("plan", RunReportTest.LIBRARY.resolve("min-domains-sizing-plan.yaml").toString(), "--time-limit", "soon",
        "--out", out.resolve("y").toString());

    assertThat(code).isEqualTo(2);
  }
}
