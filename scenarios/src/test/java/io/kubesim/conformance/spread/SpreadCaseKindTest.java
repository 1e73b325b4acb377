package io.kubesim.conformance.spread;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kubesim.yaml.InputError;
import io.kubesim.yaml.YamlLoader;
import io.kubesim.yaml.YamlNode;
import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The runner itself: it must never pass a case by ignoring what the case asks. */
class SpreadCaseKindTest {

  private final SpreadCaseKind kind = new SpreadCaseKind();

  private static YamlNode.Map doc(String text) {
    return new YamlLoader().loadAll("case.yaml", new StringReader(text)).get(0).asMap();
  }

  private static final String FILTER_CASE = """
      name: t
      source: test
      kind: spread-filter
      featureGates: {NodeInclusionPolicyInPodTopologySpread: true, MatchLabelKeysInPodTopologySpread: true}
      defaultConstraints: []
      nodes:
      - metadata: {name: node-a, labels: {zone: zone1}}
      - metadata: {name: node-x, labels: {zone: zone2}}
      existingPods:
      - metadata: {name: a1, labels: {foo: ''}}
        spec: {nodeName: node-a}
      - metadata: {name: done, labels: {foo: ''}}
        spec: {nodeName: node-x}
        status: {phase: Succeeded}
      pod:
        metadata: {name: p, labels: {foo: ''}}
        spec:
          topologySpreadConstraints:
          - {maxSkew: 1, topologyKey: zone, whenUnsatisfiable: DoNotSchedule, labelSelector: {matchLabels: {foo: ''}}}
      expect:
      """;

  @Test
  void aMatchingExpectationHasNoDifferences() {
    List<String> diffs = kind.run(doc(FILTER_CASE + """
          feasible: [node-x]
          statusCodes: {node-a: Unschedulable, node-x: Success}
          preFilterState:
            constraints:
            - {maxSkew: 1, topologyKey: zone, selector: {matchExpressions: [{key: foo, operator: In, values: ['']}]}, minDomains: 1,
               nodeAffinityPolicy: Honor, nodeTaintsPolicy: Ignore}
            tpValueToMatchNum: [{zone1: 1, zone2: 0}]
            criticalPaths: [[[zone2, 0], [zone1, 1]]]
        """));
    assertThat(diffs).isEmpty();
  }

  @Test
  void everyWrongExpectationIsOneReadableLine() {
    List<String> diffs = kind.run(doc(FILTER_CASE + """
          feasible: [node-a, node-x]
          statusCodes: {node-a: Success}
          preFilterState:
            constraints:
            - {maxSkew: 2, selector: null}
            tpValueToMatchNum: [{zone1: 1, zone2: 1}]
            criticalPaths: [[[zone1, 1], [zone2, 0]]]
        """));
    assertThat(diffs).containsExactly(
        "preFilterState.constraints[0].maxSkew: got 1, expected 2",
        "preFilterState.constraints[0].selector: got {foo=}, expected null (matches nothing)",
        "preFilterState.tpValueToMatchNum[0]: got {zone1=1, zone2=0}, expected {zone1=1, zone2=1}",
        "preFilterState.criticalPaths[0]: got [[zone2, 0], [zone1, 1]], expected [[zone1, 1], [zone2, 0]]",
        "feasible: got [node-x], expected [node-a, node-x]",
        "statusCodes.node-a: got Unschedulable, expected Success");
  }

  @Test
  void anUnknownTopLevelKeyIsRejected() {
    assertThatThrownBy(() -> kind.run(doc(FILTER_CASE.replace("defaultConstraints: []", "defaultConstraint: []") + "  feasible: []\n")))
        .isInstanceOf(InputError.class)
        .hasMessageContaining("unknown field \"defaultConstraint\" (did you mean \"defaultConstraints\"?)");
  }

  @Test
  void anUnknownExpectKeyIsRejected() {
    assertThatThrownBy(() -> kind.run(doc(FILTER_CASE + "  feasable: [node-x]\n")))
        .isInstanceOf(InputError.class)
        .hasMessageContaining("unknown field \"feasable\" (did you mean \"feasible\"?)");
  }

  @Test
  void scoreKeysBelongToScoreCases() {
    assertThatThrownBy(() -> kind.run(doc(FILTER_CASE + "  scores: {node-a: 100}\n")))
        .isInstanceOf(InputError.class)
        .hasMessageContaining("unknown field \"scores\"");
  }

  @Test
  void anUnknownFeatureGateIsRejected() {
    assertThatThrownBy(() -> kind.run(doc(FILTER_CASE.replace("MatchLabelKeysInPodTopologySpread", "MatchLabelKeysInPodTopologySpreads")
        + "  feasible: []\n")))
        .isInstanceOf(InputError.class)
        .hasMessageContaining("did you mean \"MatchLabelKeysInPodTopologySpread\"?");
  }

  @Test
  void invalidPluginArgsAreAnInputError() {
    assertThatThrownBy(() -> kind.run(doc(FILTER_CASE.replace("defaultConstraints: []",
        "defaultConstraints: [{maxSkew: 0, topologyKey: zone, whenUnsatisfiable: DoNotSchedule}]") + "  feasible: []\n")))
        .isInstanceOf(InputError.class)
        .hasMessageContaining("defaultConstraints[0].maxSkew: Invalid value: 0: not in valid range (0, inf)");
  }

  @Test
  void scoresAreComparedAfterNormalisation() {
    String score = """
        name: s
        source: test
        kind: spread-score
        featureGates: {NodeInclusionPolicyInPodTopologySpread: true}
        nodes:
        - metadata: {name: node-a, labels: {kubernetes.io/hostname: node-a}}
        - metadata: {name: node-b, labels: {kubernetes.io/hostname: node-b}}
        existingPods:
        - metadata: {name: a1, labels: {foo: ''}}
          spec: {nodeName: node-a}
        pod:
          metadata: {name: p, labels: {foo: ''}}
          spec:
            topologySpreadConstraints:
            - {maxSkew: 1, topologyKey: kubernetes.io/hostname, whenUnsatisfiable: ScheduleAnyway, labelSelector: {matchLabels: {foo: ''}}}
        expect:
          scores: {node-a: 100, node-b: 100}
          preScoreState: {ignoredNodes: [node-b], normalizingWeightSizes: [2], topologyValueToPodCounts: [{}]}
        """;
    assertThat(kind.run(doc(score))).containsExactly(
        "scores: got {node-a=0, node-b=100}, expected {node-a=100, node-b=100}",
        "preScoreState.ignoredNodes: got [], expected [node-b]");
  }
}
