package io.kubesim.kubelet.cm.topologymanager;

/**
 * The values of {@code topologyManagerScope}: merge hints and decide per container, or once for
 * the whole pod.
 */
public enum TopologyManagerScope {
  CONTAINER("container"),
  POD("pod");

  private final String value;

  TopologyManagerScope(String value) {
    this.value = value;
  }

  public String value() {
    return value;
  }

  /** @throws IllegalArgumentException {@code unknown scope: "x"} */
  public static TopologyManagerScope parse(String value) {
    for (TopologyManagerScope s : values()) if (s.value.equals(value)) return s;
    throw new IllegalArgumentException("unknown scope: \"" + value + "\"");
  }

  @Override
  public String toString() {
    return value;
  }
}
