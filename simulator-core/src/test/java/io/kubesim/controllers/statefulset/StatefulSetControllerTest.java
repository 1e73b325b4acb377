package io.kubesim.controllers.statefulset;

import static io.kubesim.controllers.PodBuilder.pod;
import static org.assertj.core.api.Assertions.assertThat;

import io.kubesim.api.Container;
import io.kubesim.api.IntOrString;
import io.kubesim.api.LabelSelector;
import io.kubesim.api.ObjectMeta;
import io.kubesim.api.Pod;
import io.kubesim.api.PodSpec;
import io.kubesim.api.PodTemplateSpec;
import io.kubesim.api.StatefulSet;
import io.kubesim.controllers.PodBuilder;
import io.kubesim.controllers.statefulset.StatefulSetSyncResult.Create;
import io.kubesim.controllers.statefulset.StatefulSetSyncResult.Reason;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StatefulSetControllerTest {
  private static final long NOW = 1_000_000;

  private static StatefulSet set(int replicas, String policy, String image, StatefulSet.UpdateStrategy strategy, int minReadySeconds) {
    PodSpec spec = new PodSpec(null, null, null, null, null, null, List.of(new Container("db", image, null, null, null)), null, null, null, null,
        null);
    PodTemplateSpec t = new PodTemplateSpec(ObjectMeta.named("").withLabels(Map.of("app", "web")), spec);
    return new StatefulSet(new ObjectMeta("web", "default", "uid-web", Map.of(), Map.of(), List.of(), null, null),
        new StatefulSet.Spec(replicas, LabelSelector.matchLabels(Map.of("app", "web")), t, "web", policy, strategy, minReadySeconds));
  }

  private static StatefulSet set(int replicas, String policy) {
    return set(replicas, policy, "v1", null, 0);
  }

  private static final String V1 = StatefulSetController.revisionName(set(1, null));

  private static PodBuilder member(int ordinal, String revision) {
    return pod("web-" + ordinal).node("n1").created(0).label("app", "web").label(StatefulSetController.REVISION_LABEL, revision)
        .ownedBy("StatefulSet", "web");
  }

  private static Pod healthy(int ordinal, String revision) {
    return member(ordinal, revision).readySince(100).build();
  }

  private static List<Pod> healthyPods(int n, String revision) {
    List<Pod> out = new ArrayList<>();
    for (int i = 0; i < n; i++) out.add(healthy(i, revision));
    return out;
  }

  private static List<String> deleted(StatefulSetSyncResult r) {
    return r.delete().stream().map(d -> d.pod().name()).toList();
  }

  @Test
  void orderedReadyCreatesOneOrdinalAtATime() {
    var r = StatefulSetController.sync(set(3, null), null, List.of(), NOW);
    assertThat(r.create()).containsExactly(new Create(0, "web-0", V1));
    var next = StatefulSetController.sync(set(3, null), V1, List.of(healthy(0, V1)), NOW);
    assertThat(next.create()).containsExactly(new Create(1, "web-1", V1));
  }

  @Test
  void orderedReadyWaitsForThePredecessorToBeRunningAndReady() {
    assertThat(StatefulSetController.sync(set(3, null), V1, List.of(member(0, V1).build()), NOW).create()).isEmpty();
    assertThat(StatefulSetController.sync(set(3, null), V1, List.of(member(0, V1).running().notReady().build()), NOW).create()).isEmpty();
  }

  @Test
  void orderedReadyAlsoWaitsForMinReadySeconds() {
    StatefulSet s = set(2, null, "v1", null, 30);
    Pod p = member(0, V1).readySince(980).build();
    assertThat(StatefulSetController.sync(s, V1, List.of(p), 1_009_999).create()).isEmpty();
    assertThat(StatefulSetController.sync(s, V1, List.of(p), 1_010_000).create()).extracting(Create::name).containsExactly("web-1");
  }

  @Test
  void parallelCreatesEveryMissingOrdinalAtOnce() {
    var r = StatefulSetController.sync(set(3, StatefulSetController.PARALLEL), null, List.of(member(1, V1).build()), NOW);
    assertThat(r.create()).extracting(Create::name).containsExactly("web-0", "web-2");
  }

  @Test
  void orderedReadyScaleDownDeletesTheHighestOrdinalOneAtATime() {
    var r = StatefulSetController.sync(set(1, null), V1, healthyPods(3, V1), NOW);
    assertThat(r.delete()).extracting(d -> d.pod().name(), StatefulSetSyncResult.Delete::reason).containsExactly(
        org.assertj.core.groups.Tuple.tuple("web-2", Reason.CONDEMNED));
    List<Pod> terminating = List.of(healthy(0, V1), healthy(1, V1), member(2, V1).readySince(100).deleting(500).build());
    assertThat(StatefulSetController.sync(set(1, null), V1, terminating, NOW).delete()).isEmpty();
  }

  @Test
  void parallelScaleDownDeletesAllCondemnedPods() {
    assertThat(deleted(StatefulSetController.sync(set(1, StatefulSetController.PARALLEL), V1, healthyPods(3, V1), NOW)))
        .containsExactly("web-2", "web-1");
  }

  @Test
  void scaleDownHaltsWhenTheCondemnedPodIsUnhealthyButNotTheFirstUnhealthy() {
    List<Pod> pods = List.of(healthy(0, V1), member(1, V1).running().notReady().build(), member(2, V1).running().notReady().build());
    assertThat(StatefulSetController.sync(set(1, null), V1, pods, NOW).delete()).isEmpty();
    List<Pod> onlyTopUnhealthy = List.of(healthy(0, V1), healthy(1, V1), member(2, V1).running().notReady().build());
    assertThat(deleted(StatefulSetController.sync(set(1, null), V1, onlyTopUnhealthy, NOW))).containsExactly("web-2");
  }

  @Test
  void aFailedPodIsDeletedToBeRecreatedAndBlocksOrderedReady() {
    List<Pod> pods = List.of(member(0, V1).phase("Failed").build(), healthy(1, V1));
    var r = StatefulSetController.sync(set(3, null), V1, pods, NOW);
    assertThat(r.delete()).extracting(StatefulSetSyncResult.Delete::reason).containsExactly(Reason.TERMINAL);
    assertThat(r.create()).isEmpty();
  }

  @Test
  void aRollingUpdateReplacesTheHighestOrdinalFirstOneAtATime() {
    StatefulSet v2 = set(3, null, "v2", null, 0);
    String rev2 = StatefulSetController.revisionName(v2);
    var r1 = StatefulSetController.sync(v2, V1, healthyPods(3, V1), NOW);
    assertThat(r1.delete()).extracting(d -> d.pod().name(), StatefulSetSyncResult.Delete::reason)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("web-2", Reason.UPDATE));
    assertThat(r1.status().currentReplicas()).isEqualTo(2);
    // web-2 gone: it is re-created at the update revision
    var r2 = StatefulSetController.sync(v2, V1, List.of(healthy(0, V1), healthy(1, V1)), NOW);
    assertThat(r2.create()).containsExactly(new Create(2, "web-2", rev2));
    // the new web-2 is not ready yet: wait
    var r3 = StatefulSetController.sync(v2, V1, List.of(healthy(0, V1), healthy(1, V1), member(2, rev2).build()), NOW);
    assertThat(r3.delete()).isEmpty();
    // ready: web-1 is next
    var r4 = StatefulSetController.sync(v2, V1, List.of(healthy(0, V1), healthy(1, V1), healthy(2, rev2)), NOW);
    assertThat(deleted(r4)).containsExactly("web-1");
    // all updated and ready: the update revision becomes current
    var done = StatefulSetController.sync(v2, V1, healthyPods(3, rev2), NOW);
    assertThat(done.status().currentRevision()).isEqualTo(rev2);
    assertThat(done.status().currentReplicas()).isEqualTo(3);
  }

  @Test
  void parallelPodManagementStillUpdatesOnePodAtATime() {
    StatefulSet v2 = set(3, StatefulSetController.PARALLEL, "v2", null, 0);
    String rev2 = StatefulSetController.revisionName(v2);
    var r = StatefulSetController.sync(v2, V1, List.of(healthy(0, V1), healthy(1, V1), member(2, rev2).build()), NOW);
    assertThat(r.delete()).isEmpty();
  }

  @Test
  void thePartitionKeepsLowerOrdinalsAtTheCurrentRevision() {
    StatefulSet v2 = set(3, null, "v2", new StatefulSet.UpdateStrategy("RollingUpdate", 2, null), 0);
    String rev2 = StatefulSetController.revisionName(v2);
    assertThat(deleted(StatefulSetController.sync(v2, V1, List.of(healthy(0, V1), healthy(1, V1), healthy(2, rev2)), NOW))).isEmpty();
    // a missing ordinal below the partition is re-created at the current revision, above it at the update revision
    var r = StatefulSetController.sync(set(3, StatefulSetController.PARALLEL, "v2", new StatefulSet.UpdateStrategy("RollingUpdate", 2, null), 0),
        V1, List.of(), NOW);
    assertThat(r.create()).extracting(Create::revision).containsExactly(V1, V1, rev2);
  }

  @Test
  void onDeleteNeverDeletesForAnUpdateAndRecreatesAtTheUpdateRevision() {
    StatefulSet v2 = set(3, null, "v2", new StatefulSet.UpdateStrategy("OnDelete", 0, null), 0);
    String rev2 = StatefulSetController.revisionName(v2);
    assertThat(StatefulSetController.sync(v2, V1, healthyPods(3, V1), NOW).delete()).isEmpty();
    assertThat(StatefulSetController.sync(v2, V1, List.of(healthy(0, V1), healthy(1, V1)), NOW).create()).containsExactly(new Create(2, "web-2", rev2));
  }

  @Test
  void withTheMaxUnavailableGateSeveralPodsAreReplacedAtOnce() {
    StatefulSet v2 = set(4, null, "v2", new StatefulSet.UpdateStrategy("RollingUpdate", 0, IntOrString.of(2)), 0);
    assertThat(deleted(StatefulSetController.sync(v2, V1, healthyPods(4, V1), NOW, true))).containsExactly("web-3", "web-2");
    assertThat(deleted(StatefulSetController.sync(v2, V1, healthyPods(4, V1), NOW, false))).containsExactly("web-3");
    // with Parallel management one pod already unavailable leaves room for one more; OrderedReady waits for it
    StatefulSet parallel = set(4, StatefulSetController.PARALLEL, "v2", new StatefulSet.UpdateStrategy("RollingUpdate", 0, IntOrString.of(2)), 0);
    List<Pod> oneDown = new ArrayList<>(healthyPods(3, V1));
    oneDown.add(member(3, StatefulSetController.revisionName(v2)).build());
    assertThat(deleted(StatefulSetController.sync(parallel, V1, oneDown, NOW, true))).containsExactly("web-2");
    assertThat(deleted(StatefulSetController.sync(v2, V1, oneDown, NOW, true))).isEmpty();
  }

  @Test
  void newPodsCarryTheirIdentityLabelsAndOwner() {
    Pod p = StatefulSetController.newPod(set(3, null), 2, V1, 5_000);
    assertThat(p.name()).isEqualTo("web-2");
    assertThat(p.labels()).containsEntry("app", "web").containsEntry(StatefulSetController.POD_NAME_LABEL, "web-2")
        .containsEntry(StatefulSetController.POD_INDEX_LABEL, "2").containsEntry(StatefulSetController.REVISION_LABEL, V1);
    assertThat(p.metadata().controllerRef().kind()).isEqualTo("StatefulSet");
    assertThat(StatefulSetController.ordinal(p)).isEqualTo(2);
    assertThat(StatefulSetController.ordinal(pod("web").build())).isEqualTo(-1);
  }

  @Test
  void aDeletingStatefulSetOnlyReportsStatus() {
    StatefulSet s = set(3, null);
    s = new StatefulSet(s.metadata().withDeletionTimestamp("2026-01-01T00:00:01Z"), s.spec());
    var r = StatefulSetController.sync(s, V1, List.of(healthy(0, V1)), NOW);
    assertThat(r.create()).isEmpty();
    assertThat(r.status().readyReplicas()).isEqualTo(1);
  }
}
