package io.kubesim.kubelet.cm.topologymanager;

/**
 * A hint provider's statement that a resource could be allocated on {@code numaNodeAffinity}, as
 * upstream's {@code TopologyHint}. A {@code null} affinity means "any NUMA node"; {@code preferred}
 * marks the allocations the provider considers aligned (usually the narrowest possible).
 */
public record TopologyHint(NumaMask numaNodeAffinity, boolean preferred) {

  /** The hint of a provider without preference: any node, preferred. */
  public static final TopologyHint ANY_PREFERRED = new TopologyHint(null, true);

  /** The hint standing for "cannot be satisfied": any node, not preferred. */
  public static final TopologyHint ANY_NOT_PREFERRED = new TopologyHint(null, false);

  @Override
  public String toString() {
    return "{affinity: " + (numaNodeAffinity == null ? "null" : "\"" + numaNodeAffinity + "\"")
        + ", preferred: " + preferred + "}";
  }
}
