package io.kubesim.controllers.statefulset;

import io.kubesim.api.Pod;
import java.util.List;

/**
 * What one StatefulSet sync does, in upstream's order.
 *
 * @param create pods to create (name {@code <set>-<ordinal>}, at the given revision); see
 *     {@link StatefulSetController#newPod}
 * @param delete pods to delete (graceful delete; the same name is re-created once the pod is gone)
 * @param status the StatefulSet status to store; pass its {@code currentRevision} to the next sync
 */
public record StatefulSetSyncResult(List<Create> create, List<Delete> delete, Status status) {
  public StatefulSetSyncResult {
    create = List.copyOf(create);
    delete = List.copyOf(delete);
  }

  /** A pod to create. */
  public record Create(int ordinal, String name, String revision) {}

  /** Why a pod is deleted. */
  public enum Reason {
    /** Succeeded or Failed: deleted so that it is re-created. */
    TERMINAL,
    /** Ordinal at or above {@code replicas}: scale-down. */
    CONDEMNED,
    /** Not at the update revision: rolling update. */
    UPDATE
  }

  /** A pod to delete. */
  public record Delete(Pod pod, Reason reason) {}

  /**
   * Upstream {@code StatefulSetStatus} counts: {@code replicas} counts existing pods (terminating
   * ones included), {@code ready} Running and Ready pods, {@code available} those also available
   * for {@code minReadySeconds}, {@code current}/{@code updated} non-terminating pods at each
   * revision.
   */
  public record Status(int replicas, int readyReplicas, int availableReplicas, int currentReplicas, int updatedReplicas, String currentRevision,
      String updateRevision) {}
}
