package io.kubesim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunCommandTest {
  static final Path EXAMPLE = Path.of("src/test/resources/scenarios/zone-spread.yaml");
  static final Path DISRUPTIONS = Path.of("src/test/resources/scenarios/disruptions.yaml");

  @TempDir Path dir;

  record Result(int exit, String out, String err) {}

  static Result sim(String... args) {
    PrintStream oldOut = System.out, oldErr = System.err;
    ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
    try {
      System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
      System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
      int exit = Main.execute(args);
      return new Result(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    } finally {
      System.setOut(oldOut);
      System.setErr(oldErr);
    }
  }

  @Test
  void runsTheExampleWritesTheFilesAndPrintsTheSummary() throws IOException {
    Path out = dir.resolve("out");
    Result r = sim("run", EXAMPLE.toString(), "--out", out.toString());
    assertThat(r.err()).isEmpty();
    assertThat(r.exit()).isZero();
    assertThat(r.out()).startsWith("Scenario zone-spread (seed 7, 10m, 2 variants)\n")
        .contains("\n== baseline\n", "\n== tight  (nodePools[name=worker].allocatable.cpu=2)\n")
        .contains("Deployment/web  topology.kubernetes.io/zone DoNotSchedule maxSkew=1  0/0/0")
        .contains("PASS  skew of Deployment/web topology.kubernetes.io/zone (scheduler view, at end) ≤ 1: measured 0  [line 68]")
        .contains("Expectations: 10 passed, 0 failed\n");
    try (var files = Files.list(out)) {
      assertThat(files.map(p -> p.getFileName().toString()).sorted().toList())
          .containsExactly("summary.json", "timeline.csv", "timeline.jsonl");
    }
    JsonNode summary = new ObjectMapper().readTree(out.resolve("summary.json").toFile());
    assertThat(summary.get("scenario").asText()).isEqualTo("zone-spread");
    assertThat(summary.get("passed").asBoolean()).isTrue();
    JsonNode baseline = summary.get("variants").get(0);
    assertThat(baseline.get("name").asText()).isEqualTo("baseline");
    JsonNode constraint = baseline.get("workloads").get(0).get("constraints").get(0);
    assertThat(constraint.get("topologyKey").asText()).isEqualTo("topology.kubernetes.io/zone");
    assertThat(constraint.get("final").get("domains").toString()).isEqualTo("{\"zone-a\":5,\"zone-b\":5,\"zone-c\":5}");
    assertThat(constraint.get("final").get("schedulerSkew").asInt()).isZero();
    assertThat(constraint.get("peak").get("allSkew").get("value").asInt()).isLessThanOrEqualTo(1);
    assertThat(baseline.get("pending").get("end").asInt()).isZero();
    assertThat(baseline.get("pinning").isNull()).isTrue();
    assertThat(baseline.get("expectations")).hasSize(5);
    assertThat(baseline.get("expectations").get(0).get("passed").asBoolean()).isTrue();
    assertThat(baseline.get("expectations").get(0).get("measured").asInt()).isZero();
    assertThat(baseline.get("events").get(1).get("label").asText()).isEqualTo("drain nodes=worker-0");
    JsonNode tight = summary.get("variants").get(1);
    assertThat(tight.get("settings").get("nodePools[name=worker].allocatable.cpu").asText()).isEqualTo("2");
    assertThat(tight.get("expectations")).hasSize(5);

    List<String> csv = Files.readAllLines(out.resolve("timeline.csv"));
    assertThat(csv.get(0)).isEqualTo("variant,time,workload,constraint,topologyKey,whenUnsatisfiable,maxSkew,schedulerSkew,allSkew,"
        + "newRevisionSkew,eligibleDomains,minDomains,minDomainsMet,domains,newRevisionDomains,pending,longestWait,events");
    assertThat(csv).anyMatch(l -> l.startsWith("baseline,600,Deployment/web,0,topology.kubernetes.io/zone,DoNotSchedule,1,0,0,0,3,1,true,"
        + "zone-a=5;zone-b=5;zone-c=5,"));
    assertThat(csv).anyMatch(l -> l.startsWith("tight,")).anyMatch(l -> l.endsWith(",drain nodes=worker-0"));
    List<String> jsonl = Files.readAllLines(out.resolve("timeline.jsonl"));
    assertThat(jsonl).hasSize(csv.size() - 1);
    JsonNode line = new ObjectMapper().readTree(jsonl.get(jsonl.size() - 1));
    assertThat(line.get("variant").asText()).isEqualTo("tight");
    assertThat(line.get("timeMs").asLong()).isEqualTo(600_000);
    assertThat(line.get("spread").get(0).get("domains").get("zone-b").asInt()).isEqualTo(5);
  }

  @Test
  void twoRunsWriteByteIdenticalFiles() throws IOException {
    assertThat(sim("run", EXAMPLE.toString(), "--out", dir.resolve("a").toString()).exit()).isZero();
    assertThat(sim("run", EXAMPLE.toString(), "--out", dir.resolve("b").toString()).exit()).isZero();
    for (String f : List.of("summary.json", "timeline.csv", "timeline.jsonl")) {
      assertThat(Files.readAllBytes(dir.resolve("b").resolve(f))).as(f).isEqualTo(Files.readAllBytes(dir.resolve("a").resolve(f)));
    }
    assertThat(sim("run", EXAMPLE.toString(), "--seed", "8", "--out", dir.resolve("c").toString()).exit()).isZero();
    assertThat(Files.readString(dir.resolve("c/summary.json"))).contains("\"seed\" : 8,");
    assertThat(Files.readAllBytes(dir.resolve("c/timeline.csv"))).isNotEqualTo(Files.readAllBytes(dir.resolve("a/timeline.csv")));
  }

  @Test
  void rolloutsDrainAFailedZoneAndARebootRunDeterministicallyOnTheControllersEngine() throws IOException {
    Result r = sim("run", DISRUPTIONS.toString(), "--out", dir.resolve("a").toString());
    assertThat(r.err()).isEmpty();
    assertThat(r.exit()).isZero();
    assertThat(r.out()).contains("Expectations: 6 passed, 0 failed\n");
    assertThat(sim("run", DISRUPTIONS.toString(), "--out", dir.resolve("b").toString()).exit()).isZero();
    for (String f : List.of("summary.json", "timeline.csv", "timeline.jsonl")) {
      assertThat(Files.readAllBytes(dir.resolve("b").resolve(f))).as(f).isEqualTo(Files.readAllBytes(dir.resolve("a").resolve(f)));
    }
    assertThat(sim("run", DISRUPTIONS.toString(), "--seed", "12", "--out", dir.resolve("c").toString()).exit()).isZero();
    assertThat(Files.readAllBytes(dir.resolve("c/timeline.csv"))).isNotEqualTo(Files.readAllBytes(dir.resolve("a/timeline.csv")));

    JsonNode v = new ObjectMapper().readTree(dir.resolve("a/summary.json").toFile()).get("variants").get(0);
    assertThat(v.get("events").findValuesAsText("label")).containsExactly("rollout Deployment/web image web:v2",
        "drain nodes=worker-0,worker-3", "uncordon nodes=worker-0,worker-3", "rollout StatefulSet/db image db:v2",
        "failNodes zone=zone-c", "recoverNodes zone=zone-c", "reboot pool=worker by node");
    assertThat(v.get("pods").toString()).isEqualTo("{\"end\":12,\"runningEnd\":12}");
    // zone-c fails at 15m: Ready=Unknown at the first 5-second node-monitor pass after the 50 s
    // grace, NoExecute taints one node per 10 s (the zone's eviction rate), pods evicted 300 s
    // later (the first at 21m, the last at 21m20s); they wait (DoNotSchedule) until it recovers at 25m.
    JsonNode pending = v.get("pending");
    assertThat(pending.get("peak").asInt()).isEqualTo(3);
    assertThat(pending.get("peakTimeMs").asLong()).isEqualTo(21 * 60_000 + 20_000);
    assertThat(pending.get("longestWaitMs").asLong()).isEqualTo(25 * 60_000 - 21 * 60_000);
    assertThat(pending.get("end").asInt()).isZero();
    JsonNode web = v.get("workloads").get(0);
    assertThat(web.get("workload").asText()).isEqualTo("Deployment/web");
    assertThat(web.get("constraints").get(0).get("final").get("newRevisionDomains").toString())
        .isEqualTo("{\"zone-a\":3,\"zone-b\":3,\"zone-c\":3}");
    assertThat(v.get("expectations").findValuesAsText("passed")).containsOnly("true");
  }

  @Test
  void aFailingExpectationExitsOne() throws IOException {
    String text = Files.readString(EXAMPLE).replace("- pendingDuration: {atMost: 1m}\n  variants: [baseline]\n",
        "- pendingDuration: {atMost: 1m}\n");
    Path file = dir.resolve("strict.yaml");
    Files.writeString(file, text);
    Result r = sim("run", file.toString(), "--out", dir.resolve("out").toString(), "--variant", "tight");
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.out()).contains("FAIL  longest scheduling wait ≤ 1m: measured 2m").contains("Expectations: 5 passed, 1 failed")
        .doesNotContain("== baseline");
    assertThat(Files.readString(dir.resolve("out/summary.json"))).contains("\"passed\" : false");
  }

  @Test
  void anExistingOutputIsRefusedWithoutForceAndReplacedWithIt() throws IOException {
    Path out = dir.resolve("out");
    Files.createDirectories(out);
    Files.writeString(out.resolve("old.txt"), "old");
    Result refused = sim("run", EXAMPLE.toString(), "--out", out.toString());
    assertThat(refused.exit()).isEqualTo(2);
    assertThat(refused.err()).isEqualTo("sim run: " + out + " exists and is not empty; use --force to replace it\n");
    assertThat(out.resolve("old.txt")).exists();
    Result forced = sim("run", EXAMPLE.toString(), "--out", out.toString(), "--force", "--variant", "baseline");
    assertThat(forced.exit()).isZero();
    assertThat(out.resolve("old.txt")).doesNotExist();
    assertThat(out.resolve("summary.json")).exists();
    try (var siblings = Files.list(dir)) {
      assertThat(siblings.map(p -> p.getFileName().toString()).toList()).containsExactly("out");
    }
  }

  @Test
  void badInputExitsTwoWithTheLocatedMessage() throws IOException {
    Path file = dir.resolve("bad.yaml");
    Files.writeString(file, Files.readString(EXAMPLE).replace("  drain: {nodes: [worker-0]}", "  drain: {nodes: [worker-9]}"));
    Result r = sim("run", file.toString(), "--out", dir.resolve("out").toString());
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).isEqualTo(file + ":62:19: timeline[1].drain.nodes[0]: no node \"worker-9\" at this point (did you mean "
        + "\"worker-0\"?)\n");
    assertThat(dir.resolve("out")).doesNotExist();
    Result v = sim("run", EXAMPLE.toString(), "--variant", "tihgt");
    assertThat(v.exit()).isEqualTo(2);
    assertThat(v.err()).contains("no variant \"tihgt\" (did you mean \"tight\"?); variants: baseline, tight");
  }

  @Test
  void validatePrintsCountsOrTheError() throws IOException {
    Result ok = sim("validate", EXAMPLE.toString());
    assertThat(ok.exit()).isZero();
    assertThat(ok.out()).isEqualTo(EXAMPLE + ": OK (6 nodes, 1 workloads, 4 timeline events, 2 variants)\n");
    Path file = dir.resolve("bad.yaml");
    Files.writeString(file, Files.readString(EXAMPLE).replace("sampleInterval: 30s", "sampleInterval: 30"));
    Result bad = sim("validate", file.toString());
    assertThat(bad.exit()).isEqualTo(2);
    assertThat(bad.err()).isEqualTo(file + ":9:17: sampleInterval: invalid duration \"30\": expected a number and a unit (ms, s, m, h), "
        + "e.g. 90s, 5m, 1h30m\n");
  }

  @Test
  void helpListsTheCommands() {
    Result r = sim("--help");
    assertThat(r.out()).contains("run", "validate", "conformance");
  }
}
