package io.kubesim.gui;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubesim.gui.model.Frame;
import io.kubesim.gui.model.NodeCpus;
import io.kubesim.gui.model.Replay;
import io.kubesim.gui.view.NodeCpuView;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;

/** The inside of a pinning node: the dual EPYC of the library, NPS4 (8 NUMA nodes). */
@ExtendWith(ApplicationExtension.class)
class NodeCpuViewTest {
  private final Replay replay = Library.replay(Library.EPYC, "no-options");

  @Test
  void theGridIsDrawnWithExclusiveSharedAndReservedCpusApart(FxRobot robot) {
    long end = replay.scenario().durationMs();
    NodeCpuView[] view = new NodeCpuView[1];
    robot.interact(() -> view[0] = (NodeCpuView) StandaloneViews.build(replay, new ViewSpec(ViewSpec.Kind.node, "epyc-0"), end));
    assertThat(view[0].showsCpuGrid()).isTrue();
    NodeCpus cpus = replay.frameAt(end).cpus().get("epyc-0");
    assertThat(cpus.owners()).isNotEmpty();
    assertThat(cpus.reserved().isEmpty()).isFalse();
    for (int cpu : cpus.reserved()) assertThat(cpus.owners()).doesNotContainKey(cpu);
    Frame f = replay.frameAt(end);
    assertThat(cpus.owners().values()).allSatisfy(owner -> assertThat(f.podsOn("epyc-0").stream().anyMatch(p -> owner.startsWith(p.key() + "/"))).isTrue());
  }

  @Test
  void hoveringANumaNodeShowsItsDistances(FxRobot robot) {
    NodeCpuView[] view = new NodeCpuView[1];
    robot.interact(() -> view[0] = (NodeCpuView) StandaloneViews.build(replay, new ViewSpec(ViewSpec.Kind.node, "epyc-0"), 0));
    String text = view[0].hoverText(40, 120);
    assertThat(text).startsWith("NUMA node 0 (socket 0)\nCPU 0 (core 0): reserved").contains("distances:").contains("to node 0: 10");
    assertThat(text.lines().filter(l -> l.startsWith("  to node "))).hasSize(8);
  }
}
