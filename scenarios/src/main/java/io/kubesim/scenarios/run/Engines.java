package io.kubesim.scenarios.run;

import io.kubesim.sim.ClusterOperations;

/** The engine the CLI runs scenarios with. */
public final class Engines {
  private Engines() {}

  /**
   * The controllers of simulator-core ({@link ClusterOperations}): Deployments, ReplicaSets and
   * StatefulSets, PDB-aware drains, node failure with taint eviction, reboots.
   */
  public static final Engine DEFAULT = ClusterOperations::new;
}
