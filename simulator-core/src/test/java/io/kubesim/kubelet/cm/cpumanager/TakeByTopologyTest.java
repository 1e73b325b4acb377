package io.kubesim.kubelet.cm.cpumanager;

import static io.kubesim.kubelet.cm.cpumanager.Fixtures.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kubesim.kubelet.cm.cpuset.CpuSet;
import io.kubesim.kubelet.cm.topology.CpuTopology;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Upstream's {@code TestTakeByTopology*} tables ({@code cpu_assignment_test.go}). */
class TakeByTopologyTest {

  record Case(String description, CpuTopology topo, String available, int numCpus, String expected,
      String expectedError) {
    @Override
    public String toString() {
      return description;
    }
  }

  static Case ok(String d, CpuTopology t, String available, int n, String expected) {
    return new Case(d, t, available, n, expected, null);
  }

  static Case err(String d, CpuTopology t, String available, int n, String message) {
    return new Case(d, t, available, n, "", message);
  }

  /** Shared by the packed and the distributed (group size 1) algorithms. */
  static List<Case> common() {
    return List.of(
        err("take more cpus than are available from single socket with HT", SINGLE_SOCKET_HT, "0,2,4,6", 5,
            "not enough cpus available to satisfy request: requested=5, available=4"),
        ok("take zero cpus from single socket with HT", SINGLE_SOCKET_HT, "0-7", 0, ""),
        ok("take one cpu from single socket with HT", SINGLE_SOCKET_HT, "0-7", 1, "0"),
        ok("take one cpu from single socket with HT, some cpus are taken", SINGLE_SOCKET_HT, "1,3,5-7", 1, "6"),
        ok("take two cpus from single socket with HT", SINGLE_SOCKET_HT, "0-7", 2, "0,4"),
        ok("take all cpus from single socket with HT", SINGLE_SOCKET_HT, "0-7", 8, "0-7"),
        ok("take two cpus from single socket with HT, only one core totally free", SINGLE_SOCKET_HT, "0-3,6", 2, "2,6"),
        ok("take a socket of cpus from dual socket with HT", DUAL_SOCKET_HT, "0-11", 6, "0,2,4,6,8,10"),
        ok("take a socket of cpus from dual socket with multi-numa-per-socket with HT",
            DUAL_SOCKET_MULTI_NUMA_PER_SOCKET_HT, "0-79", 40, "0-19,40-59"),
        ok("take a NUMA node of cpus from dual socket with multi-numa-per-socket with HT",
            DUAL_SOCKET_MULTI_NUMA_PER_SOCKET_HT, "0-79", 20, "0-9,40-49"),
        ok("take a NUMA node of cpus from dual socket with multi-numa-per-socket with HT, with 1 NUMA node already taken",
            DUAL_SOCKET_MULTI_NUMA_PER_SOCKET_HT, "10-39,50-79", 20, "10-19,50-59"),
        ok("take a socket and a NUMA node of cpus from dual socket with multi-numa-per-socket with HT",
            DUAL_SOCKET_MULTI_NUMA_PER_SOCKET_HT, "0-79", 60, "0-29,40-69"),
        ok("take a socket and a NUMA node of cpus from dual socket with multi-numa-per-socket with HT, a core taken",
            DUAL_SOCKET_MULTI_NUMA_PER_SOCKET_HT, "1-39,41-79", 60, "10-39,50-79"));
  }

  static Stream<Case> packed() {
    List<Case> all = new ArrayList<>(common());
    all.addAll(List.of(
        ok("take one cpu from dual socket with HT - core from Socket 0", DUAL_SOCKET_HT, "1-5,7-11", 1, "2"),
        ok("allocate 4 full cores with 3 coming from the first NUMA node (filling it up) and 1 from the second",
            DUAL_SOCKET_HT, "0-11", 8, "0-2,4,6-8,10"),
        ok("allocate 32 full cores with 30 coming from the first 3 NUMA nodes and 2 from the fourth",
            DUAL_SOCKET_MULTI_NUMA_PER_SOCKET_HT, "0-79", 64, "0-31,40-71"),
        ok("a triple socket machine with socket ids out of order fills the fullest NUMA node first",
            TRIPLE_SOCKET_HT, "0-3,6-13", 2, "12-13"),
        ok("the dual-NUMA machine with two sockets per NUMA node takes a whole NUMA node first",
            FAKE_MULTI_SOCKET_DUAL_SOCKET_PER_NUMA_HT, "0-79", 40, "0-19,40-59")));
    return all.stream();
  }

