package io.kubesim.controllers.deployment;

import static io.kubesim.api.IntOrString.of;
import static io.kubesim.controllers.deployment.Fixtures.rs;
import static org.assertj.core.api.Assertions.assertThat;

import io.kubesim.api.Deployment;
import io.kubesim.api.Pod;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ProportionalScalingTest {
  private static final long NEW = 7200;
  private static final long OLD = 3600;
  private static final long OLDER = 0;

  /** A replica set in a scaling test: name, spec replicas, creation second. */
  record R(String name, int replicas, long created) {}

  record Row(String name, int replicas, int surge, int oldReplicas, int oldSurge, R newRS, List<R> oldRSs, Integer expectedNew,
      List<Integer> expectedOld) {
    @Override
    public String toString() {
      return name;
    }
  }

  private static R r(String name, int replicas, long created) {
    return new R(name, replicas, created);
  }

  // upstream sync_test.go TestScale (maxSurge / maxUnavailable 0 unless given)
  static Stream<Row> rows() {
    return Stream.of(
        new Row("normal scaling event: 10 -> 12", 12, 0, 10, 0, r("foo-v1", 10, NEW), List.of(), 12, List.of()),
        new Row("normal scaling event: 10 -> 5", 5, 0, 10, 0, r("foo-v1", 10, NEW), List.of(), 5, List.of()),
        new Row("proportional scaling: 5 -> 10", 10, 0, 5, 0, r("foo-v2", 2, NEW), List.of(r("foo-v1", 3, OLD)), 4, List.of(6)),
        new Row("proportional scaling: 5 -> 3", 3, 0, 5, 0, r("foo-v2", 2, NEW), List.of(r("foo-v1", 3, OLD)), 1, List.of(2)),
        new Row("proportional scaling: 9 -> 4", 4, 0, 9, 0, r("foo-v2", 8, NEW), List.of(r("foo-v1", 1, OLD)), 4, List.of(0)),
        new Row("proportional scaling: 7 -> 10", 10, 0, 7, 0, r("foo-v3", 2, NEW), List.of(r("foo-v2", 3, OLD), r("foo-v1", 2, OLDER)), 3,
            List.of(4, 3)),
        new Row("proportional scaling: 13 -> 8", 8, 0, 13, 0, r("foo-v3", 2, NEW), List.of(r("foo-v2", 8, OLD), r("foo-v1", 3, OLDER)), 1,
            List.of(5, 2)),
        new Row("leftover distribution 3 -> 4 scales up the new replica set", 4, 0, 3, 0, r("foo-v3", 1, NEW),
            List.of(r("foo-v2", 1, OLD), r("foo-v1", 1, OLDER)), 2, List.of(1, 1)),
        new Row("leftover distribution 3 -> 2 scales down the older replica set", 2, 0, 3, 0, r("foo-v3", 1, NEW),
            List.of(r("foo-v2", 1, OLD), r("foo-v1", 1, OLDER)), 1, List.of(1, 0)),
        new Row("no new replica set 4 -> 5 scales up the latest first", 5, 0, 4, 0, null, List.of(r("foo-v2", 2, OLD), r("foo-v1", 2, OLDER)),
            null, List.of(3, 2)),
        new Row("proportional scaling 6 -> 0", 0, 0, 6, 0, r("foo-v3", 3, NEW), List.of(r("foo-v2", 2, OLD), r("foo-v1", 1, OLDER)), 0,
            List.of(0, 0)),
        new Row("scaling up from zero gives everything to the new replica set", 6, 0, 6, 0, r("foo-v3", 0, NEW),
            List.of(r("foo-v2", 0, OLD), r("foo-v1", 0, OLDER)), 6, List.of(0, 0)),
        new Row("deployment with surge pods 10 -> 20", 20, 2, 10, 2, r("foo-v2", 6, NEW), List.of(r("foo-v1", 6, OLD)), 11, List.of(11)),
        new Row("change both surge and size", 50, 6, 10, 3, r("foo-v2", 5, NEW), List.of(r("foo-v1", 8, OLD)), 22, List.of(34)),
        new Row("change both size and template (no new replica set yet)", 14, 0, 10, 0, null,
            List.of(r("foo-v2", 7, NEW), r("foo-v1", 3, OLD)), null, List.of(10, 4)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rows")
  void scalesLikeUpstream(Row row) {
    Deployment d = Fixtures.deployment(row.replicas(), of(row.surge()), of(0));
    ReplicaSetState newRS = row.newRS() == null ? null : state(row.newRS(), "v2", row);
    List<ReplicaSetState> old = new ArrayList<>();
    int image = 0;
    for (R o : row.oldRSs()) old.add(state(o, "old" + image++, row));
    List<ReplicaSetState> all = new ArrayList<>(old);
    if (newRS != null) all.add(newRS);
    Sync s = new Sync(d, DeploymentStatus.INITIAL, all, List.<Pod>of(), 0);
    ProportionalScaling.scale(s, newRS, old);
    DeploymentSyncResult result = s.result(DeploymentSyncResult.Path.SCALE, DeploymentStatus.INITIAL);
    if (newRS != null) assertThat(result.replicas(newRS.name()).orElse(newRS.specReplicas())).isEqualTo(row.expectedNew());
    for (int i = 0; i < old.size(); i++) {
      assertThat(result.replicas(old.get(i).name()).orElse(old.get(i).specReplicas())).as(old.get(i).name()).isEqualTo(row.expectedOld().get(i));
    }
  }

  private static ReplicaSetState state(R r, String image, Row row) {
    return rs(r.name()).image(image).replicas(r.replicas()).created(r.created()).scaledFor(row.oldReplicas(), row.oldReplicas() + row.oldSurge())
        .state();
  }

  @Test
  void aSaturatedButBrokenNewReplicaSetLeavesTheOldPodsAlone() {
    Deployment d = Fixtures.deployment(2, of(1), of(1));
    ReplicaSetState neu = rs("foo-v2").image("v2").replicas(2).available(0).created(NEW).scaledFor(2, 3).state();
    ReplicaSetState old = rs("foo-v1").image("v1").replicas(1).available(1).created(OLD).scaledFor(2, 3).state();
    Sync s = new Sync(d, DeploymentStatus.INITIAL, List.of(old, neu), List.of(), 0);
    ProportionalScaling.scale(s, neu, List.of(old));
    var result = s.result(DeploymentSyncResult.Path.SCALE, DeploymentStatus.INITIAL);
    assertThat(result.replicas("foo-v2")).isEmpty();
    assertThat(result.replicas("foo-v1")).isEmpty();
  }

  @Test
  void aSaturatedNewReplicaSetScalesOldOnesToZero() {
    Deployment d = Fixtures.deployment(2, of(1), of(1));
    ReplicaSetState neu = rs("foo-v2").image("v2").replicas(2).available(2).created(NEW).scaledFor(2, 3).state();
    ReplicaSetState old = rs("foo-v1").image("v1").replicas(1).available(1).created(OLD).scaledFor(2, 3).state();
    Sync s = new Sync(d, DeploymentStatus.INITIAL, List.of(old, neu), List.of(), 0);
    ProportionalScaling.scale(s, neu, List.of(old));
    assertThat(s.result(DeploymentSyncResult.Path.SCALE, DeploymentStatus.INITIAL).replicas("foo-v1")).hasValue(0);
  }

  @Test
  void aChangedReplicaCountMidRolloutIsAScalingEventThatRewritesEveryAnnotation() {
    Deployment d = Fixtures.deployment(20, of(2), of(0));
    var r = DeploymentController.sync(d, DeploymentStatus.INITIAL, List.of(
        rs("foo-v1").image("v1").replicas(6).available(6).created(OLD).revision("1").scaledFor(10, 12).state(),
        rs("foo-v2").image("v2").replicas(6).created(NEW).revision("2").scaledFor(10, 12).state()), List.of(), 0);
    assertThat(r.path()).isEqualTo(DeploymentSyncResult.Path.SCALE);
    assertThat(r.latest().values()).hasSize(2).allSatisfy(rs -> assertThat(rs.metadata().annotations())
        .containsEntry(DeploymentAnnotations.DESIRED_REPLICAS, "20").containsEntry(DeploymentAnnotations.MAX_REPLICAS, "22"));
    assertThat(r.replicas("foo-v1")).hasValue(11);
    assertThat(r.replicas("foo-v2")).hasValue(11);
    // with the annotations rewritten the next sync is a normal rollout step again
    var next = DeploymentController.sync(d, r.status(), List.of(
        rs("foo-v1").image("v1").replicas(11).available(11).created(OLD).revision("1").scaledFor(20, 22).state(),
        rs("foo-v2").image("v2").replicas(11).created(NEW).revision("2").scaledFor(20, 22).state()), List.of(), 0);
    assertThat(next.path()).isEqualTo(DeploymentSyncResult.Path.ROLLING_UPDATE);
  }

  @Test
  void aPausedDeploymentOnlyScalesAndDoesNotCreateTheNewReplicaSet() {
    Deployment d = Fixtures.paused(Fixtures.deployment(4, of(1), of(0)));
    var r = DeploymentController.sync(d, DeploymentStatus.INITIAL,
        List.of(rs("foo-v1").image("v1").replicas(3).available(3).revision("1").scaledFor(3, 4).state()), List.of(), 0);
    assertThat(r.path()).isEqualTo(DeploymentSyncResult.Path.SCALE);
    assertThat(r.created()).isNull();
    assertThat(r.replicas("foo-v1")).hasValue(4);
  }

  @Test
  void theFractionFallsBackToStatusReplicasAndRoundsHalfAwayFromZero() {
    Deployment d = Fixtures.deployment(5, of(0), of(0));
    ReplicaSetState noAnnotation = rs("foo-v1").image("v1").replicas(3).state();
    assertThat(ProportionalScaling.fraction(noAnnotation, d, 2)).isEqualTo(5); // round(3*5/2 = 7.5) = 8
    assertThat(ProportionalScaling.fraction(noAnnotation, d, 0)).isZero();
    assertThat(ProportionalScaling.roundHalfAwayFromZero(-2.5)).isEqualTo(-3);
    assertThat(ProportionalScaling.roundHalfAwayFromZero(2.5)).isEqualTo(3);
    assertThat(ProportionalScaling.proportion(noAnnotation, d, 2, 3, 0)).isEqualTo(3);
    assertThat(ProportionalScaling.proportion(noAnnotation, d, 2, 3, 3)).isZero();
  }
}
