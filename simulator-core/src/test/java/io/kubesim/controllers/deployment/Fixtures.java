package io.kubesim.controllers.deployment;

import io.kubesim.api.Container;
import io.kubesim.api.Deployment;
import io.kubesim.api.IntOrString;
import io.kubesim.api.LabelSelector;
import io.kubesim.api.ObjectMeta;
import io.kubesim.api.OwnerReference;
import io.kubesim.api.PodSpec;
import io.kubesim.api.PodTemplateSpec;
import io.kubesim.api.ReplicaSet;
import io.kubesim.controllers.SimTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Deployment and ReplicaSet fixtures: Deployment "foo" (app=foo), templates differing by image. */
final class Fixtures {
  private Fixtures() {}

  static PodTemplateSpec template(String image) {
    PodSpec spec = new PodSpec(null, null, null, null, null, null, List.of(new Container("app", image, null, null, null)), null, null, null,
        null, null);
    return new PodTemplateSpec(ObjectMeta.named("").withLabels(Map.of("app", "foo")), spec);
  }

  static Deployment deployment(int replicas, IntOrString surge, IntOrString unavailable) {
    return deploymentWith(replicas, new Deployment.Strategy("RollingUpdate", surge, unavailable), "v2");
  }

  static Deployment deploymentWith(int replicas, Deployment.Strategy strategy, String image) {
    ObjectMeta meta = new ObjectMeta("foo", "default", "uid-foo", Map.of(), Map.of(), List.of(), SimTime.format(0), null);
    return new Deployment(meta, new Deployment.Spec(replicas, LabelSelector.matchLabels(Map.of("app", "foo")), template(image), strategy, 0, null,
        false, null));
  }

  static Deployment recreate(int replicas) {
    return deploymentWith(replicas, new Deployment.Strategy("Recreate", null, null), "v2");
  }

  static Deployment withSpec(Deployment d, java.util.function.UnaryOperator<Deployment.Spec> change) {
    return d.withSpec(change.apply(d.spec()));
  }

  static Deployment withHistoryLimit(Deployment d, Integer limit) {
    Deployment.Spec s = d.spec();
    return d.withSpec(new Deployment.Spec(s.replicas(), s.selector(), s.template(), s.strategy(), s.minReadySeconds(), limit, s.paused(),
        s.progressDeadlineSeconds()));
  }

  static Deployment paused(Deployment d) {
    Deployment.Spec s = d.spec();
    return d.withSpec(new Deployment.Spec(s.replicas(), s.selector(), s.template(), s.strategy(), s.minReadySeconds(), s.revisionHistoryLimit(),
        true, s.progressDeadlineSeconds()));
  }

  static Rs rs(String name) {
    return new Rs(name);
  }

  /** A ReplicaSet owned by "foo": {@code rs("foo-v1").image("v1").replicas(10).available(10).created(100)}. */
  static final class Rs {
    private final String name;
    private String image = "v1";
    private int replicas;
    private Integer statusReplicas;
    private int available;
    private long createdSec = 100;
    private final Map<String, String> annotations = new HashMap<>();
    private String deletion;

    Rs(String name) {
      this.name = name;
    }

    Rs image(String i) {
      image = i;
      return this;
    }

    Rs replicas(int n) {
      replicas = n;
      return this;
    }

    /** Available (and ready) pods; status.replicas defaults to spec. */
    Rs available(int n) {
      available = n;
      return this;
    }

    Rs statusReplicas(int n) {
      statusReplicas = n;
      return this;
    }

    Rs created(long sec) {
      createdSec = sec;
      return this;
    }

    Rs revision(String r) {
      annotations.put(DeploymentAnnotations.REVISION, r);
      return this;
    }

    /** desired-replicas and max-replicas annotations as the controller writes them. */
    Rs scaledFor(int desired, int max) {
      annotations.put(DeploymentAnnotations.DESIRED_REPLICAS, Integer.toString(desired));
      annotations.put(DeploymentAnnotations.MAX_REPLICAS, Integer.toString(max));
      return this;
    }

    Rs annotation(String k, String v) {
      annotations.put(k, v);
      return this;
    }

    Rs deleting() {
      deletion = SimTime.format(500_000);
      return this;
    }

    ReplicaSetState state() {
      PodTemplateSpec t = PodTemplateHash.withHashLabel(template(image), name.substring(name.indexOf('-') + 1));
      ObjectMeta meta = new ObjectMeta(name, "default", "uid-" + name, t.metadata().labels(), annotations,
          List.of(new OwnerReference("apps/v1", "Deployment", "foo", "uid-foo", true)), SimTime.format(createdSec * 1000), deletion);
      ReplicaSet rs = new ReplicaSet(meta, new ReplicaSet.Spec(replicas, LabelSelector.matchLabels(t.metadata().labels()), t, 0));
      return new ReplicaSetState(rs, statusReplicas == null ? replicas : statusReplicas, available, available);
    }
  }
}
