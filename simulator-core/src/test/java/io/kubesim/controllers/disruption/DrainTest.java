package io.kubesim.controllers.disruption;

import static io.kubesim.controllers.PodBuilder.pod;
import static org.assertj.core.api.Assertions.assertThat;

import io.kubesim.controllers.disruption.Drain.Options;
import io.kubesim.controllers.disruption.Drain.Verdict;
import org.junit.jupiter.api.Test;

class DrainTest {
  private static final Options IGNORE_DS = new Options(true, false, false, 0);

  @Test
  void replicatedPodsAreEvicted() {
    assertThat(Drain.filter(pod("a").running().ownedBy("ReplicaSet", "rs").build(), Options.DEFAULTS, false, false, 0).verdict())
        .isEqualTo(Verdict.EVICT);
  }

  @Test
  void daemonSetPodsAbortTheDrainUnlessIgnored() {
    var p = pod("ds").running().ownedBy("DaemonSet", "agent").build();
    assertThat(Drain.filter(p, Options.DEFAULTS, true, false, 0).verdict()).isEqualTo(Verdict.ERROR);
    assertThat(Drain.filter(p, IGNORE_DS, true, false, 0).verdict()).isEqualTo(Verdict.SKIP);
    assertThat(Drain.filter(p, IGNORE_DS, false, false, 0).verdict()).as("orphaned without --force").isEqualTo(Verdict.ERROR);
    assertThat(Drain.filter(p, new Options(true, false, true, 0), false, false, 0).verdict()).isEqualTo(Verdict.EVICT);
    assertThat(Drain.filter(pod("ds").phase("Succeeded").ownedBy("DaemonSet", "agent").build(), Options.DEFAULTS, true, false, 0).verdict())
        .isEqualTo(Verdict.EVICT);
  }

  @Test
  void mirrorPodsAreSkippedAndBarePodsNeedForce() {
    assertThat(Drain.filter(pod("m").running().annotation(Drain.MIRROR_POD_ANNOTATION, "x").build(), Options.DEFAULTS, false, false, 0).verdict())
        .isEqualTo(Verdict.SKIP);
    assertThat(Drain.filter(pod("bare").running().build(), Options.DEFAULTS, false, false, 0).verdict()).isEqualTo(Verdict.ERROR);
    assertThat(Drain.filter(pod("bare").running().build(), new Options(false, false, true, 0), false, false, 0).verdict()).isEqualTo(Verdict.EVICT);
    assertThat(Drain.filter(pod("done").phase("Failed").build(), Options.DEFAULTS, false, false, 0).verdict()).isEqualTo(Verdict.EVICT);
  }

  @Test
  void emptyDirNeedsDeleteEmptyDirData() {
    var p = pod("e").running().ownedBy("ReplicaSet", "rs").build();
    assertThat(Drain.filter(p, Options.DEFAULTS, false, true, 0).verdict()).isEqualTo(Verdict.ERROR);
    assertThat(Drain.filter(p, new Options(false, true, false, 0), false, true, 0).verdict()).isEqualTo(Verdict.EVICT);
  }

  @Test
  void podsDeletingForTooLongAreSkipped() {
    var p = pod("old").running().deleting(10).ownedBy("ReplicaSet", "rs").build();
    assertThat(Drain.filter(p, new Options(false, false, false, 20), false, false, 31_000).verdict()).isEqualTo(Verdict.SKIP);
    assertThat(Drain.filter(p, new Options(false, false, false, 20), false, false, 30_000).verdict()).isEqualTo(Verdict.EVICT);
  }
}
