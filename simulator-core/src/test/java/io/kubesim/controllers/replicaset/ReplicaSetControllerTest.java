package io.kubesim.controllers.replicaset;

import static io.kubesim.controllers.PodBuilder.pod;
import static org.assertj.core.api.Assertions.assertThat;

import io.kubesim.api.LabelSelector;
import io.kubesim.api.ObjectMeta;
import io.kubesim.api.OwnerReference;
import io.kubesim.api.Pod;
import io.kubesim.api.PodSpec;
import io.kubesim.api.PodTemplateSpec;
import io.kubesim.api.ReplicaSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReplicaSetControllerTest {
  private static final long NOW = 1_000_000;

  private static ReplicaSet rs(String name, String owner, int replicas, int minReadySeconds) {
    Map<String, String> labels = Map.of("app", "foo", "pod-template-hash", name);
    List<OwnerReference> owners = owner == null ? List.of() : List.of(new OwnerReference("apps/v1", "Deployment", owner, "uid-" + owner, true));
    return new ReplicaSet(new ObjectMeta(name, "default", "uid-" + name, labels, Map.of(), owners, null, null),
        new ReplicaSet.Spec(replicas, LabelSelector.matchLabels(labels), new PodTemplateSpec(ObjectMeta.named("").withLabels(labels), PodSpec.EMPTY),
            minReadySeconds));
  }

  private static Pod running(String name, String rsName, String node, long readySec) {
    return pod(name).node(node).created(0).readySince(readySec).label("app", "foo").label("pod-template-hash", rsName)
        .ownedBy("ReplicaSet", rsName).build();
  }

  @Test
  void tooFewActivePodsCreatesTheDifferenceAndTerminatingOnesDoNotCount() {
    ReplicaSet set = rs("foo-a", "foo", 3, 0);
    List<Pod> owned = List.of(running("p1", "foo-a", "n1", 1), pod("p2").running().deleting(5).ownedBy("ReplicaSet", "foo-a").build(),
        pod("p3").phase("Failed").ownedBy("ReplicaSet", "foo-a").build());
    assertThat(ReplicaSetController.manageReplicas(set, owned, owned, NOW)).isEqualTo(new ReplicaSetController.Decision(2, List.of()));
  }

  @Test
  void onlyBurstReplicasAreCreatedPerSync() {
    assertThat(ReplicaSetController.manageReplicas(rs("foo-a", "foo", 600, 0), List.of(), List.of(), NOW).toCreate()).isEqualTo(500);
  }

  @Test
  void scalingDownRemovesThePodFromTheNodeCrowdedWithTheWholeDeployment() {
    // old RS foo-a has p1 on n1 and p2 on n2; the new RS foo-b has two pods on n1.
    ReplicaSet old = rs("foo-a", "foo", 1, 0);
    ReplicaSet neu = rs("foo-b", "foo", 2, 0);
    Pod p1 = running("p1", "foo-a", "n1", 100);
    Pod p2 = running("p2", "foo-a", "n2", 100);
    List<Pod> all = List.of(p1, p2, running("q1", "foo-b", "n1", 100), running("q2", "foo-b", "n1", 100));
    List<Pod> related = ReplicaSetController.relatedPods(old, List.of(old, neu), all);
    assertThat(related).hasSize(4);
    assertThat(ReplicaSetController.manageReplicas(old, List.of(p1, p2), related, NOW).toDelete()).containsExactly(p1);
  }

  @Test
  void unscheduledPodsShareTheEmptyNodeForRanking() {
    List<Pod> pods = List.of(pod("a").build(), pod("b").build(), running("c", "x", "n1", 1));
    assertThat(ReplicaSetController.ranks(pods, pods)).extracting(DeletionOrder.RankedPod::rank).containsExactly(2, 2, 1);
  }

  @Test
  void deletingEveryPodSkipsTheRanking() {
    List<Pod> pods = List.of(running("z", "foo-a", "n1", 1), pod("a").build());
    assertThat(ReplicaSetController.podsToDelete(pods, pods, 2, NOW, RestartCounts.NONE)).containsExactlyElementsOf(pods);
  }

  @Test
  void relatedPodsAreThoseOfEveryReplicaSetWithTheSameController() {
    ReplicaSet a = rs("foo-a", "foo", 1, 0);
    ReplicaSet b = rs("foo-b", "foo", 1, 0);
    ReplicaSet other = rs("bar-a", "bar", 1, 0);
    ReplicaSet orphan = rs("lone", null, 1, 0);
    List<Pod> pods = new ArrayList<>(List.of(running("p", "foo-a", "n1", 1), running("q", "foo-b", "n1", 1)));
    pods.add(pod("r").label("app", "bar").label("pod-template-hash", "bar-a").build());
    assertThat(ReplicaSetController.relatedPods(a, List.of(a, b, other), pods)).extracting(Pod::name).containsExactly("p", "q");
    assertThat(ReplicaSetController.relatedPods(orphan, List.of(orphan, a), pods)).isEmpty();
  }

  @Test
  void statusCountsActivePodsAndAvailabilityAfterMinReadySeconds() {
    ReplicaSet set = rs("foo-a", "foo", 3, 10);
    List<Pod> owned = List.of(running("p1", "foo-a", "n1", 980), running("p2", "foo-a", "n1", 995),
        pod("p3").running().notReady().label("app", "foo").build(), pod("p4").running().deleting(1).build());
    assertThat(ReplicaSetController.status(set, owned, NOW)).isEqualTo(new ReplicaSetController.Status(3, 2, 2, 1));
    assertThat(ReplicaSetController.nextAvailabilityMs(set, owned, NOW)).hasValue(1_005_000);
    assertThat(ReplicaSetController.nextAvailabilityMs(rs("foo-a", "foo", 3, 0), owned, NOW)).isEmpty();
  }
}
