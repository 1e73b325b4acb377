package io.kubesim.controllers.disruption;

import io.kubesim.api.Deployment;
import io.kubesim.api.OwnerReference;
import io.kubesim.api.ReplicaSet;
import io.kubesim.api.StatefulSet;
import java.util.List;
import java.util.Optional;

/**
 * Upstream's "finders": the scale of the controller behind a pod's controllerRef — for a pod of a
 * ReplicaSet owned by a Deployment, the Deployment's replicas (so all its RSes count once); for a
 * bare ReplicaSet or a StatefulSet, its own replicas. Empty when no such controller exists.
 */
@FunctionalInterface
public interface ScaleFinder {
  /** A controller and its desired scale; scales are summed once per controller uid. */
  record Scale(String controllerUid, int replicas) {}

  Optional<Scale> find(OwnerReference podControllerRef, String namespace);

  /** Finders over the given workloads (ReplicationControllers and custom scale subresources are not modelled). */
  static ScaleFinder of(List<Deployment> deployments, List<ReplicaSet> replicaSets, List<StatefulSet> statefulSets) {
    return (ref, namespace) -> {
      if ("ReplicaSet".equals(ref.kind())) {
        for (ReplicaSet rs : replicaSets) {
          if (!rs.metadata().name().equals(ref.name()) || !rs.metadata().namespace().equals(namespace) || !rs.metadata().uid().equals(ref.uid())) continue;
          OwnerReference rsOwner = rs.metadata().controllerRef();
          if (rsOwner != null && "Deployment".equals(rsOwner.kind())) {
            for (Deployment d : deployments) {
              if (d.metadata().name().equals(rsOwner.name()) && d.metadata().namespace().equals(namespace) && d.metadata().uid().equals(rsOwner.uid())) {
                return Optional.of(new Scale(d.metadata().uid(), d.spec().replicas()));
              }
            }
            return Optional.empty();
          }
          return Optional.of(new Scale(rs.metadata().uid(), rs.spec().replicas()));
        }
      } else if ("StatefulSet".equals(ref.kind())) {
        for (StatefulSet s : statefulSets) {
          if (s.metadata().name().equals(ref.name()) && s.metadata().namespace().equals(namespace) && s.metadata().uid().equals(ref.uid())) {
            return Optional.of(new Scale(s.metadata().uid(), s.spec().replicas()));
          }
        }
      }
      return Optional.empty();
    };
  }
}
