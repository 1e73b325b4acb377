package io.kubesim.scheduler.plugins.nodeports;

import io.kubesim.scheduler.framework.ClusterEvent;
import io.kubesim.scheduler.framework.EnqueueExtensions;
import io.kubesim.scheduler.framework.QueueingHint;
import io.kubesim.api.Container;
import io.kubesim.api.ContainerPort;
import io.kubesim.api.Pod;
import io.kubesim.scheduler.framework.CycleState;
import io.kubesim.scheduler.framework.FilterPlugin;
import io.kubesim.scheduler.framework.NodeInfo;
import io.kubesim.scheduler.framework.PluginFactory;
import io.kubesim.scheduler.framework.PodInfo;
import io.kubesim.scheduler.framework.PreFilterPlugin;
import io.kubesim.scheduler.framework.PreFilterResult;
import io.kubesim.scheduler.framework.Snapshot;
import io.kubesim.scheduler.framework.StateKey;
import io.kubesim.scheduler.framework.Status;
import io.kubesim.scheduler.plugins.helper.PluginArgs;
import java.util.ArrayList;
import java.util.List;

/**
 * Rejects a node where one of the pod's host ports is already taken. Ports are compared as
 * (hostIP, protocol, hostPort); a port bound on {@code 0.0.0.0} conflicts with the same
 * protocol/port on every address, and a specific address conflicts with itself and {@code 0.0.0.0}.
 * Every pod on the node counts, terminating ones included.
 */
public final class NodePorts implements PreFilterPlugin, FilterPlugin, EnqueueExtensions {
  public static final String NAME = "NodePorts";

  /** Builds the plugin from registry args (none). */
  public static final PluginFactory FACTORY = (args, features) -> {
    PluginArgs.none(args, NAME);
    return new NodePorts();
  };

  /** Upstream {@code ErrReason}. */
  public static final String ERR_REASON = "node(s) didn't have free ports for the requested pod ports";

  private static final String BIND_ALL = "0.0.0.0";

  private record PreFilterState(List<ContainerPort> wantPorts) {}

  private static final StateKey<PreFilterState> PRE_FILTER_KEY = StateKey.of("PreFilter" + NAME, PreFilterState.class);

  @Override
  public String name() {
    return NAME;
  }

  /** Skip for a pod without host ports. */
  @Override
  public PreFilterResult preFilter(CycleState state, PodInfo pod, Snapshot snapshot) {
    List<ContainerPort> ports = hostPorts(pod.pod());
    if (ports.isEmpty()) return PreFilterResult.of(Status.skip());
    state.write(PRE_FILTER_KEY, new PreFilterState(ports));
    return PreFilterResult.of(Status.success());
  }

  /** The default loop, repeated here so that its call to {@link #filter} is bound to this class. */
  @Override
  public void filterAll(CycleState state, PodInfo pod, NodeInfo[] nodes, Status[] statuses, int count) {
    for (int i = 0; i < count; i++) {
      if (statuses[i] == null) {
        Status s = filter(state, pod, nodes[i]);
        if (!s.isSuccess()) statuses[i] = s.withPlugin(NAME);
      }
    }
  }

  /** Unschedulable: evicting the pods holding the ports would free them. */
  @Override
  public Status filter(CycleState state, PodInfo pod, NodeInfo node) {
    List<ContainerPort> want = state.read(PRE_FILTER_KEY).wantPorts();
    return fitsPorts(want, node) ? Status.success() : Status.unschedulable(ERR_REASON);
  }

  /** Whether none of {@code wantPorts} conflicts with a host port used on the node. */
  public static boolean fitsPorts(List<ContainerPort> wantPorts, NodeInfo node) {
    List<ContainerPort> used = new ArrayList<>();
    for (PodInfo p : node.pods()) used.addAll(hostPorts(p.pod()));
    for (ContainerPort want : wantPorts) {
      for (ContainerPort u : used) {
        if (conflicts(want, u)) return false;
      }
    }
    return true;
  }

  /** Upstream {@code HostPortInfo.CheckConflict} for one used port. */
  static boolean conflicts(ContainerPort want, ContainerPort used) {
    if (want.hostPort() <= 0) return false;
    if (want.hostPort() != used.hostPort() || !want.protocol().equals(used.protocol())) return false;
    if (want.hostIP().equals(BIND_ALL)) return true;
    return used.hostIP().equals(BIND_ALL) || used.hostIP().equals(want.hostIP());
  }

  /**
   * Upstream {@code schedutil.GetHostPorts}: ports with a host port, of the app containers and of
   * the sidecars (init containers with {@code restartPolicy: Always}), which run as long as the pod.
   */
  public static List<ContainerPort> hostPorts(Pod pod) {
    List<ContainerPort> out = new ArrayList<>();
    for (Container c : pod.spec().initContainers()) {
      if (!c.isSidecar()) continue;
      for (ContainerPort p : c.ports()) {
        if (p.hostPort() > 0) out.add(p);
      }
    }
    for (Container c : pod.spec().containers()) {
      for (ContainerPort p : c.ports()) {
        if (p.hostPort() > 0) out.add(p);
      }
    }
    return out;
  }

  /** Queue when an assigned pod is deleted (it may free a host port) or a node is added. */
  @Override
  public QueueingHint isSchedulableAfter(ClusterEvent event, io.kubesim.api.Pod pod, io.kubesim.scheduler.framework.Snapshot snapshot) {
    return event.type() == ClusterEvent.Type.ASSIGNED_POD_DELETE || event.type() == ClusterEvent.Type.NODE_ADD
        ? QueueingHint.QUEUE : QueueingHint.SKIP;
  }
}
