package io.kubesim.conformance.cpu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kubesim.yaml.InputError;
import io.kubesim.yaml.YamlLoader;
import io.kubesim.yaml.YamlNode;
import java.io.StringReader;
import org.junit.jupiter.api.Test;

class CpuCaseKindTest {

  static final String SINGLE_SOCKET_HT = """
      topology:
        cpus:
          - [0, 0, 0, 0]
          - [1, 1, 0, 0]
          - [2, 2, 0, 0]
          - [3, 3, 0, 0]
          - [4, 0, 0, 0]
          - [5, 1, 0, 0]
          - [6, 2, 0, 0]
          - [7, 3, 0, 0]
      """;

  static YamlNode.Map doc(String yaml) {
    return new YamlLoader().loadAll("case.yaml", new StringReader(yaml)).get(0).asMap();
  }

  static final CpuCaseKind KIND = new CpuCaseKind();

  @Test
  void itRunsTheThreeCpuKinds() {
    assertThat(KIND.kinds()).containsExactlyInAnyOrder("cpu-assign", "cpu-hints", "topology-admit");
  }

  @Test
  void aMatchingAssignmentHasNoDifferences() {
    assertThat(KIND.run(doc("name: t\nkind: cpu-assign\n" + SINGLE_SOCKET_HT
        + "reserved: \"\"\navailable: \"0-7\"\nrequest: 2\nexpect:\n  cpus: \"0,4\"\n"))).isEmpty();
  }

  @Test
  void aWrongAssignmentIsOneLineNamingBothSets() {
    assertThat(KIND.run(doc("name: t\nkind: cpu-assign\n" + SINGLE_SOCKET_HT
        + "reserved: \"\"\navailable: \"0-7\"\nrequest: 2\nexpect:\n  cpus: \"0-1\"\n")))
        .containsExactly("cpus: expected \"0-1\", got \"0,4\"");
  }

  @Test
  void anUnexpectedSuccessIsReportedAgainstTheExpectedError() {
    assertThat(KIND.run(doc("name: t\nkind: cpu-assign\n" + SINGLE_SOCKET_HT
        + "reserved: \"\"\navailable: \"0-7\"\nrequest: 2\nexpect:\n  error: insufficient\n  message: boom\n")))
        .containsExactly("error: expected insufficient, got cpus \"0,4\"", "message: expected \"boom\", got null");
  }

  @Test
  void anUnexpectedErrorIsReportedAgainstTheExpectedCpus() {
    assertThat(KIND.run(doc("name: t\nkind: cpu-assign\n" + SINGLE_SOCKET_HT
        + "reserved: \"\"\navailable: \"0-3\"\nrequest: 5\nexpect:\n  cpus: \"0-4\"\n")))
        .containsExactly("cpus: expected \"0-4\", got error insufficient (not enough cpus available to satisfy "
            + "request: requested=5, available=4)");
  }

  @Test
  void unknownTopLevelKeysAreRejectedWithASuggestion() {
    assertThatThrownBy(() -> KIND.run(doc("name: t\nkind: cpu-assign\n" + SINGLE_SOCKET_HT
        + "reserved: \"\"\navailable: \"0-7\"\nrequests: [1]\npolicyOption: {}\nexpect:\n  cpus: \"0\"\n")))
        .isInstanceOf(InputError.class).hasMessageContaining("case.yaml:")
        .hasMessageContaining("unknown field \"policyOption\" (did you mean \"policyOptions\"?)");
  }

  @Test
  void unknownExpectKeysAreRejected() {
    assertThatThrownBy(() -> KIND.run(doc("name: t\nkind: topology-admit\npolicy: none\nnumaNodes: [0]\nhints: {}\n"
        + "expect:\n  admit: true\n  affinty: null\n"))).isInstanceOf(InputError.class)
        .hasMessageContaining("unknown field \"affinty\"");
  }

  @Test
  void aMalformedCpusetIsReportedWhereItStands() {
    assertThatThrownBy(() -> KIND.run(doc("name: t\nkind: cpu-assign\n" + SINGLE_SOCKET_HT
        + "reserved: \"\"\navailable: \"0-x\"\nrequest: 1\nexpect:\n  cpus: \"0\"\n")))
        .isInstanceOf(InputError.class).hasMessage("case.yaml:14:12: available: invalid cpuset \"0-x\": \"0-x\" is not an id or a range of ids");
  }

  @Test
  void topologyAdmitDifferencesNameEachField() {
    assertThat(KIND.run(doc("""
        name: t
        kind: topology-admit
        policy: restricted
        numaNodes: [0, 1]
        hints:
          cpu-manager:
            cpu: [{affinity: "0-1", preferred: false}]
        expect:
          admit: true
          affinity: "0"
          preferred: true
        """))).containsExactly("admit: expected true, got false", "affinity: expected \"0\", got \"0-1\"",
        "preferred: expected true, got false");
  }

  @Test
  void cpuHintsAreComparedAsASet() {
    String head = "name: t\nkind: cpu-hints\n" + SINGLE_SOCKET_HT + "reserved: \"\"\navailable: \"0-7\"\nrequest: 2\n";
    assertThat(KIND.run(doc(head + "expect:\n  hints: [{affinity: \"0\", preferred: true}]\n"))).isEmpty();
    assertThat(KIND.run(doc(head + "expect:\n  hints: [{affinity: \"0\", preferred: false}]\n"))).singleElement()
        .asString().startsWith("hints: expected");
  }
}
