package io.kubesim.api.labels;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubesim.api.Node;
import io.kubesim.api.NodeSelector;
import io.kubesim.api.NodeSelectorRequirement;
import io.kubesim.api.NodeSelectorTerm;
import io.kubesim.api.ObjectMeta;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NodeSelectorMatcherTest {
  private final Node node = new Node(new ObjectMeta("n1", "", null, Map.of("zone", "a", "cores", "32"), null, null, null, null), null, null);

  private static NodeSelectorTerm expr(String key, String op, String... values) {
    return new NodeSelectorTerm(List.of(new NodeSelectorRequirement(key, op, List.of(values))), null);
  }

  @Test
  void termsAreOredAndExpressionsAnded() {
    assertThat(NodeSelectorMatcher.matches(new NodeSelector(List.of(expr("zone", "In", "b"), expr("zone", "In", "a"))), node)).isTrue();
    NodeSelectorTerm both = new NodeSelectorTerm(List.of(
        new NodeSelectorRequirement("zone", "In", List.of("a")), new NodeSelectorRequirement("cores", "Gt", List.of("64"))), null);
    assertThat(NodeSelectorMatcher.matches(both, node)).isFalse();
  }

  @Test
  void gtAndLtCompareIntegers() {
    assertThat(NodeSelectorMatcher.matches(expr("cores", "Gt", "16"), node)).isTrue();
    assertThat(NodeSelectorMatcher.matches(expr("cores", "Lt", "16"), node)).isFalse();
    assertThat(NodeSelectorMatcher.matches(expr("zone", "Gt", "1"), node)).isFalse();
  }

  @Test
  void matchFieldsSelectsByNodeName() {
    NodeSelectorTerm byName = new NodeSelectorTerm(null, List.of(new NodeSelectorRequirement("metadata.name", "In", List.of("n1"))));
    assertThat(NodeSelectorMatcher.matches(byName, node)).isTrue();
  }

  @Test
  void anEmptyTermOrAnInvalidRequirementMatchesNoNode() {
    assertThat(NodeSelectorMatcher.matches(new NodeSelectorTerm(null, null), node)).isFalse();
    assertThat(NodeSelectorMatcher.matches(expr("zone", "In"), node)).isFalse();
    assertThat(NodeSelectorMatcher.matches(new NodeSelector(List.of()), node)).isFalse();
  }

  @Test
  void notInAndDoesNotExistMatchNodesWithoutTheKey() {
    assertThat(NodeSelectorMatcher.matches(expr("gpu", "NotIn", "x"), node)).isTrue();
    assertThat(NodeSelectorMatcher.matches(expr("gpu", "DoesNotExist"), node)).isTrue();
  }
}
