package io.kubesim.scheduler.framework;

import java.util.List;

/**
 * Runs once per cycle over the filtered nodes; Skip means this plugin's Score is not run. A plugin
 * that needs the whole cluster (not only the filtered nodes) reads {@link CycleState#snapshot()}.
 */
public interface PreScorePlugin extends Plugin {
  Status preScore(CycleState state, PodInfo pod, List<NodeInfo> filteredNodes);
}
