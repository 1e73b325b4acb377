package io.kubesim.api;

import java.util.Map;

/** @param allocatable resource name to quantity; what the scheduler fits pods into */
public record NodeStatus(Map<String, Quantity> capacity, Map<String, Quantity> allocatable) {
  public NodeStatus {
    capacity = capacity == null ? Map.of() : Map.copyOf(capacity);
    allocatable = allocatable == null ? Map.of() : Map.copyOf(allocatable);
  }

  public static final NodeStatus EMPTY = new NodeStatus(Map.of(), Map.of());
}
