package io.kubesim.scheduler.plugins.podtopologyspread;

import static io.kubesim.testing.Pods.pod;
import static org.assertj.core.api.Assertions.assertThat;

import io.kubesim.api.LabelSelector;
import io.kubesim.api.LabelSelectorRequirement;
import io.kubesim.api.ObjectMeta;
import io.kubesim.api.ReplicaSet;
import io.kubesim.api.ReplicationController;
import io.kubesim.api.Service;
import io.kubesim.api.StatefulSet;
import io.kubesim.api.labels.Selector;
import io.kubesim.cluster.Cluster;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Upstream {@code helper.DefaultSelector}: Services, then the controller. */
class DefaultSelectorTest {

  private final Cluster objects = new Cluster();

  @BeforeEach
  void objects() {
    objects.addService(new Service(ObjectMeta.named("default", "web"), Map.of("app", "web")));
    objects.addService(new Service(ObjectMeta.named("default", "tier"), Map.of("tier", "front")));
    objects.addService(new Service(ObjectMeta.named("default", "other"), Map.of("app", "db")));
    objects.addService(new Service(ObjectMeta.named("default", "headless"), null));
    objects.addService(new Service(ObjectMeta.named("elsewhere", "web"), Map.of("zone", "x")));
    objects.addReplicationController(new ReplicationController(ObjectMeta.named("default", "rc"), Map.of("rc", "1")));
    objects.putReplicaSet(new ReplicaSet(ObjectMeta.named("default", "rs"),
        new ReplicaSet.Spec(1, new LabelSelector(null, List.of(new LabelSelectorRequirement("pod-template-hash", "Exists", List.of()))), null, 0)));
    objects.putStatefulSet(new StatefulSet(ObjectMeta.named("default", "ss"),
        new StatefulSet.Spec(1, LabelSelector.matchLabels(Map.of("ss", "db")), null, "db", null)));
  }

  private static Selector expected(Map<String, String> set, LabelSelectorRequirement... extra) {
    return Selector.fromSet(set).and(Selector.of(new LabelSelector(null, List.of(extra))));
  }

  @Test
  void theUnionOfMatchingServicesInThePodsNamespace() {
    Selector s = DefaultSelector.of(pod("p").label("app", "web").label("tier", "front").build(), objects);
    assertThat(s).isEqualTo(Selector.fromSet(Map.of("app", "web", "tier", "front")));
  }

  @Test
  void noMatchingServiceAndNoControllerGivesAnEmptySelector() {
    assertThat(DefaultSelector.of(pod("p").label("app", "cache").build(), objects).isEmpty()).isTrue();
  }

  @Test
  void aReplicationControllerAddsItsSelectorMap() {
    Selector s = DefaultSelector.of(pod("p").label("app", "web").ownerReference("v1", "ReplicationController", "rc").build(), objects);
    assertThat(s).isEqualTo(Selector.fromSet(Map.of("app", "web", "rc", "1")));
  }

  @Test
  void aReplicaSetAddsItsRequirements() {
    Selector s = DefaultSelector.of(pod("p").label("app", "web").ownerReference("apps/v1", "ReplicaSet", "rs").build(), objects);
    assertThat(s).isEqualTo(expected(Map.of("app", "web"), new LabelSelectorRequirement("pod-template-hash", "Exists", List.of())));
  }

  @Test
  void aStatefulSetAddsItsRequirements() {
    Selector s = DefaultSelector.of(pod("p").ownerReference("apps/v1", "StatefulSet", "ss").build(), objects);
    assertThat(s.matches(Map.of("ss", "db"))).isTrue();
    assertThat(s.matches(Map.of("ss", "web"))).isFalse();
  }

  @Test
  void anUnknownOrMissingControllerAddsNothing() {
    assertThat(DefaultSelector.of(pod("p").ownerReference("apps/v1", "ReplicaSet", "gone").build(), objects).isEmpty()).isTrue();
    assertThat(DefaultSelector.of(pod("p").ownerReference("batch/v1", "Job", "j").build(), objects).isEmpty()).isTrue();
    assertThat(DefaultSelector.of(pod("p").ownerReference("extensions/v1beta1", "ReplicaSet", "rs").build(), objects).isEmpty()).isTrue();
  }
}
