package io.kubesim.gui.model;

import io.kubesim.kubelet.cm.cpuset.CpuSet;
import java.util.Map;

/**
 * A pinning node's CPUs at one moment (static CPU manager policy).
 *
 * @param reserved CPUs kept for the system ({@code reservedSystemCPUs} or the reserved count)
 * @param shared the shared pool (default cpuset), reserved CPUs included
 * @param owners exclusive CPU id to {@code namespace/pod/container}
 */
public record NodeCpus(CpuSet reserved, CpuSet shared, Map<Integer, String> owners) {
  public NodeCpus {
    owners = Map.copyOf(owners);
  }
}
