package io.kubesim.controllers.disruption;

import java.util.Map;

/**
 * The PDB status fields the eviction subresource reads and the disruption controller writes.
 *
 * @param disruptedPods pod name → time (ms) the eviction subresource approved its eviction; such
 *     pods stop counting as healthy until they are deleted or the entry is 2 minutes old
 * @param observed {@code status.observedGeneration} is current: false for a PDB whose spec
 *     changed (or that was created) since the controller last synced it; evictions then get 429
 */
public record PdbStatus(int expectedPods, int desiredHealthy, int currentHealthy, int disruptionsAllowed, Map<String, Long> disruptedPods,
    boolean observed) {

  /** A PDB the controller has not synced yet. */
  public static final PdbStatus UNSYNCED = new PdbStatus(0, 0, 0, 0, Map.of(), false);

  public PdbStatus {
    disruptedPods = disruptedPods == null ? Map.of() : Map.copyOf(disruptedPods);
  }
}
