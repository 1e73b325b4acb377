package io.kubesim.scheduler.plugins.noderesources;

/**
 * Upstream {@code InsufficientResource}: what the pod lacks on a node.
 *
 * @param unresolvable the request exceeds the node's whole allocatable, so no preemption can help
 */
public record InsufficientResource(String resourceName, String reason, long requested, long used, long capacity, boolean unresolvable) {}
