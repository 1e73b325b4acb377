package io.kubesim.scheduler.framework;

import java.util.List;

/** Ranks filtered nodes; scores end within [0, {@link #MAX_NODE_SCORE}] after normalisation. */
public interface ScorePlugin extends Plugin {
  long MAX_NODE_SCORE = 100;

  long score(CycleState state, PodInfo pod, NodeInfo node);

  /**
   * Upstream's ScoreExtensions.NormalizeScore: rewrite {@code scores} (aligned with {@code nodes})
   * in place. The default leaves them as they are.
   */
  default void normalizeScore(CycleState state, PodInfo pod, List<NodeInfo> nodes, long[] scores) {}
}
