package io.kubesim.controllers.replicaset;

import static io.kubesim.controllers.PodBuilder.pod;
import static org.assertj.core.api.Assertions.assertThat;

import io.kubesim.api.Pod;
import io.kubesim.controllers.PodBuilder;
import io.kubesim.controllers.replicaset.DeletionOrder.RankedPod;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class DeletionOrderTest {
  private static final long NOW = 10_000_000; // 10 000 s

  record Row(String name, RankedPod first, RankedPod second) {
    @Override
    public String toString() {
      return name;
    }
  }

  private static RankedPod r(PodBuilder b) {
    return new RankedPod(b.build(), 1);
  }

  private static RankedPod r(PodBuilder b, int rank) {
    return new RankedPod(b.build(), rank);
  }

  /** A ready pod on n1, ready since {@code readySec}, created at 0. */
  private static PodBuilder ready(String name, long readySec) {
    return pod(name).node("n1").created(0).readySince(readySec);
  }

  static Stream<Row> rows() {
    long t = NOW / 1000;
    return Stream.of(
        new Row("1. an unassigned pod goes before an assigned one", r(pod("b").created(0)), r(pod("a").node("n1").phase("Pending").created(0))),
        new Row("2. a pending pod goes before a running one", r(pod("b").node("n1").phase("Pending")), r(pod("a").node("n1").running())),
        new Row("2. an unknown pod goes before a running one", r(pod("b").node("n1").phase("Unknown")), r(pod("a").node("n1").running())),
        new Row("2. a pending pod goes before an unknown one", r(pod("b").node("n1").phase("Pending")), r(pod("a").node("n1").phase("Unknown"))),
        new Row("3. a not-ready pod goes before a ready one", r(pod("b").node("n1").running().notReady()), r(ready("a", 1))),
        new Row("4. a lower pod-deletion-cost goes first", r(ready("b", 1).annotation(DeletionOrder.POD_DELETION_COST, "-5")), r(ready("a", 2))),
        new Row("4. cost beats rank", r(ready("b", 1).annotation(DeletionOrder.POD_DELETION_COST, "1"), 1),
            r(ready("a", 1).annotation(DeletionOrder.POD_DELETION_COST, "2"), 9)),
        new Row("5. the pod on the more crowded node goes first", r(ready("b", 1), 3), r(ready("a", 2), 2)),
        new Row("6. the more recently ready pod goes first (10 s vs 100 s: buckets 33 and 36)", r(ready("b", t - 10)), r(ready("a", t - 100))),
        new Row("6. ready times in the same log2 bucket (70 s and 100 s) fall back to the UID", r(ready("a", t - 100)), r(ready("b", t - 70))),
        new Row("8. the newer pod goes first", r(pod("b").node("n1").running().notReady().created(t - 10)),
            r(pod("a").node("n1").running().notReady().created(t - 1000))),
        new Row("8. creation times in one bucket fall back to the UID", r(pod("a").node("n1").running().notReady().created(t - 100)),
            r(pod("b").node("n1").running().notReady().created(t - 70))),
        new Row("8. a pod without creationTimestamp counts as the newest", r(pod("b").node("n1").running().notReady()),
            r(pod("a").node("n1").running().notReady().created(t - 10))));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rows")
  void theFirstPodIsDeletedBeforeTheSecond(Row row) {
    assertThat(DeletionOrder.less(row.first(), row.second(), NOW, RestartCounts.NONE)).isTrue();
    assertThat(DeletionOrder.less(row.second(), row.first(), NOW, RestartCounts.NONE)).isFalse();
  }

  @Test
  void moreRestartsGoFirstThenMoreSidecarRestarts() {
    RankedPod a = r(ready("a", 1));
    RankedPod b = r(ready("b", 1));
    RestartCounts containers = p -> p.name().equals("b") ? 3 : 1;
    assertThat(DeletionOrder.less(b, a, NOW, containers)).isTrue();
    RestartCounts sidecars = new RestartCounts() {
      public int maxContainerRestarts(Pod p) {
        return 1;
      }

      public int maxSidecarRestarts(Pod p) {
        return p.name().equals("b") ? 2 : 0;
      }
    };
    assertThat(DeletionOrder.less(b, a, NOW, sidecars)).isTrue();
    assertThat(DeletionOrder.less(a, b, NOW, sidecars)).isFalse();
  }

  @Test
  void identicalPodsAreATieThatSortBreaksByUid() {
    RankedPod a = r(ready("a", 1));
    RankedPod b = r(ready("b", 1));
    assertThat(DeletionOrder.less(a, b, NOW, RestartCounts.NONE)).isFalse();
    assertThat(DeletionOrder.less(b, a, NOW, RestartCounts.NONE)).isFalse();
    assertThat(DeletionOrder.sort(List.of(b, a), NOW, RestartCounts.NONE)).extracting(x -> x.pod().name()).containsExactly("a", "b");
  }

  @Test
  void theLogBucketOfADurationInNanoseconds() {
    assertThat(DeletionOrder.logBucket(100_000, 30_000)).isEqualTo(36); // 70 s = 7e10 ns, 2^36 ns = 68.7 s
    assertThat(DeletionOrder.logBucket(100_000, 0)).isEqualTo(36);
    assertThat(DeletionOrder.logBucket(100_000, 100_000 - 68_719)).isEqualTo(35); // just below 2^36 ns
    assertThat(DeletionOrder.logBucket(100_000, 100_000)).isEqualTo(-1);
    assertThat(DeletionOrder.logBucket(100_000, 200_000)).isEqualTo(-1);
  }

  @Test
  void invalidDeletionCostsCountAsZero() {
    for (String v : List.of("+5", "007", "abc", "", "99999999999")) {
      assertThat(DeletionOrder.deletionCost(pod("a").annotation(DeletionOrder.POD_DELETION_COST, v).build())).as(v).isZero();
    }
    assertThat(DeletionOrder.deletionCost(pod("a").annotation(DeletionOrder.POD_DELETION_COST, "-7").build())).isEqualTo(-7);
    assertThat(DeletionOrder.deletionCost(pod("a").annotation(DeletionOrder.POD_DELETION_COST, "0").build())).isZero();
  }

  @Test
  void sortingToleratesAnInconsistentOrder() {
    // Same-bucket UID tie-breaks and exact-time ties can make Less intransitive; sort must not throw.
    Random rnd = new Random(42);
    long t = NOW / 1000;
    List<RankedPod> pods = new java.util.ArrayList<>();
    for (int i = 0; i < 200; i++) {
      pods.add(new RankedPod(pod("p" + i).uid(Integer.toHexString(rnd.nextInt())).node("n" + rnd.nextInt(3)).created(t - rnd.nextInt(300))
          .readySince(t - rnd.nextInt(300)).build(), rnd.nextInt(3)));
    }
    assertThat(DeletionOrder.sort(pods, NOW, RestartCounts.NONE)).hasSize(200);
  }
}
