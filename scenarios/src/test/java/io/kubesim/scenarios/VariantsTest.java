package io.kubesim.scenarios;

import static io.kubesim.scenarios.ScenarioTexts.BASE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kubesim.api.Deployment;
import io.kubesim.api.Quantity;
import io.kubesim.yaml.InputError;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VariantsTest {
  @TempDir Path dir;

  private static Deployment web(Scenario s) {
    return (Deployment) s.objects().get(0);
  }

  @Test
  void withoutVariantsThereIsOneCalledDefault() {
    ScenarioFile f = ScenarioTexts.load(dir, BASE);
    assertThat(f.variants()).extracting(VariantSpec::name).containsExactly("default");
  }

  @Test
  void setPathsChangeTheTreeBeforeDecoding() {
    ScenarioFile f = ScenarioTexts.load(dir, BASE + """
        variants:
        - name: baseline
        - name: with-matchLabelKeys
          description: spread each revision on its own
          set:
            manifests[name=web].spec.template.spec.topologySpreadConstraints[0].matchLabelKeys: [pod-template-hash]
            manifests[kind=Deployment].spec.replicas: 9
            nodePools[0].labels["example.com/tier"]: gold
            featureGates.MatchLabelKeysInPodTopologySpread: true
        """);
    List<Scenario> all = f.decodeAll();
    assertThat(all).extracting(Scenario::variant).containsExactly("baseline", "with-matchLabelKeys");
    assertThat(web(all.get(0)).spec().template().spec().topologySpreadConstraints().get(0).matchLabelKeys()).isEmpty();
    assertThat(web(all.get(0)).spec().replicas()).isEqualTo(6);
    Scenario v = all.get(1);
    assertThat(web(v).spec().template().spec().topologySpreadConstraints().get(0).matchLabelKeys()).containsExactly("pod-template-hash");
    assertThat(web(v).spec().replicas()).isEqualTo(9);
    assertThat(v.nodes().get(0).labels()).containsEntry("example.com/tier", "gold");
    assertThat(v.settings()).containsExactly(
        java.util.Map.entry("manifests[name=web].spec.template.spec.topologySpreadConstraints[0].matchLabelKeys", "[pod-template-hash]"),
        java.util.Map.entry("manifests[kind=Deployment].spec.replicas", "9"),
        java.util.Map.entry("nodePools[0].labels[\"example.com/tier\"]", "gold"),
        java.util.Map.entry("featureGates.MatchLabelKeysInPodTopologySpread", "true"));
  }

  @Test
  void matrixIsTheCrossProductWithNamesJoined() {
    ScenarioFile f = ScenarioTexts.load(dir, BASE + """
        matrix:
        - - name: mlk
            set: {featureGates.MatchLabelKeysInPodTopologySpread: true}
          - name: no-mlk
            set: {featureGates.MatchLabelKeysInPodTopologySpread: false}
        - - name: honor
            set: {"manifests[name=web].spec.template.spec.topologySpreadConstraints[0].nodeTaintsPolicy": Honor}
          - name: ignore
            set: {"manifests[name=web].spec.template.spec.topologySpreadConstraints[0].nodeTaintsPolicy": Ignore}
        - - name: small
            set: {"nodePools[name=worker].count": 3}
        expectations:
        - pending: {atMost: 0}
          variants: [ignore]
        """);
    assertThat(f.variants()).extracting(VariantSpec::name)
        .containsExactly("mlk+honor+small", "mlk+ignore+small", "no-mlk+honor+small", "no-mlk+ignore+small");
    List<Scenario> all = f.decodeAll();
    assertThat(all.get(2).features().matchLabelKeysInPodTopologySpread()).isFalse();
    assertThat(web(all.get(3)).spec().template().spec().topologySpreadConstraints().get(0).nodeTaintsPolicy()).isEqualTo("Ignore");
    assertThat(all.get(0).nodes()).hasSize(3);
    assertThat(all).extracting(s -> s.expectations().get(0).appliesTo(s.variant())).containsExactly(false, true, false, true);
  }

  @Test
  void valuesSetByAVariantAreCheckedWhereTheVariantWroteThem() {
    ScenarioFile f = ScenarioTexts.load(dir, BASE + """
        variants:
        - name: ok
        - name: bad
          set:
            nodePools[name=worker].allocatable.cpu: lots
        """);
    assertThatThrownBy(f::decodeAll).isInstanceOfSatisfying(InputError.class, e -> {
      assertThat(e.mark().line()).isEqualTo(27);
      assertThat(e.mark().column()).isEqualTo(45);
      assertThat(e.path()).isEqualTo("nodePools[0].allocatable.cpu");
      assertThat(e.problem()).startsWith("invalid quantity \"lots\"");
    });
    Scenario ok = f.decode(f.variants().get(0));
    assertThat(ok.nodes().get(0).status().allocatable().get("cpu")).isEqualTo(Quantity.parse("4"));
  }

  @Test
  void badPathsAreErrorsAtTheVariant() {
    assertThatThrownBy(() -> ScenarioTexts.load(dir, BASE + "variants:\n- name: a\n  set:\n    manifests[name=wb].spec.replicas: 4\n").decodeAll())
        .isInstanceOfSatisfying(InputError.class, e -> {
          assertThat(e.mark().line()).isEqualTo(26);
          assertThat(e.problem()).isEqualTo("path \"manifests[name=wb].spec.replicas\": no item of manifests has name=wb (did you mean "
              + "\"web\"?); found: web");
        });
    assertThatThrownBy(() -> ScenarioTexts.load(dir, BASE + "variants:\n- name: a\n  set:\n    nodePools[3].count: 4\n").decodeAll())
        .isInstanceOfSatisfying(InputError.class,
            e -> assertThat(e.problem()).isEqualTo("path \"nodePools[3].count\": nodePools has 1 item(s), no [3]"));
    assertThatThrownBy(() -> ScenarioTexts.load(dir, BASE + "variants:\n- name: a\n  set:\n    name.first: x\n").decodeAll())
        .isInstanceOfSatisfying(InputError.class,
            e -> assertThat(e.problem()).isEqualTo("path \"name.first\": name is string \"t\", not a mapping with \"first\""));
    assertThatThrownBy(() -> ScenarioTexts.load(dir, BASE + "variants:\n- name: a\n  set:\n    variants[0].name: x\n"))
        .isInstanceOfSatisfying(InputError.class,
            e -> assertThat(e.problem()).isEqualTo("\"variants\" cannot be changed by a variant"));
    assertThatThrownBy(() -> ScenarioTexts.load(dir, BASE + "variants:\n- name: a\n  set:\n    manifests[name=web.spec: x\n"))
        .isInstanceOfSatisfying(InputError.class,
            e -> assertThat(e.problem()).isEqualTo("invalid path \"manifests[name=web.spec\": unclosed \"[\""));
  }

  @Test
  void duplicateAndInvalidVariantNames() {
    assertThatThrownBy(() -> ScenarioTexts.load(dir, BASE + "variants:\n- name: a\n- name: a\n")).isInstanceOfSatisfying(InputError.class, e -> {
      assertThat(e.mark().line()).isEqualTo(25);
      assertThat(e.mark().column()).isEqualTo(9);
      assertThat(e.problem()).isEqualTo("duplicate variant name \"a\" (first at line 24)");
    });
    assertThatThrownBy(() -> ScenarioTexts.load(dir, BASE + "variants:\n- name: a+b\n")).isInstanceOfSatisfying(InputError.class,
        e -> assertThat(e.problem()).startsWith("invalid variant name \"a+b\""));
    assertThatThrownBy(() -> ScenarioTexts.load(dir, BASE + "variants:\n- name: a\nmatrix:\n- [{name: b}]\n"))
        .isInstanceOfSatisfying(InputError.class, e -> assertThat(e.problem()).isEqualTo("use either variants or matrix, not both"));
  }

  @Test
  void findSuggestsTheClosestVariant() {
    ScenarioFile f = ScenarioTexts.load(dir, BASE + "variants:\n- name: baseline\n- name: tight\n");
    assertThat(ScenarioLoader.find(f.variants(), "tight").name()).isEqualTo("tight");
    assertThatThrownBy(() -> ScenarioLoader.find(f.variants(), "tihgt"))
        .hasMessage("no variant \"tihgt\" (did you mean \"tight\"?); variants: baseline, tight");
  }

  @Test
  void treeEditKeepsTheOriginalUntouched() {
    ScenarioFile f = ScenarioTexts.load(dir, BASE + "variants:\n- name: a\n  set: {seed: 5}\n- name: b\n");
    assertThat(f.decode(f.variants().get(0)).seed()).isEqualTo(5);
    assertThat(f.decode(f.variants().get(1)).seed()).isEqualTo(1);
  }
}