  static Stream<Case> uncore() {
    return Stream.of(
        ok("take cpus from two full UncoreCaches and partial from a single UncoreCache", UNCORE_SINGLE_SOCKET_NO_SMT,
            "1-15", 10, "1-2,4-11"),
        ok("take one cpu from dual socket with HT - core from Socket 0", DUAL_SOCKET_HT_ONE_UNCORE, "1-5,7-11", 1, "1"),
        ok("with one uncore cache per socket the single CPU comes from the fuller socket's partial core",
            DUAL_SOCKET_HT, "1-5,7-11", 1, "2"),
        ok("take first available UncoreCache from first socket", UNCORE_DUAL_SOCKET_NO_SMT, "0-15", 4, "0-3"),
        ok("take all available UncoreCache from first socket", UNCORE_DUAL_SOCKET_NO_SMT, "2-15", 6, "2-7"),
        ok("take first available UncoreCache from second socket", UNCORE_DUAL_SOCKET_NO_SMT, "8-15", 4, "8-11"),
        ok("take first available UncoreCache from available NUMA", UNCORE_SINGLE_SOCKET_MULTI_NUMA, "3-8,12", 2, "4-5"),
        ok("take cpus from best available UncoreCache group of multi uncore cache single socket - SMT enabled",
            UNCORE_SINGLE_SOCKET_SMT, "2-7,10-15", 6, "4-6,12-14"),
        ok("take cpus from multiple UncoreCache of single socket - SMT enabled", UNCORE_SINGLE_SOCKET_SMT, "1-7,9-15",
            10, "1,4-7,9,12-15"));
  }

  static Stream<Case> spread() {
    return Stream.of(
        ok("take a socket of cpus from single socket with HT, 3 cpus", SINGLE_SOCKET_HT, "0-7", 3, "0-2"),
        ok("take a socket of cpus from dual socket with HT, 2 cpus", DUAL_SOCKET_HT, "0-11", 2, "0,2"),
        ok("take a socket of cpus from dual socket with HT, 3 cpus", DUAL_SOCKET_HT, "0-11", 3, "0,2,4"),
        ok("take a socket of cpus from dual socket with HT, 6 cpus", DUAL_SOCKET_HT, "0-11", 6, "0,2,4,6,8,10"),
        ok("take cpus from dual socket with HT, 8 cpus", DUAL_SOCKET_HT, "0-11", 8, "0-4,6,8,10"),
        ok("take a socket of cpus from dual socket without HT, 2 cpus", DUAL_SOCKET_NO_HT, "0-7", 2, "0-1"),
        ok("take a socket of cpus from dual socket with multi numa per socket and HT, 12 cpus",
            DUAL_SOCKET_MULTI_NUMA_PER_SOCKET_HT, "0-79", 8, "0-7"),
        ok("take a socket of cpus from quad socket four way with HT, 12 cpus", QUAD_SOCKET_FOUR_WAY_HT, "0-287", 12,
            "0-2,9-10,13-14,21-22,25-26,33"));
  }

  record DistributedCase(Case c, int groupSize) {
    @Override
    public String toString() {
      return c.description + (groupSize > 1 ? " (cpuGroupSize " + groupSize + ")" : "");
    }
  }

