package io.kubesim.kubelet.cm.cpumanager;

import io.kubesim.kubelet.cm.cpuset.CpuSet;
import io.kubesim.kubelet.cm.topology.CpuInfo;
import io.kubesim.kubelet.cm.topology.CpuTopologies;
import io.kubesim.kubelet.cm.topology.CpuTopology;
import io.kubesim.kubelet.cm.topology.NumaDistances;
import java.util.ArrayList;
import java.util.List;

/** The CPU topologies of upstream's {@code policy_test.go}, numbered exactly as there. */
final class Fixtures {
  private Fixtures() {}

  static CpuSet cpus(String cpuset) {
    return CpuSet.parse(cpuset);
  }

  /** 8 CPUs, 4 cores x 2 threads, core c = {c, c+4}. */
  static final CpuTopology SINGLE_SOCKET_HT = CpuTopologies.K8S_SINGLE_SOCKET_HT;

  /** 12 CPUs, even CPUs socket 0, odd socket 1; core c = {c, c+6}. */
  static final CpuTopology DUAL_SOCKET_HT = CpuTopologies.K8S_DUAL_SOCKET_HT;

  /**
   * {@code topoDualSocketHT} as the uncore tests see it: the fixture gives no uncore cache ids, so
   * every CPU is in uncore cache 0 (one cache spanning both sockets).
   */
  static final CpuTopology DUAL_SOCKET_HT_ONE_UNCORE = CpuTopology.of(DUAL_SOCKET_HT.cpuInfos().stream()
      .map(i -> new CpuInfo(i.cpu(), i.core(), i.socket(), i.numaNode(), 0)).toList());

  /** 8 CPUs without SMT, 0-3 socket 0, 4-7 socket 1. */
  static final CpuTopology DUAL_SOCKET_NO_HT = CpuTopologies.K8S_DUAL_SOCKET_NO_HT;

  /** 18 CPUs, core k = {2k, 2k+1}; cores 0-2 socket 1, 3-5 socket 0, 6-8 socket 2. */
  static final CpuTopology TRIPLE_SOCKET_HT = tripleSocketHT();

  /** 80 CPUs, 2 sockets, 4 NUMA nodes; core c = {c, c+40}; NUMA n = cores 10n..10n+9. */
  static final CpuTopology DUAL_SOCKET_MULTI_NUMA_PER_SOCKET_HT = CpuTopologies.K8S_DUAL_SOCKET_SNC2_HT;

  /** The same CPUs with sockets and NUMA nodes swapped: 4 sockets, NUMA 0 = sockets 0 and 1. */
  static final CpuTopology FAKE_MULTI_SOCKET_DUAL_SOCKET_PER_NUMA_HT = fakeMultiSocket();

  /** 256 CPUs, 2 sockets, 8 NUMA nodes; core c = {c, c+128}; NUMA n = cores 16n..16n+15. */
  static final CpuTopology DUAL_SOCKET_MULTI_NUMA_PER_SOCKET_HT_LARGE =
      CpuTopologies.linuxNumbered(2, 64, 2, 4, 64, NumaDistances.socketed(2, 4, 11, 21));

  /** 288 CPUs, Xeon Phi (KNL) numbering: 4 sockets = 4 NUMA nodes, 72 cores x 4 threads. */
  static final CpuTopology QUAD_SOCKET_FOUR_WAY_HT = quadSocketFourWayHT();

  /** 16 CPUs, 1 socket, no SMT, uncore = cpu/4. */
  static final CpuTopology UNCORE_SINGLE_SOCKET_NO_SMT = noSmt(16, c -> 0, c -> 0, c -> c / 4);

  /** 16 CPUs, 0-7 socket 0, 8-15 socket 1, one NUMA node for both, uncore = cpu/4. */
  static final CpuTopology UNCORE_DUAL_SOCKET_NO_SMT = noSmt(16, c -> c / 8, c -> 0, c -> c / 4);

  /** 16 CPUs, 1 socket, NUMA 0 = 0-7, NUMA 1 = 8-15, uncore = cpu/4. */
  static final CpuTopology UNCORE_SINGLE_SOCKET_MULTI_NUMA = noSmt(16, c -> 0, c -> c / 8, c -> c / 4);

  /** 16 CPUs, core c = {c, c+8}; uncore 0 = cores 0-3, uncore 1 = cores 4-7. */
  static final CpuTopology UNCORE_SINGLE_SOCKET_SMT =
      CpuTopologies.linuxNumbered(1, 8, 2, 1, 4, NumaDistances.socketed(1, 1, 10, 10));

  /** 128 CPUs (EPYC 7702P): core c = {c, c+64}, uncore = (c mod 64)/4. */
  static final CpuTopology SINGLE_SOCKET_SMT_SMALL_UNCORE =
      CpuTopologies.linuxNumbered(1, 64, 2, 1, 4, NumaDistances.socketed(1, 1, 10, 10));

  /** 384 CPUs (2 x EPYC 9654): core c = {c, c+192}, socket = (c mod 192)/96, uncore = (c mod 192)/8. */
  static final CpuTopology DUAL_SOCKET_SMT_UNCORE =
      CpuTopologies.linuxNumbered(2, 96, 2, 1, 8, NumaDistances.socketed(2, 1, 32, 32));

  /** 64 CPUs (EPYC 7702P, SMT off): uncore = cpu/4. */
  static final CpuTopology SINGLE_SOCKET_NO_SMT_SMALL_UNCORE = noSmt(64, c -> 0, c -> 0, c -> c / 4);

