package io.kubesim.scheduler.framework;

import io.kubesim.api.Node;
import io.kubesim.api.Pod;
import java.util.Set;

/**
 * A change in the cluster that may make parked pods schedulable (upstream {@code ClusterEvent}
 * with the old and new objects). For {@link Type#NODE_UPDATE} the {@code aspects} say what changed.
 */
public record ClusterEvent(Type type, Set<NodeAspect> aspects, Node oldNode, Node newNode, Pod oldPod, Pod newPod) {

  public enum Type { NODE_ADD, NODE_UPDATE, NODE_DELETE, ASSIGNED_POD_ADD, ASSIGNED_POD_UPDATE, ASSIGNED_POD_DELETE, WILDCARD }

  /** Upstream's node update event kinds. */
  public enum NodeAspect { ALLOCATABLE, LABEL, TAINT, CONDITION, ANNOTATION }

  public ClusterEvent {
    aspects = aspects == null ? Set.of() : Set.copyOf(aspects);
  }

  public static ClusterEvent nodeAdded(Node node) {
    return new ClusterEvent(Type.NODE_ADD, null, null, node, null, null);
  }

  public static ClusterEvent nodeDeleted(Node node) {
    return new ClusterEvent(Type.NODE_DELETE, null, node, null, null, null);
  }

  /**
   * A node update, with the aspects upstream derives: allocatable, labels, taints (taint list
   * changed, or {@code unschedulable} went true → false; cordoning alone is no event), annotations.
   * Returns null when nothing relevant changed.
   */
  public static ClusterEvent nodeUpdated(Node oldNode, Node newNode) {
    java.util.EnumSet<NodeAspect> aspects = java.util.EnumSet.noneOf(NodeAspect.class);
    if (!oldNode.status().allocatable().equals(newNode.status().allocatable())) aspects.add(NodeAspect.ALLOCATABLE);
    if (!oldNode.labels().equals(newNode.labels())) aspects.add(NodeAspect.LABEL);
    if (!oldNode.spec().taints().equals(newNode.spec().taints())
        || (oldNode.spec().unschedulable() && !newNode.spec().unschedulable())) {
      aspects.add(NodeAspect.TAINT);
    }
    if (!oldNode.metadata().annotations().equals(newNode.metadata().annotations())) aspects.add(NodeAspect.ANNOTATION);
    return aspects.isEmpty() ? null : new ClusterEvent(Type.NODE_UPDATE, aspects, oldNode, newNode, null, null);
  }

  public static ClusterEvent assignedPodAdded(Pod pod) {
    return new ClusterEvent(Type.ASSIGNED_POD_ADD, null, null, null, null, pod);
  }

  public static ClusterEvent assignedPodUpdated(Pod oldPod, Pod newPod) {
    return new ClusterEvent(Type.ASSIGNED_POD_UPDATE, null, null, null, oldPod, newPod);
  }

  public static ClusterEvent assignedPodDeleted(Pod pod) {
    return new ClusterEvent(Type.ASSIGNED_POD_DELETE, null, null, null, pod, null);
  }
}
