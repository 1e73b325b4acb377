package io.kubesim.api;

import java.util.Map;

/** A container's {@code resources}: resource name to quantity. */
public record ResourceRequirements(Map<String, Quantity> requests, Map<String, Quantity> limits) {
  public static final ResourceRequirements NONE = new ResourceRequirements(Map.of(), Map.of());

  public ResourceRequirements {
    requests = requests == null ? Map.of() : Map.copyOf(requests);
    limits = limits == null ? Map.of() : Map.copyOf(limits);
  }
}
