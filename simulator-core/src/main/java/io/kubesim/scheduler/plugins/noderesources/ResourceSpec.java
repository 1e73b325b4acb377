package io.kubesim.scheduler.plugins.noderesources;

import java.util.List;

/** Upstream {@code config.ResourceSpec}: a resource to score and its weight. */
public record ResourceSpec(String name, long weight) {

  /** cpu and memory, weight 1 each: both plugins' default. */
  public static final List<ResourceSpec> DEFAULT_RESOURCES = List.of(new ResourceSpec("cpu", 1), new ResourceSpec("memory", 1));

  /** v1 defaulting: an empty list becomes {@link #DEFAULT_RESOURCES}, weight 0 becomes 1. */
  static List<ResourceSpec> withV1Defaults(List<ResourceSpec> resources) {
    if (resources.isEmpty()) return DEFAULT_RESOURCES;
    return resources.stream().map(r -> r.weight() == 0 ? new ResourceSpec(r.name(), 1) : r).toList();
  }
}
