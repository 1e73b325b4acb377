package io.kubesim.scenarios.run;

import io.kubesim.sim.Operations;
import io.kubesim.sim.Simulation;

/**
 * What makes a {@link Simulation} a cluster: the controllers, and the {@link Operations} the
 * timeline calls. {@link ScenarioRunner} builds the simulation (cluster, scheduler, kubelet
 * admission, metrics) and then asks the engine to attach to it, before anything is created.
 *
 * <p>{@link Engines#DEFAULT} is what the CLI uses; the controllers of simulator-core plug in
 * there as {@code sim -> new TheirOperations(sim)} (any {@code Function<Simulation, Operations>}).
 */
@FunctionalInterface
public interface Engine {
  /** Adds the controllers to a new simulation; returns the operations the timeline uses. */
  Operations attach(Simulation sim);
}
