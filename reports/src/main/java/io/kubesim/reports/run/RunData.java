package io.kubesim.reports.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A run as {@code sim run} writes it (summary.json, timeline.jsonl) plus, when the report ran it,
 * the kubelets' CPU maps (cpumap.json). The report is rendered from this alone, so rendering a
 * run directory and rendering a fresh run are the same code.
 *
 * @param cpuMaps null when the run was not made by {@code sim report} or pins no CPUs
 */
public record RunData(JsonNode summary, List<JsonNode> timeline, JsonNode cpuMaps) {
  public static final String SUMMARY = "summary.json";
  public static final String TIMELINE = "timeline.jsonl";
  public static final String CPU_MAPS = "cpumap.json";
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Reads a run directory; a missing or malformed file is an {@link IllegalArgumentException} naming it. */
  public static RunData read(Path dir) {
    String summary = readFile(dir.resolve(SUMMARY), true);
    String timeline = readFile(dir.resolve(TIMELINE), true);
    String cpu = readFile(dir.resolve(CPU_MAPS), false);
    return parse(summary, timeline, cpu, dir);
  }

  /** From the files' contents (cpuMaps may be null). */
  public static RunData parse(String summary, String timeline, String cpuMaps, Path where) {
    List<JsonNode> lines = new ArrayList<>();
    int n = 0;
    for (String line : timeline.split("\n")) {
      n++;
      if (line.isBlank()) continue;
      lines.add(json(line, where.resolve(TIMELINE) + ":" + n));
    }
    JsonNode s = json(summary, where.resolve(SUMMARY).toString());
    if (!s.path("variants").isArray()) throw new IllegalArgumentException(where.resolve(SUMMARY) + ": not a sim run summary (no variants)");
    return new RunData(s, lines, cpuMaps == null ? null : json(cpuMaps, where.resolve(CPU_MAPS).toString()));
  }

  private static JsonNode json(String text, String where) {
    try {
      return JSON.readTree(text);
    } catch (IOException e) {
      throw new IllegalArgumentException(where + ": not valid JSON: " + e.getMessage());
    }
  }

  private static String readFile(Path p, boolean required) {
    if (!Files.isRegularFile(p)) {
      if (required) throw new IllegalArgumentException(p + " does not exist: give a scenario file or a directory written by sim run");
      return null;
    }
    try {
      return Files.readString(p, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot read " + p + ": " + e.getMessage());
    }
  }

  /** The timeline samples of one variant, in time order. */
  public List<JsonNode> samples(String variant) {
    return timeline.stream().filter(l -> l.path("variant").asText().equals(variant)).toList();
  }

  public List<JsonNode> variants() {
    List<JsonNode> out = new ArrayList<>();
    summary.path("variants").forEach(out::add);
    return out;
  }
}
