package io.kubesim.scheduler.framework;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubesim.api.Taint;
import io.kubesim.api.TaintEffect;
import io.kubesim.testing.Nodes;
import org.junit.jupiter.api.Test;

/** The copies of node fields that Filter reads per node follow the node through updates. */
class NodeInfoTest {

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
