package io.kubesim.scheduler.plugins.podtopologyspread;

import io.kubesim.api.LabelSelector;
import io.kubesim.api.OwnerReference;
import io.kubesim.api.Pod;
import io.kubesim.api.ReplicaSet;
import io.kubesim.api.ReplicationController;
import io.kubesim.api.Service;
import io.kubesim.api.StatefulSet;
import io.kubesim.api.labels.Selector;
import io.kubesim.scheduler.framework.ClusterObjects;
import java.util.HashMap;
import java.util.Map;

/**
 * The selector of default constraints (upstream {@code helper.DefaultSelector}): the pods that belong
 * with this one by Service and by controller.
 *
 * <ol>
 *   <li>The union of the {@code spec.selector} maps of every Service in the pod's namespace whose
 *       (non-nil) selector matches the pod, as an equality selector.
 *   <li>If the pod's controller (first {@code controller: true} owner reference) is a
 *       ReplicationController ({@code v1}) that exists in the namespace, its selector map joins the union.
 *   <li>If it is a ReplicaSet or StatefulSet ({@code apps/v1}) that exists, the requirements of its
 *       label selector are ANDed on (a nil or invalid selector adds nothing).
 * </ol>
 *
 * An empty result means "no default constraints".
 */
public final class DefaultSelector {
  private DefaultSelector() {}

  public static Selector of(Pod pod, ClusterObjects objects) {
    Map<String, String> set = new HashMap<>();
    Map<String, String> labels = pod.labels();
    for (Service s : objects.services(pod.namespace())) {
      if (s.selector() == null) continue; // a nil selector matches nothing, not everything
      if (matchesSet(s.selector(), labels)) set.putAll(s.selector());
    }
    Selector selector = Selector.fromSet(set);

    OwnerReference owner = pod.metadata().controllerRef();
    if (owner == null) return selector;
    String gvk = owner.apiVersion() + "/" + owner.kind();
    switch (gvk) {
      case "v1/ReplicationController" -> {
        ReplicationController rc = objects.replicationController(pod.namespace(), owner.name());
        if (rc != null) {
          if (rc.selector() != null) set.putAll(rc.selector());
          selector = Selector.fromSet(set);
        }
      }
      case "apps/v1/ReplicaSet" -> {
        ReplicaSet rs = objects.replicaSet(pod.namespace(), owner.name());
        if (rs != null && rs.spec() != null) selector = addRequirements(selector, rs.spec().selector());
      }
      case "apps/v1/StatefulSet" -> {
        StatefulSet ss = objects.statefulSet(pod.namespace(), owner.name());
        if (ss != null && ss.spec() != null) selector = addRequirements(selector, ss.spec().selector());
      }
      default -> {
        // Not owned by a controller this helper knows.
      }
    }
    return selector;
  }

  private static Selector addRequirements(Selector selector, LabelSelector other) {
    if (other == null) return selector;
    try {
      return selector.and(Selector.of(other));
    } catch (IllegalArgumentException invalid) {
      return selector;
    }
  }

  private static boolean matchesSet(Map<String, String> set, Map<String, String> labels) {
    for (Map.Entry<String, String> e : set.entrySet()) {
      if (!e.getValue().equals(labels.get(e.getKey()))) return false;
    }
    return true;
  }
}
