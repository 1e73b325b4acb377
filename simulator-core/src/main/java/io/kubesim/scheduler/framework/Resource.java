package io.kubesim.scheduler.framework;

import io.kubesim.api.Quantity;
import io.kubesim.api.ResourceNames;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Amounts of resources as the scheduler adds them up (upstream {@code framework.Resource}): CPU in
 * millicores, memory and ephemeral storage in bytes, a pod count, and scalar (extended) resources.
 */
public record Resource(long milliCpu, long memory, long ephemeralStorage, long allowedPodNumber, Map<String, Long> scalar) {

  public static final Resource ZERO = new Resource(0, 0, 0, 0, Map.of());

  public Resource {
    scalar = Map.copyOf(scalar);
  }

  public static Resource of(Map<String, Quantity> list) {
    long cpu = 0, mem = 0, eph = 0, pods = 0;
    Map<String, Long> scalar = new HashMap<>();
    for (Map.Entry<String, Quantity> e : list.entrySet()) {
      switch (e.getKey()) {
        case ResourceNames.CPU -> cpu = e.getValue().milliValue();
        case ResourceNames.MEMORY -> mem = e.getValue().value();
        case ResourceNames.EPHEMERAL_STORAGE -> eph = e.getValue().value();
        case ResourceNames.PODS -> pods = e.getValue().value();
        default -> scalar.put(e.getKey(), e.getValue().value());
      }
    }
    return new Resource(cpu, mem, eph, pods, scalar);
  }

  public Resource plus(Resource o) {
    return new Resource(milliCpu + o.milliCpu, memory + o.memory, ephemeralStorage + o.ephemeralStorage,
        allowedPodNumber + o.allowedPodNumber, merge(scalar, o.scalar, 1));
  }

  public Resource minus(Resource o) {
    return new Resource(milliCpu - o.milliCpu, memory - o.memory, ephemeralStorage - o.ephemeralStorage,
        allowedPodNumber - o.allowedPodNumber, merge(scalar, o.scalar, -1));
  }

  /** Per-resource maximum. */
  public Resource max(Resource o) {
    Map<String, Long> s = new HashMap<>(scalar);
    o.scalar.forEach((k, v) -> s.merge(k, v, Math::max));
    return new Resource(Math.max(milliCpu, o.milliCpu), Math.max(memory, o.memory),
        Math.max(ephemeralStorage, o.ephemeralStorage), Math.max(allowedPodNumber, o.allowedPodNumber), s);
  }

  public long scalar(String name) {
    return scalar.getOrDefault(name, 0L);
  }

  /** The amount of a resource by its API name. */
  public long get(String name) {
    return switch (name) {
      case ResourceNames.CPU -> milliCpu;
      case ResourceNames.MEMORY -> memory;
      case ResourceNames.EPHEMERAL_STORAGE -> ephemeralStorage;
      case ResourceNames.PODS -> allowedPodNumber;
      default -> scalar(name);
    };
  }

  public boolean isZero() {
    return milliCpu == 0 && memory == 0 && ephemeralStorage == 0 && scalar.values().stream().allMatch(v -> v == 0);
  }

  private static Map<String, Long> merge(Map<String, Long> a, Map<String, Long> b, int sign) {
    if (b.isEmpty()) return a;
    Map<String, Long> out = new HashMap<>(a);
    b.forEach((k, v) -> out.merge(k, sign * v, Long::sum));
    return out;
  }

  @Override
  public String toString() {
    return "cpu=" + milliCpu + "m memory=" + memory + " ephemeral-storage=" + ephemeralStorage + " pods=" + allowedPodNumber
        + (scalar.isEmpty() ? "" : " " + new TreeMap<>(scalar));
  }
}
