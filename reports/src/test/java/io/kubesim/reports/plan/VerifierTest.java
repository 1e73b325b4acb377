package io.kubesim.reports.plan;

import static io.kubesim.reports.TestScenarios.HEADER;
import static io.kubesim.reports.TestScenarios.deployment;
import static io.kubesim.reports.TestScenarios.zoneSpread;
import static org.assertj.core.api.Assertions.assertThat;

import io.kubesim.api.Pod;
import io.kubesim.reports.TestScenarios;
import io.kubesim.scenarios.Plan;
import io.kubesim.scenarios.Scenario;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The re-check binds through the simulator's plugins and kubelets, so it can reject. */
class VerifierTest {
  @TempDir Path dir;

  private Scenario scenario() throws IOException {
    String yaml = HEADER + """
        nodePools:
        - name: data
          count: 3
          zones: [a, b, c]
          allocatable: {cpu: "8", memory: 64Gi}
        manifests:
        """ + deployment("web", 3, "2", zoneSpread("web", 1, null));
    return TestScenarios.decode(TestScenarios.write(dir, "s.yaml", yaml)).get(0);
  }

  private static Map<Pod, String> place(List<PlanPod> pods, String... nodes) {
    Map<Pod, String> out = new LinkedHashMap<>();
    for (int i = 0; i < nodes.length; i++) out.put(pods.get(i).pod(), nodes[i]);
    return out;
  }

  @Test
  void acceptsOnePodPerZone() throws IOException {
    Scenario s = scenario();
    List<PlanPod> pods = PlanPods.of(s.objects(), null, 0);

    Verifier.Result r = Verifier.check(s, s.nodes(), s.poolOfNode(), place(pods, "data-0", "data-1", "data-2"), Plan.Alignment.none);

    assertThat(r.passed()).isTrue();
  }

  @Test
  void rejectsThreePodsInOneZoneWithMaxSkewOne() throws IOException {
    Scenario s = scenario();
    List<PlanPod> pods = PlanPods.of(s.objects(), null, 0);

    Verifier.Result r = Verifier.check(s, s.nodes(), s.poolOfNode(), place(pods, "data-0", "data-0", "data-0"), Plan.Alignment.none);

    assertThat(r.rejected()).hasSize(2).allMatch(why -> why.contains("PodTopologySpread"));
  }

  @Test
  void rejectsMoreThanTheNodeAllocates() throws IOException {
    Scenario s = scenario();
    List<PlanPod> pods = PlanPods.of(s.objects(), null, 0);
    Map<Pod, String> placement = place(pods, "data-0", "data-1", "data-2");
    // 5 pods of 2 CPUs per 8-CPU node, zones kept balanced: only the fifth on each node is too many.
    List<PlanPod> more = PlanPods.of(s.objects(), new io.kubesim.scenarios.ObjectRef("Deployment", "default", "web"), 12);
    for (int i = 3; i < more.size(); i++) placement.put(more.get(i).pod(), "data-" + (i % 3));

    Verifier.Result r = Verifier.check(s, s.nodes(), s.poolOfNode(), placement, Plan.Alignment.none);

    assertThat(r.rejected()).hasSize(3).allMatch(why -> why.contains("NodeResourcesFit"));
  }
}
