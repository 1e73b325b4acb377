package io.kubesim.scheduler.framework;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubesim.api.PodStatus;
import io.kubesim.api.Taint;
import io.kubesim.api.TaintEffect;
import io.kubesim.testing.Nodes;
import io.kubesim.testing.Pods;
import org.junit.jupiter.api.Test;

/** The copies of node fields that Filter reads per node follow the node and its pods through updates. */
class NodeInfoTest {

  @Test
  void replacingAPodMovesItToTheEndAsRemoveAndAddWouldAndKeepsTheSums() {
    NodeInfo replaced = new NodeInfo(0, Nodes.node("n").build());
    NodeInfo reference = new NodeInfo(0, Nodes.node("n").build());
    PodInfo a = PodInfo.of(Pods.pod("a").requests("cpu", "1").node("n").build());
    PodInfo b = PodInfo.of(Pods.pod("b").requests("cpu", "2").node("n").build());
    for (NodeInfo info : new NodeInfo[] {replaced, reference}) {
      info.addPod(a);
      info.addPod(b);
    }
    PodInfo running = a.withPod(a.pod().withStatus(new PodStatus("Running", null)));

    replaced.replacePod(a, running);
    reference.removePod(a);
    reference.addPod(running);

    assertThat(replaced.pods()).containsExactly(b, running).isEqualTo(reference.pods());
    assertThat(replaced.podCount()).isEqualTo(2);
    assertThat(replaced.requested()).isEqualTo(reference.requested());
    assertThat(replaced.requestedMilliCpu()).isEqualTo(3000);
    assertThat(running.requests()).isSameAs(a.requests());
  }

  @Test
  void aPodInfoForAChangedSpecIsWorkedOutAgain() {
    PodInfo a = PodInfo.of(Pods.pod("a").requests("cpu", "1").build());
    PodInfo resized = a.withPod(Pods.pod("a").requests("cpu", "2").build());
    assertThat(resized.requests().milliCpu()).isEqualTo(2000);
  }

  @Test
  void setNodeRefreshesTheCopiedCordonAndTaints() {
    NodeInfo info = new NodeInfo(0, Nodes.node("n").build());
    assertThat(info.unschedulable()).isFalse();
    assertThat(info.taints()).isEmpty();

    info.setNode(Nodes.node("n").unschedulable().taint("dedicated", "db", TaintEffect.NoSchedule).build());
    assertThat(info.unschedulable()).isTrue();
    assertThat(info.taints()).containsExactly(new Taint("dedicated", "db", TaintEffect.NoSchedule));

    info.setNode(Nodes.node("n").build());
    assertThat(info.unschedulable()).isFalse();
    assertThat(info.taints()).isEmpty();
  }
}
