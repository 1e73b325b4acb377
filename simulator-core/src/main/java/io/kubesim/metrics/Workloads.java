package io.kubesim.metrics;

import io.kubesim.api.Deployment;
import io.kubesim.api.LabelSelector;
import io.kubesim.api.ObjectMeta;
import io.kubesim.api.Pod;
import io.kubesim.api.PodTemplateSpec;
import io.kubesim.api.ReplicaSet;
import io.kubesim.api.StatefulSet;
import io.kubesim.cluster.Cluster;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The workloads of a cluster with the pod their controller would create next. */
final class Workloads {
  private Workloads() {}

  static final String POD_TEMPLATE_HASH = "pod-template-hash";

  /** A workload, its selector, and a pod as its newest revision creates them. */
  record Workload(WorkloadRef ref, LabelSelector selector, Pod nextPod, String revision) {}

  static List<Workload> of(Cluster cluster) {
    List<Workload> out = new ArrayList<>();
    Map<String, ReplicaSet> newestByDeployment = new HashMap<>();
    for (ReplicaSet rs : cluster.replicaSets()) {
      var owner = rs.metadata().controllerRef();
      if (owner == null) {
        out.add(new Workload(new WorkloadRef("ReplicaSet", rs.metadata().namespace(), rs.metadata().name()), rs.spec().selector(),
            pod(rs.metadata(), rs.spec().template()), ""));
      } else if (owner.kind().equals("Deployment")) {
        String key = rs.metadata().namespace() + "/" + owner.name();
        ReplicaSet current = newestByDeployment.get(key);
        if (current == null || revision(rs) > revision(current)) newestByDeployment.put(key, rs);
      }
    }
    for (Deployment d : cluster.deployments()) {
      ReplicaSet newest = newestByDeployment.get(d.metadata().namespace() + "/" + d.metadata().name());
      PodTemplateSpec template = newest != null ? newest.spec().template() : d.spec().template();
      String revision = template.metadata() == null ? "" : template.metadata().labels().getOrDefault(POD_TEMPLATE_HASH, "");
      out.add(new Workload(new WorkloadRef("Deployment", d.metadata().namespace(), d.metadata().name()), d.spec().selector(),
          pod(d.metadata(), template), revision));
    }
    for (StatefulSet s : cluster.statefulSets()) {
      out.add(new Workload(new WorkloadRef("StatefulSet", s.metadata().namespace(), s.metadata().name()), s.spec().selector(),
          pod(s.metadata(), s.spec().template()), ""));
    }
    return out;
  }

  private static long revision(ReplicaSet rs) {
    try {
      return Long.parseLong(rs.metadata().annotations().getOrDefault("deployment.kubernetes.io/revision", "0"));
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  private static Pod pod(ObjectMeta owner, PodTemplateSpec template) {
    Map<String, String> labels = template.metadata() == null ? Map.of() : template.metadata().labels();
    return new Pod(new ObjectMeta(owner.name() + "-next", owner.namespace(), null, labels, null, null, null, null), template.spec(), null);
  }
}
