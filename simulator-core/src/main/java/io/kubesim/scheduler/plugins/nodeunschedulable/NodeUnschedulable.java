package io.kubesim.scheduler.plugins.nodeunschedulable;

import io.kubesim.scheduler.framework.ClusterEvent;
import io.kubesim.scheduler.framework.EnqueueExtensions;
import io.kubesim.scheduler.framework.QueueingHint;
import io.kubesim.api.Taint;
import io.kubesim.api.Toleration;
import io.kubesim.scheduler.framework.CycleState;
import io.kubesim.scheduler.framework.FilterPlugin;
import io.kubesim.scheduler.framework.NodeInfo;
import io.kubesim.scheduler.framework.PluginFactory;
import io.kubesim.scheduler.framework.PodInfo;
import io.kubesim.scheduler.framework.Status;
import io.kubesim.scheduler.plugins.helper.PluginArgs;

/**
 * Filters out nodes with {@code spec.unschedulable: true} (cordoned) unless the pod tolerates the
 * taint {@code node.kubernetes.io/unschedulable:NoSchedule}. It reads the field, not the taint: the
 * taint itself is TaintToleration's business.
 */
public final class NodeUnschedulable implements FilterPlugin, EnqueueExtensions {
  public static final String NAME = "NodeUnschedulable";

  /** Builds the plugin from registry args (none). */
  public static final PluginFactory FACTORY = (args, features) -> {
    PluginArgs.none(args, NAME);
    return new NodeUnschedulable();
  };

  /** Upstream {@code ErrReasonUnschedulable}. */
  public static final String ERR_REASON_UNSCHEDULABLE = "node(s) were unschedulable";

  @Override
  public String name() {
    return NAME;
  }

  /** Works out once whether the pod tolerates the unschedulable taint; then one field per node. */
  @Override
  public void filterAll(CycleState state, PodInfo pod, NodeInfo[] nodes, Status[] statuses, int count) {
    if (toleratesUnschedulable(pod)) return;
    for (int i = 0; i < count; i++) {
      if (statuses[i] == null && nodes[i].unschedulable()) statuses[i] = Status.unresolvable(ERR_REASON_UNSCHEDULABLE).withPlugin(NAME);
    }
  }

  /** UnschedulableAndUnresolvable: preemption cannot uncordon a node. */
  @Override
  public Status filter(CycleState state, PodInfo pod, NodeInfo node) {
    if (!node.unschedulable() || toleratesUnschedulable(pod)) return Status.success();
    return Status.unresolvable(ERR_REASON_UNSCHEDULABLE);
  }

  private static boolean toleratesUnschedulable(PodInfo pod) {
    for (Toleration t : pod.pod().spec().tolerations()) {
      // The unschedulable taint has an empty value, so Lt/Gt tolerations never match it.
      if (t.tolerates(Taint.UNSCHEDULABLE)) return true;
    }
    return false;
  }

  /** Queue when a schedulable node is added or a node is uncordoned. */
  @Override
  public QueueingHint isSchedulableAfter(ClusterEvent event, io.kubesim.api.Pod pod, io.kubesim.scheduler.framework.Snapshot snapshot) {
    return switch (event.type()) {
      case NODE_ADD -> event.newNode().spec().unschedulable() ? QueueingHint.SKIP : QueueingHint.QUEUE;
      case NODE_UPDATE -> event.oldNode().spec().unschedulable() && !event.newNode().spec().unschedulable()
          ? QueueingHint.QUEUE : QueueingHint.SKIP;
      default -> QueueingHint.SKIP;
    };
  }
}
