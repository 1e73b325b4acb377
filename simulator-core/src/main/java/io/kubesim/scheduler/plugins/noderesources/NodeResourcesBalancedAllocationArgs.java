package io.kubesim.scheduler.plugins.noderesources;

import io.kubesim.scheduler.plugins.helper.FieldErrors;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Upstream {@code NodeResourcesBalancedAllocationArgs} (internal form; decoders apply
 * {@link #withV1Defaults()}).
 *
 * @param resources the resources whose fractions are balanced; every weight must be 1
 */
public record NodeResourcesBalancedAllocationArgs(List<ResourceSpec> resources) {

  public NodeResourcesBalancedAllocationArgs {
    resources = resources == null ? List.of() : List.copyOf(resources);
  }

  /** cpu and memory. */
  public static final NodeResourcesBalancedAllocationArgs DEFAULTS = new NodeResourcesBalancedAllocationArgs(ResourceSpec.DEFAULT_RESOURCES);

  /** Upstream v1 defaulting: no resources → cpu and memory; weight 0 → 1. */
  public NodeResourcesBalancedAllocationArgs withV1Defaults() {
    return new NodeResourcesBalancedAllocationArgs(ResourceSpec.withV1Defaults(resources));
  }

  /** Upstream {@code ValidateNodeResourcesBalancedAllocationArgs}; throws {@link IllegalArgumentException}. */
  public void validate() {
    List<String> errs = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < resources.size(); i++) {
      ResourceSpec r = resources.get(i);
      if (!seen.add(r.name())) errs.add(FieldErrors.duplicate("resources[" + i + "].name", r.name()));
      if (r.weight() != 1) errs.add(FieldErrors.invalid("resources[" + i + "].weight", r.weight(), "must be 1"));
    }
    FieldErrors.throwIfAny(errs);
  }
}
