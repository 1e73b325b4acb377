package io.kubesim;

import static io.kubesim.testing.Nodes.node;
import static io.kubesim.testing.Pods.pod;
import static io.kubesim.testing.TopologySpreadConstraints.doNotSchedule;
import static org.assertj.core.api.Assertions.assertThat;

import io.kubesim.api.Pod;
import io.kubesim.cluster.Cluster;
import io.kubesim.scheduler.KubeScheduler;
import io.kubesim.scheduler.SchedulingDecision;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The library example of the README, compiled and run; the README must show exactly this code. */
class ReadmeExampleTest {

  static List<String> example() {
    // README-BEGIN
    Cluster cluster = new Cluster();
    for (String zone : List.of("a", "b", "c")) {
      cluster.addNode(node("node-" + zone).zone(zone).allocatable(java.util.Map.of("cpu", "4", "memory", "16Gi", "pods", "110")).build());
    }
    cluster.addPod(pod("web-0").label("app", "web").node("node-a").requests("cpu", "1").build());
    KubeScheduler scheduler = KubeScheduler.withDefaultProfile(cluster, 42);

    Pod incoming = pod("web-1").label("app", "web").requests("cpu", "1")
        .spreadConstraint(doNotSchedule(1, "topology.kubernetes.io/zone").matchLabels("app", "web"))
        .build();
    cluster.addPod(incoming);
    scheduler.submit(incoming, 0);

    List<String> lines = new ArrayList<>();
    for (SchedulingDecision d : scheduler.scheduleAll(0)) {
      lines.add(d.pod().name() + " -> " + d.node());
      d.nodeStatuses().forEach((node, status) -> lines.add("  " + node + ": " + status));
      d.scores().forEach(s -> lines.add("  " + s.node() + " total " + s.total() + " " + new java.util.TreeMap<>(s.byPlugin())));
    }
    // README-END
    return lines;
  }

  @Test
  void theReadmeExamplePlacesThePodInAnEmptyZoneAndExplainsWhy() {
    List<String> lines = example();
    assertThat(lines.get(0)).isIn("web-1 -> node-b", "web-1 -> node-c");
    assertThat(lines).anySatisfy(l -> assertThat(l).isEqualTo(
        "  node-a: Unschedulable: node(s) didn't match pod topology spread constraints"));
    // Only hard constraints: PodTopologySpread's PreScore skips, so it adds no score.
    assertThat(lines).anySatisfy(l -> assertThat(l).contains("TaintToleration=300").doesNotContain("PodTopologySpread"));
  }

  @Test
  void theReadmeShowsThisExample() throws IOException {
    String source = Files.readString(Path.of("src/test/java/io/kubesim/ReadmeExampleTest.java"));
    String snippet = source.substring(source.indexOf("// README-BEGIN\n") + 16, source.indexOf("    // README-END"));
    String readme = Files.readString(Path.of("../README.md"));
    String unindented = snippet.lines().map(l -> l.length() >= 4 ? l.substring(4) : l.strip()).collect(java.util.stream.Collectors.joining("\n"));
    assertThat(readme).contains(unindented);
  }
}
