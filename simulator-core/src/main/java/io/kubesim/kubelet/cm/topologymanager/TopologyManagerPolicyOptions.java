package io.kubesim.kubelet.cm.topologymanager;

import io.kubesim.kubelet.cm.GoParse;
import java.util.Map;
import java.util.TreeMap;

/**
 * Parsed {@code topologyManagerPolicyOptions}, as upstream's {@code PolicyOptions}.
 *
 * @param preferClosestNuma {@code prefer-closest-numa-nodes}: among equally wide preferred masks
 *     pick the one with the smallest average NUMA distance
 * @param maxAllowableNumaNodes {@code max-allowable-numa-nodes}: the Topology Manager refuses to
 *     start on machines with more NUMA nodes; never changes merging
 */
public record TopologyManagerPolicyOptions(boolean preferClosestNuma, int maxAllowableNumaNodes) {

  public static final String PREFER_CLOSEST_NUMA_NODES = "prefer-closest-numa-nodes";
  public static final String MAX_ALLOWABLE_NUMA_NODES = "max-allowable-numa-nodes";
  public static final int DEFAULT_MAX_ALLOWABLE_NUMA_NODES = 8;

  public static final TopologyManagerPolicyOptions DEFAULT =
      new TopologyManagerPolicyOptions(false, DEFAULT_MAX_ALLOWABLE_NUMA_NODES);

  /**
   * Parses the option map with upstream's checks and messages; both options are GA, so no feature
   * gate is consulted. Options are checked in name order so the reported error is stable.
   *
   * @throws IllegalArgumentException with upstream's message
   */
  public static TopologyManagerPolicyOptions parse(Map<String, String> options) {
    boolean closest = false;
    int max = DEFAULT_MAX_ALLOWABLE_NUMA_NODES;
    for (Map.Entry<String, String> e : new TreeMap<>(options).entrySet()) {
      String name = e.getKey();
      String value = e.getValue();
      switch (name) {
        case PREFER_CLOSEST_NUMA_NODES -> closest = GoParse.parseBool(name, value);
        case MAX_ALLOWABLE_NUMA_NODES -> {
          int v = GoParse.atoi(name, value);
          if (v < DEFAULT_MAX_ALLOWABLE_NUMA_NODES) {
            throw new IllegalArgumentException("the minimum value of \"" + name + "\" should not be less than "
                + DEFAULT_MAX_ALLOWABLE_NUMA_NODES);
          }
          max = v;
        }
        default -> throw new IllegalArgumentException("unknown Topology Manager Policy option: \"" + name + "\"");
      }
    }
    return new TopologyManagerPolicyOptions(closest, max);
  }
}