  static Stream<DistributedCase> distributed() {
    List<DistributedCase> all = new ArrayList<>();
    for (Case c : common()) all.add(new DistributedCase(c, 1));
    CpuTopology multi = DUAL_SOCKET_MULTI_NUMA_PER_SOCKET_HT;
    List<Case> extended = List.of(
        ok("allocate 4 full cores with 2 distributed across each NUMA node", DUAL_SOCKET_HT, "0-11", 8, "0-3,6-9"),
        ok("allocate 32 full cores with 8 distributed across each NUMA node", multi, "0-79", 64,
            "0-7,10-17,20-27,30-37,40-47,50-57,60-67,70-77"),
        ok("allocate 24 full cores with 8 distributed across the first 3 NUMA nodes", multi, "0-79", 48,
            "0-7,10-17,20-27,40-47,50-57,60-67"),
        ok("allocate 24 full cores with 8 distributed across the first 3 NUMA nodes (taking all but 2 from the first)",
            multi, "1-29,32-39,41-69,72-79", 48, "1-8,10-17,20-27,41-48,50-57,60-67"),
        ok("allocate 24 full cores with 8 distributed across the last 3 NUMA nodes", multi, "2-29,31-39,42-69,71-79", 48,
            "10-17,20-27,31-38,50-57,60-67,71-78"),
        ok("allocate 8 full cores with 2 distributed across each NUMA node", multi,
            "0-2,10-12,20-22,30-32,40-41,50-51,60-61,70-71", 16, "0-1,10-11,20-21,30-31,40-41,50-51,60-61,70-71"));
    for (Case c : extended) all.add(new DistributedCase(c, 1));
    all.add(new DistributedCase(ok("take one cpu from dual socket with HT - core from Socket 0", DUAL_SOCKET_HT,
        "1-5,7-11", 1, "1"), 1));
    all.add(new DistributedCase(ok("take one cpu from dual socket with HT - core from Socket 0", DUAL_SOCKET_HT,
        "1-5,7-11", 1, "2"), 2));
    all.add(new DistributedCase(ok("allocate 13 full cores distributed across the first 2 NUMA nodes", multi, "0-79", 26,
        "0-6,10-16,40-45,50-55"), 1));
    all.add(new DistributedCase(ok("allocate 13 full cores distributed across the first 2 NUMA nodes", multi, "0-79", 26,
        "0-6,10-15,40-46,50-55"), 2));
    all.add(new DistributedCase(ok("allocate 31 full cores, 15 CPUs per NUMA node and 1 spilling to NUMA 0, 1", multi,
        "0-79", 62, "0-7,10-17,20-27,30-37,40-47,50-57,60-66,70-76"), 1));
    all.add(new DistributedCase(ok("allocate 31 full cores, 14 CPUs per NUMA node and 2 spilling to NUMA 0, 1, 2", multi,
        "0-79", 62, "0-7,10-17,20-27,30-36,40-47,50-57,60-67,70-76"), 2));
    all.add(new DistributedCase(ok("allocate 31 full cores, 15 per NUMA node and 1 spilling to NUMA 2, 3 (balance)",
        multi, "0-8,10-18,20-39,40-48,50-58,60-79", 62, "0-7,10-17,20-27,30-37,40-46,50-56,60-67,70-77"), 1));
    all.add(new DistributedCase(ok("allocate 31 full cores, 14 per NUMA node and 2 spilling to NUMA 0, 2, 3 (balance)",
        multi, "0-8,10-18,20-39,40-48,50-58,60-79", 62, "0-7,10-16,20-27,30-37,40-47,50-56,60-67,70-77"), 2));
    all.add(new DistributedCase(ok("ensure bestRemainder chosen with NUMA nodes that have enough CPUs", multi,
        "0-3,10-13,20-23,30-36,40-43,50-53,60-63,70-76", 34, "0-3,10-13,20-23,30-34,40-43,50-53,60-63,70-74"), 1));
    all.add(new DistributedCase(ok("ensure previous failure encountered on live machine has been fixed",
        DUAL_SOCKET_MULTI_NUMA_PER_SOCKET_HT_LARGE,
        "0,128,30,31,158,159,43-47,171-175,62,63,190,191,75-79,203-207,94,96,222,223,101-111,229-239,126,127,254,255",
        28, "43-47,75-79,96,101-105,171-174,203-206,229-232"), 1));
    return all.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("packed")
  void packedAllocationMatchesUpstream(Case c) {
    check(c, () -> CpuAccumulator.takeByTopologyNumaPacked(c.topo, cpus(c.available), c.numCpus,
        CpuSortingStrategy.PACKED, false));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("uncore")
  void uncoreAlignedAllocationMatchesUpstream(Case c) {
    check(c, () -> CpuAccumulator.takeByTopologyNumaPacked(c.topo, cpus(c.available), c.numCpus,
        CpuSortingStrategy.PACKED, true));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("spread")
  void spreadAllocationMatchesUpstream(Case c) {
    check(c, () -> CpuAccumulator.takeByTopologyNumaPacked(c.topo, cpus(c.available), c.numCpus,
        CpuSortingStrategy.SPREAD, false));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("distributed")
  void distributedAllocationMatchesUpstream(DistributedCase d) {
    check(d.c, () -> NumaDistributedAllocation.take(d.c.topo, cpus(d.c.available), d.c.numCpus, d.groupSize,
        CpuSortingStrategy.PACKED));
  }

  private interface Take {
    CpuSet run();
  }

  private static void check(Case c, Take take) {
    if (c.expectedError != null) {
      assertThatThrownBy(take::run).isInstanceOf(CpuAllocationException.class).hasMessage(c.expectedError);
      return;
    }
    assertThat(take.run()).hasToString(cpus(c.expected).toString());
  }
}
