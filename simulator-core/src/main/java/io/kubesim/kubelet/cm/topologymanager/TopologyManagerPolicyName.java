package io.kubesim.kubelet.cm.topologymanager;

import java.util.Arrays;
import java.util.List;

/** The values of {@code topologyManagerPolicy}. */
public enum TopologyManagerPolicyName {
  NONE("none"),
  BEST_EFFORT("best-effort"),
  RESTRICTED("restricted"),
  SINGLE_NUMA_NODE("single-numa-node");

  private final String value;

  TopologyManagerPolicyName(String value) {
    this.value = value;
  }

  public String value() {
    return value;
  }

  public static List<String> names() {
    return Arrays.stream(values()).map(TopologyManagerPolicyName::value).toList();
  }

  /** @throws IllegalArgumentException {@code unknown policy: "x"} */
  public static TopologyManagerPolicyName parse(String value) {
    for (TopologyManagerPolicyName n : values()) if (n.value.equals(value)) return n;
    throw new IllegalArgumentException("unknown policy: \"" + value + "\"");
  }

  @Override
  public String toString() {
    return value;
  }
}
