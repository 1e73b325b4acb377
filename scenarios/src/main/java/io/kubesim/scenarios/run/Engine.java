package io.kubesim.scenarios.run;

import io.kubesim.sim.Operations;
import io.kubesim.sim.Simulation;

/**
 * What makes a {@link Simulation} a cluster: the controllers, and the {@link Operations} the
 * timeline calls. {@link ScenarioRunner} builds the simulation (cluster, scheduler, kubelet
 * admission, metrics) and then asks the engine to attach to it, before anything is created.
 *
 * <p>{@link Engines#DEFAULT} ({@code ClusterOperations::new}, the controllers of simulator-core)
 * is what the CLI uses; tests may wrap it.
 */
@FunctionalInterface
public interface Engine {
  /** Adds the controllers to a new simulation; returns the operations the timeline uses. */
  Operations attach(Simulation sim);
}
