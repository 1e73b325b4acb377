package io.kubesim.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * {@code ./sim bench}: the JMH benchmarks, and {@code ./sim bench placement}: the placement rate of
 * the library scenario at several sizes.
 *
 * <pre>
 * ./sim bench [--quick] [--out DIR] [--include REGEX] [--prof gc|stack]
 * ./sim bench placement [--nodes 1000,2000,5000] [--pct 0,100] [--runs 3] [--out DIR]
 * </pre>
 *
 * JMH writes its JSON to {@code DIR/jmh-micro.json} and {@code DIR/jmh-scenario.json} (default
 * {@code bench/results}); placement writes {@code DIR/placement.json}.
 */
public final class BenchMain {
  private BenchMain() {}

  public static void main(String[] args) throws Exception {
    List<String> a = new ArrayList<>(Arrays.asList(args));
    if (!a.isEmpty() && a.get(0).equals("bench")) a.remove(0); // ./sim passes its subcommand through
    if (a.contains("--help") || a.contains("-h")) {
      System.out.println("usage: ./sim bench [--quick] [--out DIR] [--include REGEX] [--prof gc|stack]\n"
          + "       ./sim bench placement [--nodes 1000,2000,5000] [--pct 0,100] [--runs 3] [--out DIR]");
      return;
    }
    String bad = badArguments(a);
    if (bad != null) {
      System.err.println("sim bench: " + bad + "\nusage: ./sim bench [--quick] [--out DIR] [--include REGEX] [--prof gc|stack]\n"
          + "       ./sim bench placement [--nodes 1000,2000,5000] [--pct 0,100] [--runs 3] [--out DIR]");
      System.exit(2);
    }
    Path out = Path.of(option(a, "--out", defaultOut().toString()));
    Files.createDirectories(out);
    if (!a.isEmpty() && a.get(0).equals("placement")) {
      placement(a, out);
    } else {
      jmh(a, out);
    }
  }

  /** Why the arguments cannot run (an unknown option, a missing or malformed value), or null. */
  static String badArguments(List<String> a) {
    boolean placement = !a.isEmpty() && a.get(0).equals("placement");
    List<String> flags = placement ? List.of("--out") : List.of("--quick");
    List<String> valued = placement ? List.of("--out", "--nodes", "--pct", "--runs") : List.of("--out", "--include", "--prof");
    for (int i = placement ? 1 : 0; i < a.size(); i++) {
      String arg = a.get(i);
      if (valued.contains(arg)) {
        if (i + 1 >= a.size()) return arg + " needs a value";
        String v = a.get(++i);
        if ((arg.equals("--nodes") || arg.equals("--pct") || arg.equals("--runs")) && !v.matches("[0-9]+(,[0-9]+)*")) {
          return arg + ": \"" + v + "\" is not a comma-separated list of whole numbers";
        }
        if (arg.equals("--runs") && (v.contains(",") || Integer.parseInt(v) < 1)) return "--runs: \"" + v + "\" is not a count of at least 1";
      } else if (!flags.contains(arg) || arg.equals("--out")) {
        return "unknown argument \"" + arg + "\"" + (placement ? " for bench placement" : "");
      }
    }
    return null;
  }

  private static Path defaultOut() {
    // bench/results of the checkout the library scenario is in.
    return LibraryScenario.libraryFile().getParent().getParent().getParent().resolve("bench/results");
  }

  private static String option(List<String> a, String name, String fallback) {
    int i = a.indexOf(name);
    return i >= 0 && i + 1 < a.size() ? a.get(i + 1) : fallback;
  }

