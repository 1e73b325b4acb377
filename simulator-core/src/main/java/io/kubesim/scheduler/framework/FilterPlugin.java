package io.kubesim.scheduler.framework;

/** Decides whether the pod fits on one node. */
public interface FilterPlugin extends Plugin {
  Status filter(CycleState state, PodInfo pod, NodeInfo node);

  /**
   * {@link #filter} of each of the first {@code count} nodes whose status is still null (the others
   * an earlier plugin rejected, and are not filtered), storing a non-success status, with this
   * plugin's name, in the node's slot. Plugins may override it with the same loop: the call to
   * {@code filter} is then bound to one class and can be inlined, where the framework's own loop
   * calls every plugin through one interface call site.
   */
  default void filterAll(CycleState state, PodInfo pod, NodeInfo[] nodes, Status[] statuses, int count) {
    for (int i = 0; i < count; i++) {
      if (statuses[i] == null) {
        Status s = filter(state, pod, nodes[i]);
        if (!s.isSuccess()) statuses[i] = s.withPlugin(name());
      }
    }
  }
}
