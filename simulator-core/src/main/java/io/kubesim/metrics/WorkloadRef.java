package io.kubesim.metrics;

/** A workload by kind (Deployment, StatefulSet, ReplicaSet), namespace and name. */
public record WorkloadRef(String kind, String namespace, String name) {
  @Override
  public String toString() {
    return kind + "/" + (namespace.equals("default") ? "" : namespace + "/") + name;
  }
}
