package io.kubesim.sim;

import io.kubesim.api.Pod;
import io.kubesim.scheduler.SchedulingDecision;

/** Observes a simulation; metrics and logs implement it. All methods run on the simulation's thread. */
public interface SimulationListener {
  default void onDecision(long now, SchedulingDecision decision) {}

  /** A pod was created ({@code before} null), changed, or removed ({@code after} null). */
  default void onPodChange(long now, Pod before, Pod after) {}

  /** A labelled timeline event (e.g. "drain zone-a") is about to run. */
  default void onTimelineEvent(long now, String label) {}

  /** Controllers and the scheduler have settled at {@code now}. */
  default void afterSettle(long now) {}
}
