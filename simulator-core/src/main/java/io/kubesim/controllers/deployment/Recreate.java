package io.kubesim.controllers.deployment;

import io.kubesim.api.OwnerReference;
import io.kubesim.api.Pod;
import io.kubesim.controllers.PodState;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Upstream {@code rolloutRecreate}: scale every old RS to 0; while any old RS still reports
 * replicas or any pod of an old RS is not Succeeded/Failed (terminating pods included), wait; then
 * create the new RS (already at {@code replicas}) or scale it to {@code replicas} in one step.
 */
public final class Recreate {
  private Recreate() {}

  static DeploymentSyncResult rollout(Sync s) {
    Sync.Split split = s.newAndOld(false);
    DeploymentStatus status = s.status(split);
    boolean scaledDown = false;
    for (ReplicaSetState rs : Sync.active(split.old())) {
      if (s.scaleAndRecordEvent(rs, 0).scaled()) scaledDown = true;
    }
    if (scaledDown) return s.result(DeploymentSyncResult.Path.RECREATE, status);
    if (oldPodsRunning(split.newRS(), split.old(), s.replicaSets(), s.pods)) return s.result(DeploymentSyncResult.Path.RECREATE, status);
    if (split.newRS() == null) {
      split = s.newAndOld(true);
      if (s.collided) return s.collisionResult();
      status = s.status(split);
    }
    s.scaleAndRecordEvent(split.newRS(), s.d.spec().replicas());
    if (s.previous.isComplete(s.d)) RevisionHistory.cleanup(s, split.old());
    return s.result(DeploymentSyncResult.Path.RECREATE, status);
  }

  /**
   * Upstream {@code oldPodsRunning}: an old RS reports {@code status.replicas > 0}, or a pod owned
   * (controllerRef) by one of the Deployment's RSes other than the new one is not Succeeded or
   * Failed. Pods are matched to RSes by uid, or by name when the RS has no uid.
   */
  public static boolean oldPodsRunning(ReplicaSetState newRS, List<ReplicaSetState> oldRSs, List<ReplicaSetState> allRSs, List<Pod> pods) {
    for (ReplicaSetState rs : oldRSs) {
      if (rs.statusReplicas() > 0) return true;
    }
    Set<String> owners = new HashSet<>();
    for (ReplicaSetState rs : allRSs) {
      if (newRS != null && rs.name().equals(newRS.name())) continue;
      owners.add(key(rs.uid(), rs.name()));
    }
    for (Pod pod : pods) {
      OwnerReference ref = pod.metadata().controllerRef();
      if (ref == null || !"ReplicaSet".equals(ref.kind())) continue;
      if (!owners.contains(key(ref.uid(), ref.name())) && !owners.contains(key("", ref.name()))) continue;
      String phase = PodState.phase(pod);
      if (!PodState.SUCCEEDED.equals(phase) && !PodState.FAILED.equals(phase)) return true;
    }
    return false;
  }

  private static String key(String uid, String name) {
    return uid == null || uid.isEmpty() ? "name:" + name : "uid:" + uid;
  }
}
