package io.kubesim.scheduler;

import io.kubesim.api.Pod;
import io.kubesim.scheduler.framework.Code;
import io.kubesim.scheduler.framework.Status;
import java.util.List;
import java.util.Map;

/**
 * What one scheduling cycle decided for a pod, and why.
 *
 * @param node the selected node, or null when the pod is unschedulable or the cycle failed
 * @param status Success, Unschedulable/UnschedulableAndUnresolvable (no node fits), or Error
 * @param message for a failure, upstream's text, e.g. {@code 0/6 nodes are available: 3 node(s)
 *     didn't match pod topology spread constraints, 3 node(s) had untolerated taint {k: v}.}
 * @param rejectorPlugins plugins that rejected the pod on some node (what the queue's hints consult)
 * @param examined nodes run through Filter ({@code percentageOfNodesToScore} may stop early)
 * @param feasible nodes that passed every Filter
 * @param nodeStatuses per rejected node, the first failing plugin's status; empty unless the
 *     scheduler records details
 * @param scores per feasible node (in scan order), total and per-plugin weighted scores; empty
 *     unless the scheduler records details or when only one node was feasible
 */
public record SchedulingDecision(
    Pod pod,
    String node,
    Status status,
    String message,
    List<String> rejectorPlugins,
    int examined,
    int feasible,
    Map<String, Status> nodeStatuses,
    List<NodeScore> scores) {

  /** A feasible node's total and per-plugin (weighted) scores. */
  public record NodeScore(String node, long total, Map<String, Long> byPlugin) {}

  public SchedulingDecision {
    rejectorPlugins = List.copyOf(rejectorPlugins);
    nodeStatuses = Map.copyOf(nodeStatuses);
    scores = List.copyOf(scores);
  }

  public boolean isScheduled() {
    return node != null;
  }

  public boolean isError() {
    return status.code() == Code.Error;
  }
}
