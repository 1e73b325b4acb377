package io.kubesim.kubelet.cm.cpumanager;

import static io.kubesim.kubelet.cm.cpumanager.Fixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.kubesim.kubelet.cm.cpuset.CpuSet;
import io.kubesim.kubelet.cm.topology.CpuTopology;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Upstream's {@code TestStaticPolicyAddWithUncoreAlignment} table (rows whose fixture is known). */
class StaticPolicyUncoreTest {

  static final Map<String, String> FULL_AND_UNCORE =
      Map.of("full-pcpus-only", "true", "prefer-align-cpus-by-uncorecache", "true");
  static final Map<String, String> UNCORE = Map.of("prefer-align-cpus-by-uncorecache", "true");
  static final Map<String, String> STRICT_AND_UNCORE =
      Map.of("strict-cpu-reservation", "true", "prefer-align-cpus-by-uncorecache", "true");

  /**
   * @param shared the shared pool before allocation (reserved removed, as upstream's test does)
   * @param expectCpus the first container's CPUs, or null to check {@code expectUncores} instead
   */
  record Case(String description, CpuTopology topo, String reserved, Map<String, String> options, String shared,
      List<Integer> requests, String expectCpus, String expectUncores) {
    @Override
    public String toString() {
      return description;
    }
  }

  static String allBut(CpuTopology t, String taken) {
    return t.details().cpus().difference(cpus(taken)).toString();
  }

  static String allButUncores(CpuTopology t, int... uncores) {
    return t.details().cpus().difference(t.details().cpusInUncoreCaches(CpuSet.of(uncores))).toString();
  }

