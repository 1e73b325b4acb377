package io.kubesim.kubelet;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A pod as the kubelet's CPU admission sees it.
 *
 * @param uid the pod's uid (admission state is keyed by it)
 * @param guaranteed the pod's QoS class is Guaranteed (computed by the caller from the API pod;
 *     {@link #qosGuaranteed} gives the usual rule)
 * @param containers init containers (in spec order) and app containers, in any interleaving;
 *     admission handles init containers first
 */
public record PodResources(String uid, boolean guaranteed, List<ContainerResources> containers) {

  public PodResources {
    Objects.requireNonNull(uid, "uid");
    containers = List.copyOf(containers);
    Set<String> names = new HashSet<>();
    for (ContainerResources c : containers) {
      if (!names.add(c.name())) throw new IllegalArgumentException("container " + c.name() + " listed twice in pod " + uid);
    }
  }

  /** A pod whose QoS is derived by {@link #qosGuaranteed}. */
  public static PodResources of(String uid, List<ContainerResources> containers) {
    return new PodResources(uid, qosGuaranteed(containers), containers);
  }

  /**
   * Guaranteed QoS: every container (init ones included) sets CPU and memory requests equal to
   * non-zero limits.
   */
  public static boolean qosGuaranteed(List<ContainerResources> containers) {
    return !containers.isEmpty() && containers.stream().allMatch(ContainerResources::guaranteedResources);
  }

  /** Init containers first, then app containers, each in spec order (the kubelet's admission order). */
  public List<ContainerResources> admissionOrder() {
    List<ContainerResources> out = new ArrayList<>();
    for (ContainerResources c : containers) if (c.init()) out.add(c);
    for (ContainerResources c : containers) if (!c.init()) out.add(c);
    return out;
  }

  public ContainerResources container(String name) {
    for (ContainerResources c : containers) if (c.name().equals(name)) return c;
    throw new IllegalArgumentException("pod " + uid + " has no container " + name);
  }
}
