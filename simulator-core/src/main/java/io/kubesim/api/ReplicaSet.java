package io.kubesim.api;

/** A ReplicaSet; its selector also feeds PodTopologySpread's default constraints. */
public record ReplicaSet(ObjectMeta metadata, Spec spec) {
  /** @param selector never null for a valid ReplicaSet */
  public record Spec(int replicas, LabelSelector selector, PodTemplateSpec template, int minReadySeconds) {}

  public ReplicaSet withReplicas(int replicas) {
    return new ReplicaSet(metadata, new Spec(replicas, spec.selector(), spec.template(), spec.minReadySeconds()));
  }

  public ReplicaSet withMetadata(ObjectMeta meta) {
    return new ReplicaSet(meta, spec);
  }
}
