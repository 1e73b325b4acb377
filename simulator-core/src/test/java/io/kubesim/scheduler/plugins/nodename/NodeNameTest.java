package io.kubesim.scheduler.plugins.nodename;

import static io.kubesim.testing.Nodes.node;
import static io.kubesim.testing.Pods.pod;
import static org.assertj.core.api.Assertions.assertThat;

import io.kubesim.api.Node;
import io.kubesim.api.Pod;
import io.kubesim.scheduler.framework.CycleState;
import io.kubesim.scheduler.framework.PodInfo;
import io.kubesim.scheduler.framework.Status;
import io.kubesim.scheduler.testing.TestClusters;
import io.kubesim.testing.Nodes;
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
        new Case("no host specified", pod("p").build(), node("foo").build(), Status.success()),
        new Case("host matches", pod("p").node("foo").build(), node("foo").build(), Status.success()),
        new Case("host doesn't match", pod("p").node("bar").build(), node("foo").build(),
            Status.unresolvable(NodeName.ERR_REASON)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void filters(Case c) {
    // The pod is not bound: NodeInfo.addPod is not involved, only spec.nodeName is read.
    Status got = new NodeName().filter(new CycleState(), PodInfo.of(c.pod()), TestClusters.nodeInfo(c.node()));
    assertThat(got).isEqualTo(c.want());
  }
}
