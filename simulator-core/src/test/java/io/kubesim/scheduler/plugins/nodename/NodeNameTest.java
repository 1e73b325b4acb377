package io.kubesim.scheduler.plugins.nodename;

import static io.kubesim.scheduler.testing.TestNodes.node;
import static io.kubesim.scheduler.testing.TestPods.pod;
import static org.assertj.core.api.Assertions.assertThat;

import io.kubesim.api.Node;
import io.kubesim.api.Pod;
import io.kubesim.scheduler.framework.CycleState;
import io.kubesim.scheduler.framework.PodInfo;
import io.kubesim.scheduler.framework.Status;
import io.kubesim.scheduler.testing.TestNodes;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class NodeNameTest {

  record Case(String name, Pod pod, Node node, Status want) {
    @Override
    public String toString() {
      return name;
    }
  }

  // Upstream node_name_test.go.
  static Stream<Case> cases() {
    return Stream.of(
        new Case("no host specified", pod("p").obj(), node("foo").obj(), Status.success()),
        new Case("host matches", pod("p").node("foo").obj(), node("foo").obj(), Status.success()),
        new Case("host doesn't match", pod("p").node("bar").obj(), node("foo").obj(),
            Status.unresolvable(NodeName.ERR_REASON)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void filters(Case c) {
    // The pod is not bound: NodeInfo.addPod is not involved, only spec.nodeName is read.
    Status got = new NodeName().filter(new CycleState(), PodInfo.of(c.pod()), TestNodes.nodeInfo(c.node()));
    assertThat(got).isEqualTo(c.want());
  }
}