  private static void jmh(List<String> a, Path out) throws RunnerException {
    boolean quick = a.contains("--quick");
    String include = option(a, "--include", null);
    String prof = option(a, "--prof", null);
    // The forks' JVM options are set, not inherited from this JVM (which ./sim starts with the
    // throughput collector). Micro benchmarks run with G1, the JVM's default: they measure the code,
    // and their per-node loops are sensitive to where the collector leaves the nodes in memory
    // (PreFilter + Filter of 5,000 nodes: 59 us with G1, 125 us with Parallel). The whole scenario
    // runs as ./sim runs a replay: 2 GiB heap, the throughput collector.
    String[] microJvmArgs = {"-Xmx2g", "-XX:+UseG1GC"};
    String[] scenarioJvmArgs = {"-Xmx2g", "-XX:+UseParallelGC"};

    ChainedOptionsBuilder micro = new OptionsBuilder()
        .include(include != null ? include : "(SchedulePod|PodTopologySpread|CpuManager)Benchmark")
        .forks(1)
        .jvmArgs(microJvmArgs)
        .warmupIterations(quick ? 1 : 3).warmupTime(TimeValue.seconds(quick ? 1 : 2))
        .measurementIterations(quick ? 2 : 5).measurementTime(TimeValue.seconds(quick ? 1 : 2))
        .resultFormat(ResultFormatType.JSON).result(out.resolve("jmh-micro.json").toString());
    if (prof != null) micro.addProfiler(prof);
    Collection<RunResult> results = new ArrayList<>(new Runner(micro.build()).run());

    if (include == null || "ScenarioBenchmark".matches(".*" + include + ".*")) {
      ChainedOptionsBuilder scenario = new OptionsBuilder()
          .include("ScenarioBenchmark")
          .forks(1)
          .jvmArgs(scenarioJvmArgs)
          .warmupIterations(quick ? 0 : 1)
          .measurementIterations(quick ? 1 : 3)
          .resultFormat(ResultFormatType.JSON).result(out.resolve("jmh-scenario.json").toString());
      if (prof != null) scenario.addProfiler(prof);
      results.addAll(new Runner(scenario.build()).run());
    }

    System.out.println();
    System.out.println("Summary (JMH JSON in " + out + "):");
    for (RunResult r : results) {
      var p = r.getParams();
      StringBuilder params = new StringBuilder();
      for (String k : p.getParamsKeys()) params.append(' ').append(k).append('=').append(p.getParam(k));
      var s = r.getPrimaryResult();
      System.out.printf(Locale.ROOT, "  %-60s %12.3f ± %.3f %s%n", p.getBenchmark().replace("io.kubesim.bench.", "") + params,
          s.getScore(), s.getScoreError(), s.getScoreUnit());
    }
  }

