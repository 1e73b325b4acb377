package io.kubesim.testing;

import io.kubesim.api.Node;
import io.kubesim.api.NodeSpec;
import io.kubesim.api.NodeStatus;
import io.kubesim.api.ObjectMeta;
import io.kubesim.api.Quantity;
import io.kubesim.api.ResourceNames;
import io.kubesim.api.Taint;
import io.kubesim.api.TaintEffect;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Nodes, after upstream's {@code st.MakeNode()}:
 * {@code Nodes.node("node-a").zone("zone-1").allocatable(Map.of("cpu", "4")).taint("k", "v", NoSchedule).build()}.
 */
public final class Nodes {
  private Nodes() {}

  /** A schedulable node named {@code name}, without labels, taints or resources. */
  public static Builder node(String name) {
    return new Builder(name);
  }

  /** A node under construction. */
  public static final class Builder {
    private final String name;
    private final Map<String, String> labels = new LinkedHashMap<>();
    private boolean unschedulable;
    private final List<Taint> taints = new ArrayList<>();
    private Map<String, Quantity> capacity = Map.of();
    private Map<String, Quantity> allocatable = Map.of();

    private Builder(String name) {
      this.name = name;
    }

    public Builder label(String key, String value) {
      labels.put(key, value);
      return this;
    }

    public Builder labels(Map<String, String> labels) {
      this.labels.putAll(labels);
      return this;
    }

    /** The well-known zone label {@code topology.kubernetes.io/zone}. */
    public Builder zone(String zone) {
      return label(ResourceNames.LABEL_ZONE, zone);
    }

    /** {@code spec.unschedulable: true} (a cordoned node). */
    public Builder unschedulable() {
      unschedulable = true;
      return this;
    }

    /** Adds a taint to {@code spec.taints}. */
    public Builder taint(String key, String value, TaintEffect effect) {
      taints.add(new Taint(key, value, effect));
      return this;
    }

    /** Sets {@code status.capacity} and {@code status.allocatable} alike (upstream {@code Capacity}). */
    public Builder capacity(Map<String, String> resources) {
      capacity = ResourceLists.of(resources);
      allocatable = capacity;
      return this;
    }

    /** Sets {@code status.allocatable}, what the scheduler fits pods into. */
    public Builder allocatable(Map<String, String> resources) {
      allocatable = ResourceLists.of(resources);
      return this;
    }

    public Node build() {
      return new Node(ObjectMeta.named(name).withLabels(labels), new NodeSpec(unschedulable, taints),
          new NodeStatus(capacity, allocatable));
    }
  }
}
