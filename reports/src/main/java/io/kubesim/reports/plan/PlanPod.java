package io.kubesim.reports.plan;

import io.kubesim.api.Pod;

/**
 * A pod the plan places.
 *
 * @param workload {@code Kind/namespace/name} of its workload, or "" for a bare pod
 * @param fixed already bound in the scenario: it stays where it is
 * @param extra one of the replicas a headroom question adds
 */
public record PlanPod(Pod pod, String workload, boolean fixed, boolean extra) {}
