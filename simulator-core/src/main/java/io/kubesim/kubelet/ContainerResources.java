package io.kubesim.kubelet;

import java.util.Objects;

/**
 * What the kubelet's CPU admission needs to know about one container; adapt the API pod to this.
 *
 * @param name unique within the pod
 * @param init listed under {@code spec.initContainers}
 * @param restartable an init container with {@code restartPolicy: Always} (a sidecar): it keeps
 *     running next to the app containers, so its CPUs are never reused by them
 * @param cpuRequestMillis {@code resources.requests.cpu} in millicores (0 = none)
 * @param cpuLimitMillis {@code resources.limits.cpu} in millicores (0 = none)
 * @param memoryRequestBytes {@code resources.requests.memory} in bytes (0 = none)
 * @param memoryLimitBytes {@code resources.limits.memory} in bytes (0 = none)
 */
public record ContainerResources(String name, boolean init, boolean restartable, long cpuRequestMillis,
    long cpuLimitMillis, long memoryRequestBytes, long memoryLimitBytes) {

  public ContainerResources {
    Objects.requireNonNull(name, "name");
    if (restartable && !init) throw new IllegalArgumentException("only init containers can be restartable: " + name);
    if (cpuRequestMillis < 0 || cpuLimitMillis < 0 || memoryRequestBytes < 0 || memoryLimitBytes < 0) {
      throw new IllegalArgumentException("negative resource in container " + name);
    }
  }

  /** An app container with requests equal to limits (as a Guaranteed pod has). */
  public static ContainerResources app(String name, long cpuMillis, long memoryBytes) {
    return new ContainerResources(name, false, false, cpuMillis, cpuMillis, memoryBytes, memoryBytes);
  }

  /** A regular (run-to-completion) init container with requests equal to limits. */
  public static ContainerResources initContainer(String name, long cpuMillis, long memoryBytes) {
    return new ContainerResources(name, true, false, cpuMillis, cpuMillis, memoryBytes, memoryBytes);
  }

  /** A sidecar (restartable init container) with requests equal to limits. */
  public static ContainerResources sidecar(String name, long cpuMillis, long memoryBytes) {
    return new ContainerResources(name, true, true, cpuMillis, cpuMillis, memoryBytes, memoryBytes);
  }

  /** An init container that runs to completion before the app containers start. */
  public boolean regularInit() {
    return init && !restartable;
  }

  /** Requests and limits set and equal for both CPU and memory (the Guaranteed QoS condition). */
  public boolean guaranteedResources() {
    return cpuRequestMillis > 0 && memoryRequestBytes > 0 && cpuRequestMillis == cpuLimitMillis
        && memoryRequestBytes == memoryLimitBytes;
  }
}
