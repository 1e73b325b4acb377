package io.kubesim.scheduler.framework;

import java.util.List;

/** Ranks filtered nodes; scores end within [0, {@link #MAX_NODE_SCORE}] after normalisation. */
public interface ScorePlugin extends Plugin {
  long MAX_NODE_SCORE = 100;

  long score(CycleState state, PodInfo pod, NodeInfo node);

  /**
   * {@link #score} of every node, into {@code scores} (aligned with {@code nodes}). Plugins may
   * override it with the same loop: the call to {@code score} is then bound to one class and can be
   * inlined, where the framework's own loop calls every plugin through one interface call site.
   */
  default void scoreAll(CycleState state, PodInfo pod, List<NodeInfo> nodes, long[] scores) {
    for (int i = 0; i < scores.length; i++) scores[i] = score(state, pod, nodes.get(i));
  }

  /**
   * Upstream's ScoreExtensions.NormalizeScore: rewrite {@code scores} (aligned with {@code nodes})
   * in place. The default leaves them as they are.
   */
  default void normalizeScore(CycleState state, PodInfo pod, List<NodeInfo> nodes, long[] scores) {}
}