  private static void placement(List<String> a, Path out) throws IOException {
    int[] nodes = ints(option(a, "--nodes", "1000,2000,5000"));
    int[] pcts = ints(option(a, "--pct", "0,100"));
    int runs = Integer.parseInt(option(a, "--runs", "3"));
    StringBuilder json = new StringBuilder("[\n");
    System.out.printf(Locale.ROOT, "%-6s %-4s %-8s %-4s %10s %10s %10s %12s %14s %10s %10s %10s %10s %10s%n", "nodes", "pct", "pods", "run",
        "place s", "pods/s", "total s", "examined/pod", "node-checks/s", "peak MiB", "place cpu", "pods/cpu-s", "total cpu", "proc cpu");
    List<double[]> medians = new ArrayList<>();
    for (int pct : pcts) {
      for (int n : nodes) {
        List<Placement.Result> rs = new ArrayList<>();
        for (int r = 0; r < runs; r++) {
          Placement.Result x = Placement.run(n, pct);
          rs.add(x);
          System.out.printf(Locale.ROOT, "%-6d %-4d %-8d %-4d %10.2f %10.0f %10.2f %12.1f %14.3e %10d %10.2f %10.0f %10.2f %10.2f%n", n, pct,
              x.pods(), r + 1, x.placementSeconds(), x.podsPerSecond(), x.totalSeconds(), x.examinedPerPod(), x.nodeChecksPerSecond(),
              x.peakHeapBytes() >> 20, x.placementCpuSeconds(), x.pods() / x.placementCpuSeconds(), x.totalCpuSeconds(),
              x.placementProcessCpuSeconds());
          json.append(String.format(Locale.ROOT,
              "  {\"nodes\": %d, \"percentageOfNodesToScore\": %d, \"pods\": %d, \"run\": %d, \"placementSeconds\": %.3f, "
                  + "\"podsPerSecond\": %.1f, \"totalSeconds\": %.3f, \"examinedPerPod\": %.2f, \"peakHeapBytes\": %d, \"placementCpuSeconds\": %.3f, \"totalCpuSeconds\": %.3f, "
                  + "\"placementProcessCpuSeconds\": %.3f},%n",
              n, pct, x.pods(), r + 1, x.placementSeconds(), x.podsPerSecond(), x.totalSeconds(), x.examinedPerPod(),
              x.peakHeapBytes(), x.placementCpuSeconds(), x.totalCpuSeconds(), x.placementProcessCpuSeconds()));
        }
        double place = median(rs.stream().mapToDouble(Placement.Result::placementSeconds).toArray());
        double total = median(rs.stream().mapToDouble(Placement.Result::totalSeconds).toArray());
        double examined = rs.get(0).examinedPerPod();
        double placeCpu = median(rs.stream().mapToDouble(Placement.Result::placementCpuSeconds).toArray());
        double totalCpu = median(rs.stream().mapToDouble(Placement.Result::totalCpuSeconds).toArray());
        double processCpu = median(rs.stream().mapToDouble(Placement.Result::placementProcessCpuSeconds).toArray());
        long peak = rs.stream().mapToLong(Placement.Result::peakHeapBytes).max().orElse(0);
        int pods = rs.get(0).pods();
        System.out.printf(Locale.ROOT, "%-6d %-4d %-8d %-4s %10.2f %10.0f %10.2f %12.1f %14.3e %10d %10.2f %10.0f %10.2f %10.2f  (median; peak = max)%n",
            n, pct, pods, "med", place, pods / place, total, examined, pods * examined / place, peak >> 20, placeCpu, pods / placeCpu, totalCpu,
            processCpu);
        medians.add(new double[] {pct, n, pods, place, examined, placeCpu});
      }
    }
    if (json.length() > 2) json.setLength(json.length() - 2);
    json.append("\n]\n");
    Files.writeString(out.resolve("placement.json"), json);
    for (int pct : pcts) {
      List<double[]> m = medians.stream().filter(x -> x[0] == pct).toList();
      if (m.size() < 2) continue;
      double[] xNodes = m.stream().mapToDouble(x -> Math.log(x[1])).toArray();
      double[] xWork = m.stream().mapToDouble(x -> Math.log(x[2] * x[4])).toArray();
      double[] y = m.stream().mapToDouble(x -> Math.log(x[3])).toArray();
      double[] yCpu = m.stream().mapToDouble(x -> Math.log(x[5])).toArray();
      System.out.printf(Locale.ROOT, "pct %d: log-log slope of placement wall time vs nodes (30 pods/node) %.2f, vs pods x nodes examined %.2f;"
          + " of placement CPU time %.2f and %.2f%n", pct, slope(xNodes, y), slope(xWork, y), slope(xNodes, yCpu), slope(xWork, yCpu));
    }
    System.out.println("Wrote " + out.resolve("placement.json"));
  }

  private static int[] ints(String csv) {
    return Arrays.stream(csv.split(",")).mapToInt(s -> Integer.parseInt(s.trim())).toArray();
  }

  static double median(double[] v) {
    double[] s = v.clone();
    Arrays.sort(s);
    return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
  }

  /** Least-squares slope of y on x. */
  static double slope(double[] x, double[] y) {
    double mx = Arrays.stream(x).average().orElse(0);
    double my = Arrays.stream(y).average().orElse(0);
    double num = 0;
    double den = 0;
    for (int i = 0; i < x.length; i++) {
      num += (x[i] - mx) * (y[i] - my);
      den += (x[i] - mx) * (x[i] - mx);
    }
    return num / den;
  }
}
