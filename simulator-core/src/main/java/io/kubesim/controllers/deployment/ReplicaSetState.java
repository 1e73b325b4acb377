package io.kubesim.controllers.deployment;

import io.kubesim.api.ReplicaSet;

/**
 * A ReplicaSet as the Deployment controller sees it: the object plus the status counts the RS
 * controller last wrote ({@code status.replicas}, {@code readyReplicas},
 * {@code availableReplicas}; active pods only, see
 * {@link io.kubesim.controllers.replicaset.ReplicaSetController#status}).
 */
public record ReplicaSetState(ReplicaSet replicaSet, int statusReplicas, int readyReplicas, int availableReplicas) {

  /** An RS whose controller has not counted any pod yet. */
  public static ReplicaSetState withoutPods(ReplicaSet rs) {
    return new ReplicaSetState(rs, 0, 0, 0);
  }

  public String name() {
    return replicaSet.metadata().name();
  }

  public String uid() {
    return replicaSet.metadata().uid();
  }

  /** {@code spec.replicas}. */
  public int specReplicas() {
    return replicaSet.spec().replicas();
  }

  public ReplicaSetState withReplicaSet(ReplicaSet rs) {
    return new ReplicaSetState(rs, statusReplicas, readyReplicas, availableReplicas);
  }
}
