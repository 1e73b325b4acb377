package io.kubesim.scheduler.framework;

/** Upstream's AddPod/RemovePod: update PreFilter state as if {@code other} were added to/removed from {@code node}. */
public interface PreFilterExtensions {
  Status addPod(CycleState state, PodInfo podToSchedule, PodInfo other, NodeInfo node);

  Status removePod(CycleState state, PodInfo podToSchedule, PodInfo other, NodeInfo node);
}
