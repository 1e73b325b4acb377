package io.kubesim.scenarios;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kubesim.yaml.InputError;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The plan section: defaults, and what it checks against the scenario. */
class PlanDecoderTest {
  @TempDir Path dir;

  @Test
  void aScenarioWithoutAPlanHasNone() {
    assertThat(ScenarioTexts.decode(dir, "").plan()).isNull();
  }

  @Test
  void defaultsCountPerZoneForAZonedPoolAndTenSeconds() {
    Scenario s = ScenarioTexts.decode(dir, """
        plan:
          questions:
          - name: size
            fewestNodes: {pool: worker, max: 4}
          - name: more
            headroom: {workload: Deployment/web, max: 20}
        """);

    assertThat(s.plan().timeLimitMs()).isEqualTo(10_000);
    assertThat(s.plan().stepLimit()).isNull();
    assertThat(s.plan().questions()).hasSize(2);
    Plan.FewestNodes q = (Plan.FewestNodes) s.plan().questions().get(0);
    assertThat(q.per()).isEqualTo(Plan.Per.zone);
    assertThat(q.zonesLost()).isZero();
    assertThat(q.aligned()).isEqualTo(Plan.Alignment.none);
    Plan.Headroom h = (Plan.Headroom) s.plan().questions().get(1);
    assertThat(h.workload()).isEqualTo(new ObjectRef("Deployment", "default", "web"));
  }

  @Test
  void nodesDownMayNotTakeEveryNodeTried() {
    assertThatThrownBy(() -> ScenarioTexts.decode(dir, """
        plan:
          questions:
          - name: size
            fewestNodes: {pool: worker, per: pool, max: 2, nodesDown: 2}
        """)).isInstanceOf(InputError.class).hasMessageContaining("plan.questions[0].fewestNodes.nodesDown: takes down all of the at most 2 nodes tried");
  }

  @Test
  void aVariantCanChangeTheQuestions() {
    ScenarioFile f = ScenarioTexts.load(dir, ScenarioTexts.BASE + """
        plan:
          questions:
          - name: size
            fewestNodes: {pool: worker, max: 4}
        variants:
        - name: a
        - name: b
          set:
            plan.questions[name=size].fewestNodes.zonesLost: 1
        """);

    assertThat(f.decodeAll()).extracting(s -> ((Plan.FewestNodes) s.plan().questions().get(0)).zonesLost()).containsExactly(0, 1);
  }
}
