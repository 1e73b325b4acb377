package io.kubesim.controllers.deployment;

import static io.kubesim.controllers.PodBuilder.pod;
import static io.kubesim.controllers.deployment.Fixtures.rs;
import static org.assertj.core.api.Assertions.assertThat;

import io.kubesim.api.Deployment;
import io.kubesim.api.Pod;
import java.util.List;
import org.junit.jupiter.api.Test;

class RecreateTest {
  private final Deployment d = Fixtures.recreate(5);

  private DeploymentSyncResult sync(List<Pod> pods, ReplicaSetState... rsList) {
    return DeploymentController.sync(d, DeploymentStatus.INITIAL, List.of(rsList), pods, 0);
  }

  @Test
  void oldReplicaSetsGoToZeroBeforeAnythingElse() {
    var r = sync(List.of(), rs("foo-v1").image("v1").replicas(5).available(5).revision("1").scaledFor(5, 5).state());
    assertThat(r.path()).isEqualTo(DeploymentSyncResult.Path.RECREATE);
    assertThat(r.replicas("foo-v1")).hasValue(0);
    assertThat(r.created()).isNull();
  }

  @Test
  void theNewReplicaSetWaitsWhileAnOldReplicaSetStillCountsPods() {
    var r = sync(List.of(), rs("foo-v1").image("v1").replicas(0).statusReplicas(2).revision("1").scaledFor(5, 5).state());
    assertThat(r.wroteReplicaSets()).isFalse();
  }

  @Test
  void terminatingOldPodsStillBlockTheNewReplicaSet() {
    Pod terminating = pod("foo-v1-abcde").running().deleting(30).ownedBy("ReplicaSet", "foo-v1").build();
    var r = sync(List.of(terminating), rs("foo-v1").image("v1").replicas(0).revision("1").scaledFor(5, 5).state());
    assertThat(r.created()).isNull();
    assertThat(Recreate.oldPodsRunning(null, List.of(), List.of(rs("foo-v1").state()), List.of(terminating))).isTrue();
  }

  @Test
  void unknownPhaseCountsAsRunningButFinishedPodsDoNot() {
    var owner = List.of(rs("foo-v1").state());
    assertThat(Recreate.oldPodsRunning(null, List.of(), owner, List.of(pod("a").phase("Unknown").ownedBy("ReplicaSet", "foo-v1").build()))).isTrue();
    assertThat(Recreate.oldPodsRunning(null, List.of(), owner, List.of(pod("a").phase("Succeeded").ownedBy("ReplicaSet", "foo-v1").build(),
        pod("b").phase("Failed").ownedBy("ReplicaSet", "foo-v1").build()))).isFalse();
    assertThat(Recreate.oldPodsRunning(null, List.of(), owner, List.of(pod("c").running().ownedBy("ReplicaSet", "other").build()))).isFalse();
  }

  @Test
  void onceOldPodsAreGoneTheNewReplicaSetIsCreatedAtFullSize() {
    Pod done = pod("foo-v1-abcde").phase("Succeeded").ownedBy("ReplicaSet", "foo-v1").build();
    var r = sync(List.of(done), rs("foo-v1").image("v1").replicas(0).revision("1").scaledFor(5, 5).state());
    assertThat(r.created()).isNotNull();
    assertThat(r.created().spec().replicas()).isEqualTo(5);
    assertThat(r.created().metadata().annotations()).containsEntry(DeploymentAnnotations.REVISION, "2")
        .containsEntry(DeploymentAnnotations.MAX_REPLICAS, "5");
  }

  @Test
  void anExistingEmptyNewReplicaSetIsScaledUpInOneStep() {
    var r = sync(List.of(), rs("foo-v1").image("v1").replicas(0).revision("1").scaledFor(5, 5).created(10).state(),
        rs("foo-v2").image("v2").replicas(0).revision("2").scaledFor(5, 5).created(20).state());
    assertThat(r.replicas("foo-v2")).hasValue(5);
  }
}
