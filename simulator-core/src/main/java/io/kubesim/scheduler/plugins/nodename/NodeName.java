package io.kubesim.scheduler.plugins.nodename;

import io.kubesim.scheduler.framework.ClusterEvent;
import io.kubesim.scheduler.framework.EnqueueExtensions;
import io.kubesim.scheduler.framework.QueueingHint;
import io.kubesim.scheduler.framework.CycleState;
import io.kubesim.scheduler.framework.FilterPlugin;
import io.kubesim.scheduler.framework.NodeInfo;
import io.kubesim.scheduler.framework.PluginFactory;
import io.kubesim.scheduler.framework.PodInfo;
import io.kubesim.scheduler.framework.Status;
import io.kubesim.scheduler.plugins.helper.PluginArgs;

/**
 * Rejects every node but the one named in the pod's {@code spec.nodeName} (a pod without one
 * fits everywhere). Filter only, as in v1.35.
 */
public final class NodeName implements FilterPlugin, EnqueueExtensions {
  public static final String NAME = "NodeName";

  /** Builds the plugin from registry args (none). */
  public static final PluginFactory FACTORY = (args, features) -> {
    PluginArgs.none(args, NAME);
    return new NodeName();
  };

  /** Upstream {@code ErrReason}. */
  public static final String ERR_REASON = "node(s) didn't match the requested node name";

  @Override
  public String name() {
    return NAME;
  }

  /** The default loop, skipped for a pod that names no node (every node fits it). */
  @Override
  public void filterAll(CycleState state, PodInfo pod, NodeInfo[] nodes, Status[] statuses, int count) {
    if (pod.pod().spec().nodeName().isEmpty()) return;
    for (int i = 0; i < count; i++) {
      if (statuses[i] == null) {
        Status s = filter(state, pod, nodes[i]);
        if (!s.isSuccess()) statuses[i] = s.withPlugin(NAME);
      }
    }
  }

  @Override
  public Status filter(CycleState state, PodInfo pod, NodeInfo node) {
    return fits(pod, node) ? Status.success() : Status.unresolvable(ERR_REASON);
  }

  /** Upstream {@code Fits}. */
  public static boolean fits(PodInfo pod, NodeInfo node) {
    String wanted = pod.pod().spec().nodeName();
    return wanted.isEmpty() || wanted.equals(node.name());
  }

  /** Queue when the node the pod names is added. */
  @Override
  public QueueingHint isSchedulableAfter(ClusterEvent event, io.kubesim.api.Pod pod, io.kubesim.scheduler.framework.Snapshot snapshot) {
    return event.type() == ClusterEvent.Type.NODE_ADD && event.newNode().name().equals(pod.spec().nodeName())
        ? QueueingHint.QUEUE : QueueingHint.SKIP;
  }
}
