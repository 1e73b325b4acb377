package io.kubesim.controllers.deployment;

import static io.kubesim.api.IntOrString.of;
import static io.kubesim.api.IntOrString.percent;
import static io.kubesim.controllers.deployment.Fixtures.rs;
import static org.assertj.core.api.Assertions.assertThat;

import io.kubesim.api.Deployment;
import io.kubesim.api.IntOrString;
import io.kubesim.api.ReplicaSet;
import io.kubesim.controllers.SimTime;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class RollingUpdateTest {
  private static final long NOW = 1_000_000;

  private static Sync sync(Deployment d, ReplicaSetState... rs) {
    return new Sync(d, DeploymentStatus.INITIAL, List.of(rs), List.of(), NOW);
  }

  private static int replicasAfter(Sync s, ReplicaSetState rs) {
    return s.result(DeploymentSyncResult.Path.ROLLING_UPDATE, DeploymentStatus.INITIAL).replicas(rs.name()).orElse(rs.specReplicas());
  }

  record NewRow(String name, IntOrString surge, int oldReplicas, int newReplicas, boolean scaled, int expectedNew) {
    @Override
    public String toString() {
      return name;
    }
  }

  // upstream rolling_test.go TestDeploymentController_reconcileNewReplicaSet (10 replicas, maxUnavailable 0)
  static Stream<NewRow> newRows() {
    return Stream.of(
        new NewRow("no surge: the new RS cannot grow while 10 old replicas exist", of(0), 10, 0, false, 0),
        new NewRow("surge 2 over 10 old replicas: new RS to 2", of(2), 10, 0, true, 2),
        new NewRow("surge 2 over 5 old replicas: new RS to 7", of(2), 5, 0, true, 7),
        new NewRow("already surged: nothing to do", of(2), 10, 2, false, 2),
        new NewRow("a new RS above replicas is scaled down to replicas", of(2), 2, 11, true, 10));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("newRows")
  void reconcileNewReplicaSet(NewRow row) {
    Deployment d = Fixtures.deployment(10, row.surge(), of(0));
    ReplicaSetState old = rs("foo-v1").image("v1").replicas(row.oldReplicas()).available(row.oldReplicas()).state();
    ReplicaSetState neu = rs("foo-v2").image("v2").replicas(row.newReplicas()).state();
    Sync s = sync(d, old, neu);
    assertThat(RollingUpdate.reconcileNewReplicaSet(s, List.of(old, neu), neu).scaled()).isEqualTo(row.scaled());
    assertThat(replicasAfter(s, neu)).isEqualTo(row.expectedNew());
  }

  record OldRow(String name, IntOrString maxUnavailable, int oldReplicas, int newReplicas, int oldAvailable, int newAvailable, boolean scaled,
      int expectedOld) {
    @Override
    public String toString() {
      return name;
    }
  }

  // upstream rolling_test.go TestDeploymentController_reconcileOldReplicaSets (10 replicas, maxSurge 0)
  static Stream<OldRow> oldRows() {
    return Stream.of(
        new OldRow("maxUnavailable 0 with surge 0 resolves to 1: one old replica goes", of(0), 10, 0, 10, 0, true, 9),
        new OldRow("maxUnavailable 2: two old replicas go", of(2), 10, 0, 10, 0, true, 8),
        new OldRow("two unavailable old replicas are cleaned up first", of(2), 10, 0, 8, 0, true, 8),
        new OldRow("one unhealthy replica cleaned up and one available scaled down", of(2), 10, 0, 9, 0, true, 8),
        new OldRow("unavailable new replicas block further scale-down", of(2), 8, 2, 8, 0, false, 8));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("oldRows")
  void reconcileOldReplicaSets(OldRow row) {
    Deployment d = Fixtures.deployment(10, of(0), row.maxUnavailable());
    ReplicaSetState old = rs("foo-v1").image("v1").replicas(row.oldReplicas()).available(row.oldAvailable()).state();
    ReplicaSetState neu = rs("foo-v2").image("v2").replicas(row.newReplicas()).available(row.newAvailable()).state();
    Sync s = sync(d, old, neu);
    assertThat(RollingUpdate.reconcileOldReplicaSets(s, List.of(old, neu), List.of(old), neu)).isEqualTo(row.scaled());
    assertThat(replicasAfter(s, old)).isEqualTo(row.expectedOld());
  }

  record CleanupRow(int available, int maxCleanup, int expected) {}

  // upstream TestDeploymentController_cleanupUnhealthyReplicas (10 old replicas)
  static Stream<CleanupRow> cleanupRows() {
    return Stream.of(new CleanupRow(8, 1, 1), new CleanupRow(8, 3, 2), new CleanupRow(8, 0, 0), new CleanupRow(10, 3, 0));
  }

  @ParameterizedTest(name = "10 old replicas, {0}")
  @MethodSource("cleanupRows")
  void cleanupUnhealthyReplicasRemovesAtMostTheUnavailableOnes(CleanupRow row) {
    Deployment d = Fixtures.deployment(10, of(2), of(2));
    ReplicaSetState old = rs("foo-v1").image("v1").replicas(10).available(row.available()).state();
    Sync s = sync(d, old);
    assertThat(RollingUpdate.cleanupUnhealthyReplicas(s, new ArrayList<>(List.of(old)), row.maxCleanup())).isEqualTo(row.expected());
    assertThat(replicasAfter(s, old)).isEqualTo(10 - row.expected());
  }

  @Test
  void cleanupFailsLikeUpstreamWhenAnRsReportsMoreAvailableThanDesired() {
    Deployment d = Fixtures.deployment(10, of(2), of(2));
    ReplicaSetState old = rs("foo-v1").image("v1").replicas(3).available(5).state();
    assertThat(RollingUpdate.cleanupUnhealthyReplicas(sync(d, old), new ArrayList<>(List.of(old)), 4)).isNull();
  }

  @Test
  void unhealthyCleanupStartsWithTheOldestReplicaSet() {
    Deployment d = Fixtures.deployment(10, of(0), of(3));
    ReplicaSetState older = rs("foo-v0").image("v0").replicas(5).available(3).created(10).state();
    ReplicaSetState old = rs("foo-v1").image("v1").replicas(5).available(3).created(20).state();
    Sync s = sync(d, old, older);
    assertThat(RollingUpdate.cleanupUnhealthyReplicas(s, new ArrayList<>(List.of(old, older)), 3)).isEqualTo(3);
    assertThat(replicasAfter(s, older)).isEqualTo(3);
    assertThat(replicasAfter(s, old)).isEqualTo(4);
  }

  // The worked example of the reference doc, section 1.5: 10 replicas, 25%/25% (surge 3, unavailable 2).
  @Test
  void aTemplateChangeCreatesTheNewReplicaSetSurgedAndScalesTheOldOneDownInTheSameSync() {
    Deployment d = Fixtures.deployment(10, percent(25), percent(25));
    ReplicaSetState old = rs("foo-v1").image("v1").replicas(10).available(10).revision("1").scaledFor(10, 13).state();
    DeploymentSyncResult r = DeploymentController.sync(d, DeploymentStatus.INITIAL, List.of(old), List.of(), NOW);

    ReplicaSet created = r.created();
    String hash = PodTemplateHash.compute(d.spec().template(), null);
    assertThat(created.metadata().name()).isEqualTo("foo-" + hash);
    assertThat(created.spec().replicas()).isEqualTo(3);
    assertThat(created.metadata().annotations()).containsEntry("deployment.kubernetes.io/revision", "2")
        .containsEntry("deployment.kubernetes.io/desired-replicas", "10").containsEntry("deployment.kubernetes.io/max-replicas", "13");
    assertThat(created.metadata().labels()).containsEntry("pod-template-hash", hash).containsEntry("app", "foo");
    assertThat(created.spec().selector().matchLabels()).containsEntry("pod-template-hash", hash).containsEntry("app", "foo");
    assertThat(created.spec().template().metadata().labels()).containsEntry("pod-template-hash", hash);
    assertThat(created.metadata().ownerReferences()).singleElement().satisfies(o -> {
      assertThat(o.kind()).isEqualTo("Deployment");
      assertThat(o.uid()).isEqualTo("uid-foo");
      assertThat(o.controller()).isTrue();
    });
    assertThat(created.metadata().creationTimestamp()).isEqualTo(SimTime.format(NOW));
    assertThat(r.replicas("foo-v1")).hasValue(8);
    assertThat(r.revision()).isEqualTo("2");
    assertThat(r.events()).containsExactly("Scaled up replica set " + created.metadata().name() + " to 3",
        "Scaled down replica set foo-v1 to 8 from 10");
  }

  @Test
  void theWorkedExampleProceedsAsNewPodsBecomeAvailable() {
    Deployment d = Fixtures.deployment(10, percent(25), percent(25));
    String newName = "foo-v2";
    // sync 2: old at 8 (8 available), new at 3 (none available yet): the new RS grows to 5
    var r2 = DeploymentController.sync(d, DeploymentStatus.INITIAL, List.of(
        rs("foo-v1").image("v1").replicas(8).available(8).revision("1").scaledFor(10, 13).state(),
        rs(newName).image("v2").replicas(3).revision("2").scaledFor(10, 13).state()), List.of(), NOW);
    assertThat(r2.replicas(newName)).hasValue(5);
    assertThat(r2.replicas("foo-v1")).isEmpty();
    // sync 3: two new pods available: maxScaledDown = 13 - 8 - 3 = 2; old loses 2
    var r3 = DeploymentController.sync(d, DeploymentStatus.INITIAL, List.of(
        rs("foo-v1").image("v1").replicas(8).available(8).revision("1").scaledFor(10, 13).state(),
        rs(newName).image("v2").replicas(5).available(2).revision("2").scaledFor(10, 13).state()), List.of(), NOW);
    assertThat(r3.replicas("foo-v1")).hasValue(6);
    assertThat(r3.replicas(newName)).isEmpty();
  }

  @Test
  void pendingSurgePodsStallTheRollout() {
    Deployment d = Fixtures.deployment(10, percent(25), percent(25));
    var r = DeploymentController.sync(d, DeploymentStatus.INITIAL, List.of(
        rs("foo-v1").image("v1").replicas(8).available(8).revision("1").scaledFor(10, 13).state(),
        rs("foo-v2").image("v2").replicas(5).revision("2").scaledFor(10, 13).state()), List.of(), NOW);
    assertThat(r.updates()).isEmpty();
    assertThat(r.path()).isEqualTo(DeploymentSyncResult.Path.ROLLING_UPDATE);
    assertThat(r.status().unavailableReplicas()).isEqualTo(5);
  }

  @Test
  void revertingTheTemplateReusesTheOldReplicaSetWithANewRevision() {
    Deployment d = Fixtures.deployment(10, percent(25), percent(25));
    d = d.withSpec(new Deployment.Spec(10, d.spec().selector(), Fixtures.template("v1"), d.spec().strategy(), 0, null, false, null));
    var r = DeploymentController.sync(d, DeploymentStatus.INITIAL, List.of(
        rs("foo-v1").image("v1").replicas(0).revision("1").scaledFor(10, 13).created(10).state(),
        rs("foo-v2").image("v2").replicas(10).available(10).revision("2").scaledFor(10, 13).created(20).state()), List.of(), NOW);
    assertThat(r.created()).isNull();
    assertThat(r.revision()).isEqualTo("3");
    ReplicaSet reused = r.latest().get("foo-v1");
    assertThat(reused.metadata().annotations()).containsEntry("deployment.kubernetes.io/revision", "3")
        .containsEntry("deployment.kubernetes.io/revision-history", "1");
    assertThat(reused.spec().replicas()).isEqualTo(3);
    assertThat(reused.spec().template().metadata().labels()).containsEntry("pod-template-hash", "v1");
  }

  @Test
  void aCompletedRolloutDeletesOldReplicaSetsBeyondTheHistoryLimit() {
    Deployment d = Fixtures.withHistoryLimit(Fixtures.deployment(3, percent(25), percent(25)), 1);
    List<ReplicaSetState> rsList = List.of(
        rs("foo-v0").image("v0").replicas(0).revision("1").created(10).state(),
        rs("foo-v1").image("v1").replicas(0).revision("2").created(20).state(),
        rs("foo-v2").image("v2").replicas(3).available(3).revision("3").scaledFor(3, 4).created(30).state());
    var incomplete = DeploymentController.sync(d, DeploymentStatus.INITIAL, rsList, List.of(), NOW);
    assertThat(incomplete.deleted()).isEmpty();
    assertThat(incomplete.status().isComplete(d)).isTrue();
    var complete = DeploymentController.sync(d, incomplete.status(), rsList, List.of(), NOW);
    assertThat(complete.deleted()).containsExactly("foo-v0");
  }

  @Test
  void aNameCollisionRaisesCollisionCountAndTheNextSyncUsesANewHash() {
    Deployment d = Fixtures.deployment(2, percent(25), percent(25));
    String hash = PodTemplateHash.compute(d.spec().template(), null);
    // an RS already carries the name the new RS would get, but with another template
    ReplicaSetState squatter = rs("foo-" + hash).image("v9").replicas(2).available(2).revision("1").scaledFor(2, 3).state();
    var r = DeploymentController.sync(d, DeploymentStatus.INITIAL, List.of(squatter), List.of(), NOW);
    assertThat(r.path()).isEqualTo(DeploymentSyncResult.Path.HASH_COLLISION);
    assertThat(r.created()).isNull();
    assertThat(r.status().collisionCount()).isEqualTo(1);
    var next = DeploymentController.sync(d, r.status(), List.of(squatter), List.of(), NOW);
    assertThat(next.created().metadata().name()).isEqualTo("foo-" + PodTemplateHash.compute(d.spec().template(), 1)).isNotEqualTo("foo-" + hash);
  }

  @Test
  void theNewRsMinReadySecondsFollowsTheDeployment() {
    Deployment d = Fixtures.deployment(2, percent(25), percent(25));
    d = d.withSpec(new Deployment.Spec(2, d.spec().selector(), d.spec().template(), d.spec().strategy(), 7, null, false, null));
    var r = DeploymentController.sync(d, DeploymentStatus.INITIAL,
        List.of(rs("foo-v2").image("v2").replicas(2).available(2).revision("1").scaledFor(2, 3).state()), List.of(), NOW);
    assertThat(r.latest().get("foo-v2").spec().minReadySeconds()).isEqualTo(7);
  }
}