  static Stream<Case> cases() {
    CpuTopology epyc9654 = DUAL_SOCKET_SMT_UNCORE;
    String epycReserved = "0-1,96-97,192-193,288-289";
    CpuTopology epyc7702 = SINGLE_SOCKET_SMT_SMALL_UNCORE;
    return Stream.of(
        new Case("GuPodSingleContainerSaturating, DualSocketHTUncore, ExpectAllocOneUncore, FullUncoreAvail", epyc9654,
            epycReserved, FULL_AND_UNCORE, allButUncores(epyc9654, 0, 12), List.of(16), null, "1"),
        new Case("GuPodMainAndSidecarContainer, DualSocketHTUncore, ExpectAllocOneUncore, FullUncoreAvail", epyc9654,
            epycReserved, FULL_AND_UNCORE, allButUncores(epyc9654, 0, 12), List.of(12, 2), null, "1"),
        new Case("GuPodSidecarAndMainContainer, DualSocketHTUncore, ExpectAllocOneUncore, FullUncoreAvail", epyc9654,
            epycReserved, FULL_AND_UNCORE, allButUncores(epyc9654, 0, 12), List.of(2, 12), null, "1"),
        new Case("GuPodMainAndManySidecarContainer, DualSocketHTUncore, ExpectAllocOneUncore, FullUncoreAvail",
            epyc9654, epycReserved, FULL_AND_UNCORE, allButUncores(epyc9654, 0, 12), List.of(10, 2, 2, 2), null, "1"),
        new Case("GuPodMainAndSidecarContainer, DualSocketHTUncore, ExpectAllocTwoUncore", epyc9654, epycReserved,
            FULL_AND_UNCORE, allBut(epyc9654, ""), List.of(12, 2), null, "0-1"),
        new Case("GuPodSingleContainer, SingleSocketSMTSmallUncore, ExpectAllocOneUncore", epyc7702, "0-1,64-65",
            FULL_AND_UNCORE, allBut(epyc7702, ""), List.of(8), null, "1"),
        new Case("GuPodSingleContainer, SingleSocketSMTSmallUncore, ExpectAllocTwoUncore", epyc7702, "0-1,64-65",
            FULL_AND_UNCORE, allButUncores(epyc7702, 1), List.of(12), null, "0,2"),
        new Case("GuPodSingleContainer, SingleSocketNoSMTSmallUncore, FragmentedUncore, ExpectAllocThreeUncore",
            SINGLE_SOCKET_NO_SMT_SMALL_UNCORE, "0-3", FULL_AND_UNCORE,
            allButUncores(SINGLE_SOCKET_NO_SMT_SMALL_UNCORE, 2, 3, 5), List.of(12), null, "1,4,6"),
        new Case("GuPodMultiContainer, DualSocketSMTUncore, FragmentedUncore, ExpectAllocOneUncore",
            SMALL_DUAL_SOCKET_NO_SMT_UNCORE, "0-1,32-33", FULL_AND_UNCORE,
            allButUncores(SMALL_DUAL_SOCKET_NO_SMT_UNCORE, 1), List.of(4, 2), null, "0"),
        new Case("GuPodMultiContainer, DualSocketSMTUncore, FragmentedUncore, ExpectAllocTwoUncore",
            SMALL_DUAL_SOCKET_NO_SMT_UNCORE, "0-1,32-33", FULL_AND_UNCORE,
            allButUncores(SMALL_DUAL_SOCKET_NO_SMT_UNCORE, 1), List.of(4, 4), null, "0,2"),
        new Case("GuPodMultiContainer, LargeSingleSocketSMTUncore, PartialUncoreFit, ExpectAllocTwoUncore",
            LARGE_SINGLE_SOCKET_SMT_UNCORE, "0-1,128-129", FULL_AND_UNCORE,
            allBut(LARGE_SINGLE_SOCKET_SMT_UNCORE, "8-9,136-137"), List.of(12, 12), null, "0-1"),
        new Case("GuPodMultiContainer, LargeSingleSocketSMTUncore, PartialUncoreNoFit, ExpectAllocTwoUncore",
            LARGE_SINGLE_SOCKET_SMT_UNCORE, "0-1,128-129", FULL_AND_UNCORE,
            allBut(LARGE_SINGLE_SOCKET_SMT_UNCORE, "8-9,136-137"), List.of(14, 14), null, "2-3"),
        new Case("GuPodLargeSingleContainer, DualSocketNoSMTUncore, FullNUMAsAvail, ExpectAllocFullNUMA",
            DUAL_SOCKET_MULTI_NUMA_PER_SOCKET_UNCORE, "0-3", FULL_AND_UNCORE,
            allBut(DUAL_SOCKET_MULTI_NUMA_PER_SOCKET_UNCORE, ""), List.of(48), null, "6-11"),
        new Case("GuPodSingleContainer, MonoUncoreCacheHT, ExpectAllocCPUSet", DUAL_SOCKET_SUB_NUMA_HT_MONOLITHIC_UNCORE,
            "0-1,120-121", FULL_AND_UNCORE, allBut(DUAL_SOCKET_SUB_NUMA_HT_MONOLITHIC_UNCORE, ""), List.of(6),
            "2-4,122-124", null),
        new Case("GuPodSingleContainer, LargeSingleSocketUncore, ExpectAllocOneUncore", LARGE_SINGLE_SOCKET_UNCORE, "0-3",
            FULL_AND_UNCORE, allBut(LARGE_SINGLE_SOCKET_UNCORE, ""), List.of(8), null, "1"),
        new Case("GuPodSingleContainer, MonoUncoreCacheHT, ExpectFragmentedAllocCPUSet", SINGLE_SOCKET_UNCORE, "0-1",
            FULL_AND_UNCORE, allBut(SINGLE_SOCKET_UNCORE, "6-9,12-15,18-19"), List.of(12), "2-5,10-11,16-17,20-23",
            null),
        new Case("odd integer required on smt-enabled", epyc7702, "0-1,64-65", UNCORE, allBut(epyc7702, ""), List.of(3),
            "2-3,66", null),
        new Case("odd integer required on odd integer partial uncore", epyc7702, "0-1,64", UNCORE, allBut(epyc7702, ""),
            List.of(3), "2,65-66", null),
        new Case("even integer required on odd integer partial uncore", epyc7702, "0-1,64", UNCORE,
            allBut(epyc7702, ""), List.of(4), "4-5,68-69", null),
        new Case("large odd integer required on smt-enabled", epyc7702, "0-1,64", UNCORE, allBut(epyc7702, ""),
            List.of(11), "2,4-7,65-66,68-71", null),
        new Case("odd integer required on HT monolithic uncore", DUAL_SOCKET_SUB_NUMA_HT_MONOLITHIC_UNCORE, "0-1,120",
            UNCORE, "0-127", List.of(5), "2-3,121-123", null),
        new Case("even integer required on HT monolithic uncore", DUAL_SOCKET_SUB_NUMA_HT_MONOLITHIC_UNCORE, "0-1,120",
            UNCORE, "0-127", List.of(4), "2-3,122-123", null),
        new Case("GuPodSingleContainer, SingleSocketSMTSmallUncore, StrictReserveCompatability", epyc7702, "0-1,64-65",
            STRICT_AND_UNCORE, allBut(epyc7702, ""), List.of(2), "2,66", null),
        new Case("GuPodSingleContainer, DualSocketHTMonoUncore, StrictReserveCompatability",
            DUAL_SOCKET_SUB_NUMA_HT_MONOLITHIC_UNCORE, "0-1,120-121", STRICT_AND_UNCORE,
            allBut(DUAL_SOCKET_SUB_NUMA_HT_MONOLITHIC_UNCORE, ""), List.of(4), "2-3,122-123", null));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void uncoreAlignedAllocationMatchesUpstream(Case c) {
    CpuSet reserved = cpus(c.reserved);
    StaticPolicy policy = StaticPolicy.create(c.topo, reserved.size(), reserved, CpuManagerPolicyOptions.parse(c.options));
    CpuManagerState state = new CpuManagerState(cpus(c.shared).difference(reserved));
    CpuSet all = CpuSet.EMPTY;
    for (int i = 0; i < c.requests.size(); i++) {
      policy.allocate(state, "pod", "c" + i, c.requests.get(i), false, null);
      all = all.union(state.cpuSet("pod", "c" + i));
    }
    if (c.expectCpus != null) {
      assertThat(state.cpuSet("pod", "c0")).hasToString(cpus(c.expectCpus).toString());
    } else {
      assertThat(c.topo.details().uncoreCachesOf(all)).as("uncore caches of %s", all)
          .hasToString(cpus(c.expectUncores).toString());
    }
  }
}
