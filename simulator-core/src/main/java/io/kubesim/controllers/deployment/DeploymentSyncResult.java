package io.kubesim.controllers.deployment;

import io.kubesim.api.ReplicaSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/**
 * What one Deployment sync writes, in the order upstream issues the API calls.
 *
 * @param path which branch of {@code syncDeployment} ran
 * @param created the new ReplicaSet, or null; its uid is empty (the engine assigns one) and its
 *     creationTimestamp is the sync time
 * @param updates every ReplicaSet update, in order; one RS may be written more than once (e.g.
 *     unhealthy cleanup then scale-down)
 * @param deleted names of old ReplicaSets deleted by the revision-history cleanup
 * @param status the Deployment status to store and pass to the next sync
 * @param revision the value the controller gives the Deployment's
 *     {@code deployment.kubernetes.io/revision} annotation (the new RS's revision); the Deployment's
 *     current value when this sync did not set it
 * @param events upstream's event messages ({@code ScalingReplicaSet} and friends)
 */
public record DeploymentSyncResult(Path path, ReplicaSet created, List<ReplicaSet> updates, List<String> deleted,
    DeploymentStatus status, String revision, List<String> events) {

  /** The branch of {@code syncDeployment} taken. */
  public enum Path {
    /** {@code spec.selector} is {@code {}}: nothing happens. */
    EMPTY_SELECTOR,
    /** The Deployment is being deleted: status only. */
    STATUS_ONLY,
    /** Paused, or a scaling event: proportional scaling, no rollout. */
    SCALE,
    ROLLING_UPDATE,
    RECREATE,
    /** The new RS name was taken by an RS with another template: collisionCount was raised. */
    HASH_COLLISION
  }

  public DeploymentSyncResult {
    updates = List.copyOf(updates);
    deleted = List.copyOf(deleted);
    events = List.copyOf(events);
  }

  /** The last written version of every created or updated ReplicaSet, by name. */
  public Map<String, ReplicaSet> latest() {
    Map<String, ReplicaSet> m = new LinkedHashMap<>();
    if (created != null) m.put(created.metadata().name(), created);
    for (ReplicaSet rs : updates) m.put(rs.metadata().name(), rs);
    return m;
  }

  /** The {@code spec.replicas} this sync left on {@code rsName}, when it wrote that RS. */
  public OptionalInt replicas(String rsName) {
    ReplicaSet rs = latest().get(rsName);
    return rs == null ? OptionalInt.empty() : OptionalInt.of(rs.spec().replicas());
  }

  /** True when the sync wrote or deleted any ReplicaSet. */
  public boolean wroteReplicaSets() {
    return created != null || !updates.isEmpty() || !deleted.isEmpty();
  }
}
