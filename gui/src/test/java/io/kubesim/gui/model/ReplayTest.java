package io.kubesim.gui.model;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubesim.gui.Library;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReplayTest {
  static final long ROLLOUT = 10 * 60_000;

  private final Replay replay = Library.replay(Library.ROLLING_UPGRADE, "without-matchLabelKeys");

  @Test
  void framesAreInTimeOrderAndAtLeastASecondApartExceptAtTimelineEvents() {
    List<Frame> frames = replay.frames();
    assertThat(frames).hasSizeGreaterThan(10);
    for (int i = 1; i < frames.size(); i++) {
      Frame f = frames.get(i);
      assertThat(f.time()).isGreaterThan(frames.get(i - 1).time());
      if (f.events().isEmpty()) assertThat(f.time() - frames.get(i - 1).time()).isGreaterThanOrEqualTo(1_000);
    }
  }

  @Test
  void beforeTheRolloutEveryPodIsTheFirstRevisionAndAfterItTheSecond() {
    Frame before = replay.frameAt(ROLLOUT - 1);
    Frame end = replay.frameAt(replay.scenario().durationMs());
    assertThat(before.pods()).hasSize(10).allSatisfy(p -> {
      assertThat(p.workload()).isEqualTo("Deployment/web");
      assertThat(p.revisionOrdinal()).isZero();
    });
    assertThat(end.pods()).hasSize(10).allSatisfy(p -> assertThat(p.revisionOrdinal()).isEqualTo(1));
    assertThat(end.pods().get(0).revision()).isNotEqualTo(before.pods().get(0).revision());
  }

  @Test
  void theRolloutLabelIsOnTheFrameOfItsMoment() {
    Frame f = replay.frameAt(ROLLOUT);
    assertThat(f.time()).isEqualTo(ROLLOUT);
    assertThat(f.events()).containsExactly("roll out web:v2");
  }

  @Test
  void midRolloutOldAndNewPodsRunSideBySide() {
    boolean mixed = replay.frames().stream().anyMatch(f -> f.pods().stream().map(PodView::revisionOrdinal).distinct().count() == 2);
    assertThat(mixed).isTrue();
  }

  @Test
  void nodesCarryTheirZoneAndRegion() {
    Frame f = replay.frames().get(0);
    assertThat(f.nodes()).hasSize(9).allSatisfy(n -> assertThat(n.region()).isEqualTo("region-1"));
    assertThat(f.nodes().stream().map(NodeView::zone).distinct()).containsExactlyInAnyOrder("zone-a", "zone-b", "zone-c");
  }

  @Test
  void nodesAreInNaturalNameOrder(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("twelve-nodes.yaml");
    Files.writeString(file, String.join("\n",
        "apiVersion: kubesim.io/v1alpha1",
        "kind: Scenario",
        "name: twelve-nodes",
        "duration: 1m",
        "nodePools:",
        "- name: worker",
        "  count: 12",
        "  zones: [zone-a]",
        "  allocatable: {cpu: \"4\", memory: 8Gi}",
        ""));
    Frame f = Library.replay(file, "default").frames().get(0);
    List<String> names = f.nodes().stream().map(NodeView::name).toList();
    assertThat(names).hasSize(12);
    // worker-2 before worker-10, as a reader expects; plain string order would put worker-10 third.
    assertThat(names.indexOf("worker-2")).isLessThan(names.indexOf("worker-10"));
    assertThat(names.get(names.size() - 1)).isEqualTo("worker-11");
  }

  @Test
  void indexAtFindsTheLastFrameAtOrBeforeATime() {
    Frame second = replay.frames().get(1);
    assertThat(replay.indexAt(second.time())).isEqualTo(1);
    assertThat(replay.indexAt(second.time() - 1)).isZero();
    assertThat(replay.indexAt(-5)).isZero();
  }

  @Test
  void chartsShowTheZoneSkewWithMaxSkewAndTheNewRevisionAlone() {
    Charts c = Charts.of(replay);
    assertThat(c.skew()).extracting(Series::name)
        .containsExactly("Deployment/web #0 zone", "Deployment/web #0 zone new revision");
    assertThat(c.skew().get(0).limit()).isEqualTo(1);
    // The finding of the scenario: without matchLabelKeys the zones end up skewed beyond maxSkew.
    assertThat(c.skew().get(0).valueAt(replay.scenario().durationMs())).isGreaterThanOrEqualTo(2);
    assertThat(c.alignment()).isEmpty();
  }
}
