package io.kubesim.api;

/** A node taint; {@code value} is "" when absent. */
public record Taint(String key, String value, TaintEffect effect, String timeAdded) {
  public Taint {
    value = value == null ? "" : value;
  }

  public Taint(String key, String value, TaintEffect effect) {
    this(key, value, effect, null);
  }

  /** The taint the node lifecycle controller adds to cordoned nodes. */
  public static final Taint UNSCHEDULABLE = new Taint("node.kubernetes.io/unschedulable", "", TaintEffect.NoSchedule);

  @Override
  public String toString() {
    return key + (value.isEmpty() ? "" : "=" + value) + ":" + effect;
  }
}
