package io.kubesim.kubelet.cm.topology;

/**
 * Where one logical CPU sits, as upstream's {@code topology.CPUInfo}.
 *
 * @param cpu the Linux logical CPU number
 * @param core physical core id (by kubelet convention the lowest logical CPU of the core)
 * @param socket physical package id
 * @param numaNode NUMA node id
 * @param uncoreCache last-level (L3) cache id; the socket id when the machine reports no L3
 */
public record CpuInfo(int cpu, int core, int socket, int numaNode, int uncoreCache) {
  public CpuInfo {
    if (cpu < 0 || core < 0 || socket < 0 || numaNode < 0 || uncoreCache < 0) {
      throw new IllegalArgumentException("negative id in " + this);
    }
  }

  /** A CPU whose machine reports no L3 cache: the uncore cache is the socket. */
  public static CpuInfo withoutL3(int cpu, int core, int socket, int numaNode) {
    return new CpuInfo(cpu, core, socket, numaNode, socket);
  }
}
