package io.kubesim.scheduler.plugins.nodeunschedulable;

import static io.kubesim.testing.Nodes.node;
import static io.kubesim.testing.Pods.pod;
import static org.assertj.core.api.Assertions.assertThat;

import io.kubesim.api.Node;
import io.kubesim.api.Pod;
import io.kubesim.api.TaintEffect;
import io.kubesim.api.Toleration;
import io.kubesim.scheduler.framework.CycleState;
import io.kubesim.scheduler.framework.PodInfo;
import io.kubesim.scheduler.framework.Status;
import io.kubesim.scheduler.testing.TestClusters;
import io.kubesim.testing.Nodes;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class NodeUnschedulableTest {

  record Case(String name, Pod pod, Node node, Status want) {
    @Override
    public String toString() {
      return name;
    }
  }

  private static final String UNSCHEDULABLE_KEY = "node.kubernetes.io/unschedulable";

  // Upstream node_unschedulable_test.go.
  static Stream<Case> cases() {
    Status rejected = Status.unresolvable(NodeUnschedulable.ERR_REASON_UNSCHEDULABLE);
    return Stream.of(
        new Case("a schedulable node fits", pod("p").build(), node("n").build(), Status.success()),
        new Case("a cordoned node rejects a pod without tolerations", pod("p").build(), node("n").unschedulable().build(), rejected),
        new Case("a cordoned node accepts a pod tolerating the unschedulable taint",
            pod("p").toleration(new Toleration(UNSCHEDULABLE_KEY, "Exists", null, TaintEffect.NoSchedule, null)).build(),
            node("n").unschedulable().build(), Status.success()),
        new Case("a toleration for another effect does not help",
            pod("p").toleration(new Toleration(UNSCHEDULABLE_KEY, "Exists", null, TaintEffect.NoExecute, null)).build(),
            node("n").unschedulable().build(), rejected),
        new Case("tolerating everything tolerates cordoning",
            pod("p").toleration(new Toleration("", "Exists", null, null, null)).build(),
            node("n").unschedulable().build(), Status.success()),
        new Case("the field counts, not the taint: a cordon taint on a schedulable node is ignored",
            pod("p").build(), node("n").taint(UNSCHEDULABLE_KEY, "", TaintEffect.NoSchedule).build(), Status.success()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void filters(Case c) {
    Status got = new NodeUnschedulable().filter(new CycleState(), PodInfo.of(c.pod()), TestClusters.nodeInfo(c.node()));
    assertThat(got).isEqualTo(c.want());
  }
}
