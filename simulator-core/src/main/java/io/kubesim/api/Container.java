package io.kubesim.api;

import java.util.List;

/**
 * A container or init container.
 *
 * @param restartPolicy null, or {@code Always} for a sidecar init container
 */
public record Container(String name, String image, ResourceRequirements resources, List<ContainerPort> ports, String restartPolicy) {
  public Container {
    resources = resources == null ? ResourceRequirements.NONE : resources;
    ports = ports == null ? List.of() : List.copyOf(ports);
  }

  public Container(String name, ResourceRequirements resources) {
    this(name, null, resources, List.of(), null);
  }

  public boolean isSidecar() {
    return "Always".equals(restartPolicy);
  }
}
