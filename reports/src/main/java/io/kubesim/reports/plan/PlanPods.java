package io.kubesim.reports.plan;

import io.kubesim.api.Deployment;
import io.kubesim.api.ObjectMeta;
import io.kubesim.api.OwnerReference;
import io.kubesim.api.Pod;
import io.kubesim.api.PodSpec;
import io.kubesim.api.PodStatus;
import io.kubesim.api.PodTemplateSpec;
import io.kubesim.api.ReplicaSet;
import io.kubesim.api.StatefulSet;
import io.kubesim.controllers.deployment.PodTemplateHash;
import io.kubesim.controllers.statefulset.StatefulSetController;
import io.kubesim.scenarios.ObjectRef;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The pods a scenario's workloads ask for at its start, as their controllers would create them
 * (labels, {@code pod-template-hash}, StatefulSet ordinals): every replica of every Deployment,
 * StatefulSet and ReplicaSet, and the bare pods (bound ones stay where they are).
 */
public final class PlanPods {
  private PlanPods() {}

  public static String key(String kind, String namespace, String name) {
    return kind + "/" + namespace + "/" + name;
  }

  /** Every pod, with {@code extra} more replicas of {@code grow} (null: none). */
  public static List<PlanPod> of(List<Object> objects, ObjectRef grow, int extra) {
    List<PlanPod> out = new ArrayList<>();
    for (Object o : objects) {
      if (o instanceof Deployment d) {
        String key = key("Deployment", d.metadata().namespace(), d.metadata().name());
        int more = grow != null && grow.key().equals(key) ? extra : 0;
        String hash = PodTemplateHash.compute(d.spec().template(), null);
        String rs = d.metadata().name() + "-" + hash;
        Map<String, String> labels = new HashMap<>(labels(d.spec().template()));
        labels.put(PodTemplateHash.LABEL, hash);
        for (int i = 0; i < d.spec().replicas() + more; i++) {
          out.add(new PlanPod(pod(rs + "-" + i, d.metadata().namespace(), labels, d.spec().template(), "ReplicaSet", rs), key, false,
              i >= d.spec().replicas()));
        }
      } else if (o instanceof StatefulSet s) {
        String key = key("StatefulSet", s.metadata().namespace(), s.metadata().name());
        int more = grow != null && grow.key().equals(key) ? extra : 0;
        for (int i = 0; i < s.spec().replicas() + more; i++) {
          Pod p = StatefulSetController.newPod(s, i, s.metadata().name() + "-plan", 0);
          out.add(new PlanPod(withUid(p), key, false, i >= s.spec().replicas()));
        }
      } else if (o instanceof ReplicaSet r && r.metadata().controllerRef() == null) {
        String key = key("ReplicaSet", r.metadata().namespace(), r.metadata().name());
        int more = grow != null && grow.key().equals(key) ? extra : 0;
        for (int i = 0; i < r.spec().replicas() + more; i++) {
          out.add(new PlanPod(pod(r.metadata().name() + "-" + i, r.metadata().namespace(), labels(r.spec().template()), r.spec().template(),
              "ReplicaSet", r.metadata().name()), key, false, i >= r.spec().replicas()));
        }
      } else if (o instanceof Pod p && p.metadata().controllerRef() == null) {
        out.add(new PlanPod(withUid(p), "", p.isBound(), false));
      }
    }
    return out;
  }

  private static Map<String, String> labels(PodTemplateSpec t) {
    return t == null || t.metadata() == null ? Map.of() : t.metadata().labels();
  }

  private static Pod pod(String name, String namespace, Map<String, String> labels, PodTemplateSpec t, String ownerKind, String owner) {
    OwnerReference ref = new OwnerReference("apps/v1", ownerKind, owner, namespace + "/" + owner, true);
    ObjectMeta meta = new ObjectMeta(name, namespace, namespace + "/" + name, labels, Map.of(), List.of(ref), null, null);
    return new Pod(meta, t == null || t.spec() == null ? PodSpec.EMPTY : t.spec(), PodStatus.PENDING);
  }

  private static Pod withUid(Pod p) {
    ObjectMeta m = p.metadata();
    return p.withMetadata(new ObjectMeta(m.name(), m.namespace(), p.key(), m.labels(), m.annotations(), m.ownerReferences(),
        m.creationTimestamp(), m.deletionTimestamp()));
  }
}
