package io.kubesim.kubelet.cm.topology;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Named CPU topologies: real machines numbered the way Linux and the kubelet number them, plus the
 * small fixtures of upstream's {@code policy_test.go} (handy in unit tests).
 *
 * <p>Linux numbers hardware threads "all first threads, then all second threads", and socket by
 * socket within each half. For S sockets of C cores, T threads per core, N NUMA nodes per socket
 * and L cores per L3 cache ({@link #linuxNumbered}): CPU {@code c < S*C} has core {@code c},
 * socket {@code c/C}, NUMA node {@code c/(C/N)}, uncore cache {@code c/L}, and CPU
 * {@code c + t*S*C} is its {@code t}-th sibling thread with the same ids.
 */
public final class CpuTopologies {
  private CpuTopologies() {}

  /**
   * Single-socket 16-core desktop/edge part with SMT2 (AMD Ryzen 9 7950X class): 32 CPUs, one
   * NUMA node, two L3 caches (CCDs) of 8 cores. Core c = CPUs {c, c+16}; uncore = c/8.
   */
  public static final CpuTopology RYZEN_1S_16C = linuxNumbered(1, 16, 2, 1, 8, NumaDistances.socketed(1, 1, 10, 10));

  /**
   * Dual-socket Intel Xeon (Sapphire Rapids 32-core class), SMT2, sub-NUMA clustering off: 128
   * CPUs, one NUMA node per socket, one L3 per socket (uncore id = socket id). Core c = {c, c+64};
   * socket = c/32. Distances 10 local, 21 remote.
   */
  public static final CpuTopology XEON_2S_32C = linuxNumbered(2, 32, 2, 1, 32, NumaDistances.socketed(2, 1, 21, 21));

  /**
   * The same dual Xeon with sub-NUMA clustering (SNC2): 4 NUMA nodes of 16 cores, two per socket,
   * the L3 still one per socket (monolithic uncore spanning both nodes). NUMA = c/16. Distances
   * 10 local, 12 same socket, 21 remote.
   */
  public static final CpuTopology XEON_2S_32C_SNC2 = linuxNumbered(2, 32, 2, 2, 32, NumaDistances.socketed(2, 2, 12, 21));

  /**
   * Dual AMD EPYC 64 cores per socket (7xx3 / 9xx4 class), SMT2, NPS1: 256 CPUs, one NUMA node per
   * socket, 16 uncore caches of 8 cores (one per CCD/CCX). Core c = {c, c+128}; socket = c/64;
   * uncore = c/8. Distances 10 local, 32 remote.
   */
  public static final CpuTopology EPYC_2S_64C_NPS1 = linuxNumbered(2, 64, 2, 1, 8, NumaDistances.socketed(2, 1, 32, 32));

  /** The dual EPYC in NPS2: 4 NUMA nodes of 32 cores (4 CCDs each); NUMA = c/32. Distances 10/11/32. */
  public static final CpuTopology EPYC_2S_64C_NPS2 = linuxNumbered(2, 64, 2, 2, 8, NumaDistances.socketed(2, 2, 11, 32));

  /**
   * The dual EPYC in NPS4: 8 NUMA nodes of 16 cores (2 CCDs each); NUMA = c/16. Distances 10
   * local, 11 to the paired node (0-1, 2-3, ...), 12 to the other nodes of the socket, 32 remote
   * (the shape of upstream's {@code commonNUMAInfoEightNodes}).
   */
  public static final CpuTopology EPYC_2S_64C_NPS4 = linuxNumbered(2, 64, 2, 4, 8, pairedDistances(2, 4, 11, 12, 32));

  /**
   * Quad-socket Intel Xeon (4 x 24 cores, SMT2): 192 CPUs, one NUMA node and one L3 per socket.
   * Core c = {c, c+96}; socket = c/24. Distances 10 local, 21 remote (fully connected UPI).
   */
  public static final CpuTopology XEON_4S_24C = linuxNumbered(4, 24, 2, 1, 24, NumaDistances.socketed(4, 1, 21, 21));

  /** Upstream {@code topoSingleSocketHT}: 8 CPUs, 4 cores x 2 threads; core c = {c, c+4}. */
  public static final CpuTopology K8S_SINGLE_SOCKET_HT = linuxNumbered(1, 4, 2, 1, 4, NumaDistances.socketed(1, 1, 10, 10));

  /**
   * Upstream {@code topoDualSocketHT}: 12 CPUs, 2 sockets = 2 NUMA nodes, 6 cores x 2 threads,
   * interleaved: even CPUs on socket 0, odd on socket 1; core c = {c, c+6}.
   */
  public static final CpuTopology K8S_DUAL_SOCKET_HT = dualSocketHT();

  /** Upstream {@code topoDualSocketNoHT}: 8 CPUs, no SMT, CPUs 0-3 socket 0, 4-7 socket 1. */
  public static final CpuTopology K8S_DUAL_SOCKET_NO_HT = linuxNumbered(2, 4, 1, 1, 4, NumaDistances.socketed(2, 1, 20, 20));

  /**
   * Upstream {@code topoDualSocketMultiNumaPerSocketHT} (2 x Xeon Gold 6230, SNC2): 80 CPUs, 40
   * cores x 2 threads, core c = {c, c+40}; NUMA n = cores 10n..10n+9; socket 0 = NUMA 0 and 1.
   */
  public static final CpuTopology K8S_DUAL_SOCKET_SNC2_HT = linuxNumbered(2, 20, 2, 2, 20, NumaDistances.socketed(2, 2, 11, 21));

  private static final Map<String, CpuTopology> BY_NAME = registry();

  private static Map<String, CpuTopology> registry() {
    Map<String, CpuTopology> m = new LinkedHashMap<>();
    m.put("ryzen-1s-16c", RYZEN_1S_16C);
    m.put("xeon-2s-32c", XEON_2S_32C);
    m.put("xeon-2s-32c-snc2", XEON_2S_32C_SNC2);
    m.put("epyc-2s-64c-nps1", EPYC_2S_64C_NPS1);
    m.put("epyc-2s-64c-nps2", EPYC_2S_64C_NPS2);
    m.put("epyc-2s-64c-nps4", EPYC_2S_64C_NPS4);
    m.put("xeon-4s-24c", XEON_4S_24C);
    m.put("k8s-single-socket-ht", K8S_SINGLE_SOCKET_HT);
    m.put("k8s-dual-socket-ht", K8S_DUAL_SOCKET_HT);
    m.put("k8s-dual-socket-no-ht", K8S_DUAL_SOCKET_NO_HT);
    m.put("k8s-dual-socket-snc2-ht", K8S_DUAL_SOCKET_SNC2_HT);
    return Collections.unmodifiableMap(m);
  }

  /** Every preset name, in a stable order (for listings and error messages). */
  public static List<String> names() {
    return List.copyOf(BY_NAME.keySet());
  }

  public static Optional<CpuTopology> find(String name) {
    return Optional.ofNullable(BY_NAME.get(name));
  }

  /** The preset called {@code name}; the error lists every known name. */
  public static CpuTopology byName(String name) {
    CpuTopology t = BY_NAME.get(name);
    if (t == null) {
      throw new IllegalArgumentException("unknown CPU topology preset \"" + name + "\"; known presets: "
          + String.join(", ", BY_NAME.keySet()));
    }
    return t;
  }

  /**
   * A symmetric machine numbered as Linux does (see the class comment).
   *
   * @param sockets S
   * @param coresPerSocket C
   * @param threadsPerCore T (1 = SMT off)
   * @param numaPerSocket N, must divide C
   * @param coresPerUncore L, must divide C
   */
  public static CpuTopology linuxNumbered(int sockets, int coresPerSocket, int threadsPerCore, int numaPerSocket,
      int coresPerUncore, NumaDistances distances) {
    if (sockets < 1 || coresPerSocket < 1 || threadsPerCore < 1 || numaPerSocket < 1 || coresPerUncore < 1) {
      throw new IllegalArgumentException("every count must be at least 1");
    }
    if (coresPerSocket % numaPerSocket != 0 || coresPerSocket % coresPerUncore != 0) {
      throw new IllegalArgumentException("NUMA nodes and uncore caches must divide a socket's cores evenly");
    }
    int cores = sockets * coresPerSocket;
    int coresPerNuma = coresPerSocket / numaPerSocket;
    List<CpuInfo> cpus = new ArrayList<>();
    for (int t = 0; t < threadsPerCore; t++) {
      for (int c = 0; c < cores; c++) {
        cpus.add(new CpuInfo(c + t * cores, c, c / coresPerSocket, c / coresPerNuma, c / coresPerUncore));
      }
    }
    return CpuTopology.of(cpus, distances);
  }

  /**
   * Distances for S sockets of N nodes where nodes come in pairs (0-1, 2-3, ...): 10 local,
   * {@code pair} within a pair, {@code sameSocket} within a socket, {@code cross} between sockets.
   */
  static NumaDistances pairedDistances(int sockets, int nodesPerSocket, int pair, int sameSocket, int cross) {
    int n = sockets * nodesPerSocket;
    Map<Integer, int[]> rows = new TreeMap<>();
    for (int i = 0; i < n; i++) {
      int[] row = new int[n];
      for (int j = 0; j < n; j++) {
        if (i == j) row[j] = 10;
        else if (i / nodesPerSocket != j / nodesPerSocket) row[j] = cross;
        else if (i / 2 == j / 2) row[j] = pair;
        else row[j] = sameSocket;
      }
      rows.put(i, row);
    }
    return NumaDistances.of(rows);
  }

  private static CpuTopology dualSocketHT() {
    List<CpuInfo> cpus = new ArrayList<>();
    for (int cpu = 0; cpu < 12; cpu++) {
      int core = cpu % 6;
      int socket = core % 2;
      cpus.add(CpuInfo.withoutL3(cpu, core, socket, socket));
    }
    return CpuTopology.of(cpus, NumaDistances.socketed(2, 1, 20, 20));
  }
}
