package io.kubesim.scheduler.framework;

/** Decides whether the pod fits on one node. */
public interface FilterPlugin extends Plugin {
  Status filter(CycleState state, PodInfo pod, NodeInfo node);
}
