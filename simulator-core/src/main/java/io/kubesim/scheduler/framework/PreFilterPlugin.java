package io.kubesim.scheduler.framework;

/** Runs once per cycle before Filter; may reject the pod outright or return Skip. */
public interface PreFilterPlugin extends Plugin {
  PreFilterResult preFilter(CycleState state, PodInfo pod, Snapshot snapshot);

  /** The preemption what-if hooks, or null when the plugin keeps no state they must update. */
  default PreFilterExtensions preFilterExtensions() {
    return null;
  }
}