  /** 64 CPUs (2 x EPYC 7303, SMT off): socket = NUMA = cpu/32, uncore = cpu/8. */
  static final CpuTopology SMALL_DUAL_SOCKET_NO_SMT_UNCORE = noSmt(64, c -> c / 32, c -> c / 32, c -> c / 8);

  /** 256 CPUs (EPYC 9754): core c = {c, c+128}, uncore = (c mod 128)/8. */
  static final CpuTopology LARGE_SINGLE_SOCKET_SMT_UNCORE =
      CpuTopologies.linuxNumbered(1, 128, 2, 1, 8, NumaDistances.socketed(1, 1, 10, 10));

  /** 192 CPUs, NPS2, SMT off: NUMA = cpu/48, uncore = cpu/8; core ids restart at 0 on socket 1. */
  static final CpuTopology DUAL_SOCKET_MULTI_NUMA_PER_SOCKET_UNCORE = dualSocketMultiNumaUncore();

  /** 240 CPUs, SNC2, one L3 per socket: core c = {c, c+120}; NUMA = (c mod 120)/30; socket = (c mod 120)/60. */
  static final CpuTopology DUAL_SOCKET_SUB_NUMA_HT_MONOLITHIC_UNCORE =
      CpuTopologies.linuxNumbered(2, 60, 2, 2, 60, NumaDistances.socketed(2, 2, 11, 21));

  /** 128 CPUs (ARM, SMT off): uncore = cpu/8. */
  static final CpuTopology LARGE_SINGLE_SOCKET_UNCORE = noSmt(128, c -> 0, c -> 0, c -> c / 8);

  /** 64 CPUs (Graviton3): one L3 for the whole socket. */
  static final CpuTopology SINGLE_SOCKET_UNCORE = noSmt(64, c -> 0, c -> 0, c -> 0);

  private static CpuTopology dualSocketMultiNumaUncore() {
    List<CpuInfo> cpus = new ArrayList<>();
    for (int c = 0; c < 192; c++) cpus.add(new CpuInfo(c, c % 96, c / 96, c / 48, c / 8));
    return CpuTopology.of(cpus);
  }

  private interface Id {
    int of(int cpu);
  }

  private static CpuTopology noSmt(int n, Id socket, Id numa, Id uncore) {
    List<CpuInfo> cpus = new ArrayList<>();
    for (int c = 0; c < n; c++) cpus.add(new CpuInfo(c, c, socket.of(c), numa.of(c), uncore.of(c)));
    return CpuTopology.of(cpus);
  }

  private static CpuTopology tripleSocketHT() {
    int[] socketOfCore = {1, 1, 1, 0, 0, 0, 2, 2, 2};
    List<CpuInfo> cpus = new ArrayList<>();
    for (int c = 0; c < 18; c++) {
      int core = c / 2;
      cpus.add(CpuInfo.withoutL3(c, core, socketOfCore[core], socketOfCore[core]));
    }
    return CpuTopology.of(cpus);
  }

  private static CpuTopology fakeMultiSocket() {
    List<CpuInfo> cpus = new ArrayList<>();
    for (int c = 0; c < 80; c++) {
      int core = c % 40;
      int socket = core / 10;
      cpus.add(CpuInfo.withoutL3(c, core, socket, socket / 2));
    }
    return CpuTopology.of(cpus);
  }

  private static final String KNL_CORES = ""
      + "0,64,65,66,67,68,69,70,71,72,73,74,75,64,65,66,67,68,69,70,71,72,73,74,75,64,65,66,67,68,69,70,"
      + "71,72,73,74,75,63,64,65,66,67,68,69,70,71,72,73,74,75,1,2,3,4,5,6,7,8,9,10,11,12,13,14,"
      + "15,18,19,20,21,22,23,24,25,26,27,28,29,30,31,32,33,34,35,36,37,38,39,40,41,42,43,44,45,46,47,48,"
      + "49,50,51,52,53,54,55,56,57,60,61,62,63,0,1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,18,19,20,"
      + "21,22,23,24,25,26,27,28,29,30,31,32,33,34,35,36,37,38,39,40,41,42,43,44,45,46,47,48,49,50,51,52,"
      + "53,54,55,56,57,60,61,62,63,0,1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,18,19,20,21,22,23,24,"
      + "25,26,27,28,29,30,31,32,33,34,35,36,37,38,39,40,41,42,43,44,45,46,47,48,49,50,51,52,53,54,55,56,"
      + "57,60,61,62,63,0,1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,18,19,20,21,22,23,24,25,26,27,28,"
      + "29,30,31,32,33,34,35,36,37,38,39,40,41,42,43,44,45,46,47,48,49,50,51,52,53,54,55,56,57,60,61,62";

  private static final String KNL_SOCKETS = ""
      + "000112233001100112233001100112233001130011223300110112233001122331122330011223300112233001122330"
      + "011223300223300112233001122331122330011223300112233001122330011223300223300112233001122331122330"
      + "011223300112233001122330011223300223300112233001122331122330011223300112233001122330011223300223";

  private static CpuTopology quadSocketFourWayHT() {
    String[] cores = KNL_CORES.split(",");
    List<CpuInfo> cpus = new ArrayList<>();
    for (int c = 0; c < cores.length; c++) {
      int socket = KNL_SOCKETS.charAt(c) - '0';
      cpus.add(CpuInfo.withoutL3(c, Integer.parseInt(cores[c]), socket, socket));
    }
    return CpuTopology.of(cpus);
  }
}
