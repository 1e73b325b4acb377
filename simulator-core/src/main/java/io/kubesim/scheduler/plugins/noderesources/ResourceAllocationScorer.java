package io.kubesim.scheduler.plugins.noderesources;

import io.kubesim.scheduler.framework.NodeInfo;
import io.kubesim.scheduler.framework.PodInfo;
import io.kubesim.scheduler.framework.Resource;
import java.util.Arrays;
import java.util.List;

/**
 * Upstream {@code resourceAllocationScorer}: per configured resource, the node's allocatable and
 * what would be requested with the pod on it, handed to a strategy function.
 *
 * <p>With {@code useRequested} false (NodeResourcesFit), cpu and memory use the "non-zero"
 * requests (100m / 200Mi for containers that state none); BalancedAllocation uses actual requests.
 * Ephemeral storage and scalar resources always use actual requests. An extended resource the pod
 * does not request, and a resource the node has no allocatable of, are left out of the score.
 */
final class ResourceAllocationScorer {

  /**
   * A strategy: resource-aligned requested and allocatable to a 0..100 score. A resource whose
   * allocatable is 0 is left out, whatever its requested.
   */
  interface Strategy {
    long score(long[] requested, long[] allocatable);

    /** {@link #score(long[], long[])} for the resources cpu and memory, in this order, without arrays. */
    long scoreCpuAndMemory(long requestedCpu, long allocatableCpu, long requestedMemory, long allocatableMemory);
  }

  private final List<ResourceSpec> resources;
  private final boolean useRequested;
  private final Strategy strategy;
  private final Kind[] kinds;
  /** The resources are cpu and memory, in this order (both plugins' default): {@link #scoreCpuAndMemory} applies. */
  private final boolean cpuAndMemory;

  ResourceAllocationScorer(List<ResourceSpec> resources, boolean useRequested, Strategy strategy) {
    if (resources.isEmpty()) throw new IllegalArgumentException("resources not found");
    this.resources = List.copyOf(resources);
    this.useRequested = useRequested;
    this.strategy = strategy;
    this.kinds = new Kind[this.resources.size()];
    for (int i = 0; i < kinds.length; i++) kinds[i] = kind(this.resources.get(i).name());
    this.cpuAndMemory = kinds.length == 2 && kinds[0] == Kind.CPU && kinds[1] == Kind.MEMORY;
  }

  List<ResourceSpec> resources() {
    return resources;
  }

  /** The pod's request of each configured resource, aligned with {@link #resources()}. */
  long[] podRequests(PodInfo pod) {
    Resource r = useRequested ? pod.requests() : pod.nonZeroRequests();
    long[] out = new long[resources.size()];
    for (int i = 0; i < out.length; i++) out[i] = amount(r, resources.get(i).name());
    return out;
  }

  /** True when the pod requests none of the configured resources. */
  static boolean isBestEffort(long[] podRequests) {
    for (long r : podRequests) {
      if (r != 0) return false;
    }
    return true;
  }

  long score(NodeInfo node, long[] podRequests) {
    if (cpuAndMemory) return scoreCpuAndMemory(node, podRequests[0], podRequests[1]);
    return score(node, podRequests, new long[kinds.length], new long[kinds.length]);
  }

  /**
   * {@link #score(NodeInfo, long[])} of each node into {@code scores}: cpu and memory read straight
   * from the node when they are the scored resources, else the generic path with this call's arrays.
   */
  void scoreAll(List<NodeInfo> nodes, long[] podRequests, long[] scores) {
    if (cpuAndMemory) {
      long podCpu = podRequests[0];
      long podMemory = podRequests[1];
      for (int i = 0; i < scores.length; i++) scores[i] = scoreCpuAndMemory(nodes.get(i), podCpu, podMemory);
      return;
    }
    long[] requested = new long[kinds.length];
    long[] allocatable = new long[kinds.length];
    for (int i = 0; i < scores.length; i++) scores[i] = score(nodes.get(i), podRequests, requested, allocatable);
  }

  /** The node's score when the resources are cpu and memory: two fields each, no arrays. */
  long scoreCpuAndMemory(NodeInfo node, long podCpu, long podMemory) {
    long requestedCpu = (useRequested ? node.requestedMilliCpu() : node.nonZeroRequestedMilliCpu()) + podCpu;
    long requestedMemory = (useRequested ? node.requestedMemory() : node.nonZeroRequestedMemory()) + podMemory;
    return strategy.scoreCpuAndMemory(requestedCpu, node.allocatableMilliCpu(), requestedMemory, node.allocatableMemory());
  }

  /**
   * The node's score for any configured resources (the two work arrays are overwritten). Also
   * right for cpu and memory, which makes it the reference of {@link #scoreCpuAndMemory}.
   */
  long score(NodeInfo node, long[] podRequests, long[] requested, long[] allocatable) {
    Arrays.fill(requested, 0);
    Arrays.fill(allocatable, 0);
    for (int i = 0; i < requested.length; i++) {
      long podRequest = podRequests[i];
      long a;
      long r;
      switch (kinds[i]) {
        case CPU -> {
          a = node.allocatableMilliCpu();
          r = (useRequested ? node.requestedMilliCpu() : node.nonZeroRequestedMilliCpu()) + podRequest;
        }
        case MEMORY -> {
          a = node.allocatableMemory();
          r = (useRequested ? node.requestedMemory() : node.nonZeroRequestedMemory()) + podRequest;
        }
        case EPHEMERAL_STORAGE -> {
          a = node.allocatableEphemeralStorage();
          r = node.requestedEphemeralStorage() + podRequest;
        }
        case SCALAR -> {
          Resource alloc = node.allocatable();
          String name = resources.get(i).name();
          // An extended resource the pod does not request is not scored.
          if (podRequest == 0 || !alloc.scalar().containsKey(name)) continue;
          a = alloc.scalar(name);
          r = node.requested().scalar(name) + podRequest;
        }
        default -> {
          continue; // neither a native nor a scalar resource: never scored
        }
      }
      if (a == 0) continue;
      allocatable[i] = a;
      requested[i] = r;
    }
    return strategy.score(requested, allocatable);
  }

  /** How {@link #score} reads each configured resource, decided once from its name. */
  private enum Kind { CPU, MEMORY, EPHEMERAL_STORAGE, SCALAR, OTHER }

  private static Kind kind(String name) {
    return switch (name) {
      case io.kubesim.api.ResourceNames.CPU -> Kind.CPU;
      case io.kubesim.api.ResourceNames.MEMORY -> Kind.MEMORY;
      case io.kubesim.api.ResourceNames.EPHEMERAL_STORAGE -> Kind.EPHEMERAL_STORAGE;
      default -> ResourceNames.isScalar(name) ? Kind.SCALAR : Kind.OTHER;
    };
  }

  /** A resource amount as the scorer counts it: cpu in millicores, scalar resources only when scalar. */
  static long amount(Resource r, String name) {
    return switch (name) {
      case io.kubesim.api.ResourceNames.CPU -> r.milliCpu();
      case io.kubesim.api.ResourceNames.MEMORY -> r.memory();
      case io.kubesim.api.ResourceNames.EPHEMERAL_STORAGE -> r.ephemeralStorage();
      default -> ResourceNames.isScalar(name) ? r.scalar(name) : 0;
    };
  }
}
