package io.kubesim.gui.model;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubesim.gui.Library;
import java.util.List;
import org.junit.jupiter.api.Test;

class PodStoryTest {
  private final Replay replay = Library.replay(Library.ROLLING_UPGRADE, "without-matchLabelKeys");

  @Test
  void aScheduledPodShowsItsNodeAndThePluginScoresAgainstTheRunnersUp() {
    long end = replay.scenario().durationMs();
    PodView pod = replay.frameAt(end).pods().get(0);
    List<String> story = PodStory.of(replay, end, pod.key());
    assertThat(story.get(0)).contains(pod.key()).contains("Running").contains("on " + pod.node());
    assertThat(story).contains("bound to " + pod.node());
    assertThat(story).anyMatch(l -> l.startsWith("scores (chosen node first"));
    assertThat(story).anyMatch(l -> l.trim().startsWith("NodeResourcesBalancedAllocation"));
    assertThat(story).anyMatch(l -> l.trim().startsWith("TaintToleration"));
    assertThat(story).anyMatch(l -> l.trim().startsWith("total"));
  }

  @Test
  void aPendingPodShowsUpstreamsReasonAndEveryNodesVerdict() {
    Replay reboot = Library.replay(Library.ZONE_REBOOT, "ignore");
    long t = 12 * 60_000;
    PodView pending = reboot.frameAt(t).pending().get(0);
    List<String> story = PodStory.of(reboot, t, pending.key());
    assertThat(story.get(0)).contains(pending.key()).contains("Pending");
    assertThat(story).anyMatch(l -> l.startsWith("0/9 nodes are available: "));
    assertThat(story).contains("per-node filter verdicts:");
    assertThat(story.stream().filter(l -> l.startsWith("  worker-"))).hasSize(9);
    assertThat(story).anyMatch(l -> l.startsWith("  worker-1: TaintToleration: "));
  }

  @Test
  void aPodThatDoesNotExistYetSaysSo() {
    assertThat(PodStory.of(replay, 0, "default/nobody")).containsExactly("default/nobody does not exist at 0s");
  }
}
