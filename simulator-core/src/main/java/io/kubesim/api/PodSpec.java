package io.kubesim.api;

import java.util.List;
import java.util.Map;

/**
 * The pod spec fields the simulator reads.
 *
 * @param nodeName "" when unbound
 * @param affinity null when absent
 * @param priority null = 0
 */
public record PodSpec(
    String nodeName,
    Map<String, String> nodeSelector,
    Affinity affinity,
    List<Toleration> tolerations,
    List<TopologySpreadConstraint> topologySpreadConstraints,
    List<Container> initContainers,
    List<Container> containers,
    Map<String, Quantity> overhead,
    Integer priority,
    String priorityClassName,
    String schedulerName,
    List<String> schedulingGates) {

  public PodSpec {
    nodeName = nodeName == null ? "" : nodeName;
    nodeSelector = nodeSelector == null ? Map.of() : Map.copyOf(nodeSelector);
    tolerations = tolerations == null ? List.of() : List.copyOf(tolerations);
    topologySpreadConstraints = topologySpreadConstraints == null ? List.of() : List.copyOf(topologySpreadConstraints);
    initContainers = initContainers == null ? List.of() : List.copyOf(initContainers);
    containers = containers == null ? List.of() : List.copyOf(containers);
    overhead = overhead == null ? Map.of() : Map.copyOf(overhead);
    schedulingGates = schedulingGates == null ? List.of() : List.copyOf(schedulingGates);
  }

  public static final PodSpec EMPTY = new PodSpec(null, null, null, null, null, null, null, null, null, null, null, null);

  public PodSpec withNodeName(String node) {
    return new PodSpec(node, nodeSelector, affinity, tolerations, topologySpreadConstraints, initContainers, containers, overhead, priority, priorityClassName, schedulerName, schedulingGates);
  }

  public PodSpec withTopologySpreadConstraints(List<TopologySpreadConstraint> constraints) {
    return new PodSpec(nodeName, nodeSelector, affinity, tolerations, constraints, initContainers, containers, overhead, priority, priorityClassName, schedulerName, schedulingGates);
  }

  public PodSpec withTolerations(List<Toleration> newTolerations) {
    return new PodSpec(nodeName, nodeSelector, affinity, newTolerations, topologySpreadConstraints, initContainers, containers, overhead, priority, priorityClassName, schedulerName, schedulingGates);
  }

  public int priorityValue() {
    return priority == null ? 0 : priority;
  }
}
