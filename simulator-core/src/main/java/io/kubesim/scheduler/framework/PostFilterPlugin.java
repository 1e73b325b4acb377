package io.kubesim.scheduler.framework;

import java.util.Map;

/**
 * Runs when no node passed filtering (upstream: preemption). Returns a status whose reasons are
 * appended to the pod's failure message; it does not change the cluster.
 */
public interface PostFilterPlugin extends Plugin {
  Status postFilter(CycleState state, PodInfo pod, Map<String, Status> nodeStatuses);
}
