package io.kubesim.kubelet.cm.cpumanager;

import static io.kubesim.kubelet.cm.cpumanager.Fixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.kubesim.kubelet.cm.cpuset.CpuSet;
import io.kubesim.kubelet.cm.topology.CpuTopology;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Upstream's {@code TestCPUAccumulatorFree*} and {@code TestCPUAccumulatorTake} tables. */
class CpuAccumulatorTest {

  record Free(String description, CpuTopology topo, String available, List<Integer> expect) {
    @Override
    public String toString() {
      return description;
    }
  }

  static Stream<Free> freeSockets() {
    CpuTopology fake = FAKE_MULTI_SOCKET_DUAL_SOCKET_PER_NUMA_HT;
    CpuTopology multi = DUAL_SOCKET_MULTI_NUMA_PER_SOCKET_HT;
    return Stream.of(
        new Free("single socket HT, 1 socket free", SINGLE_SOCKET_HT, "0-7", List.of(0)),
        new Free("single socket HT, 0 sockets free", SINGLE_SOCKET_HT, "1-7", List.of()),
        new Free("dual socket HT, 2 sockets free", DUAL_SOCKET_HT, "0-11", List.of(0, 1)),
        new Free("dual socket HT, 1 socket free", DUAL_SOCKET_HT, "0-9,11", List.of(1)),
        new Free("dual socket HT, 0 sockets free", DUAL_SOCKET_HT, "0,2-9,11", List.of()),
        new Free("dual socket, multi numa per socket, HT, 2 sockets free", multi, "0-79", List.of(0, 1)),
        new Free("dual socket, multi numa per socket, HT, 1 sockets free", multi, "1-79", List.of(1)),
        new Free("dual socket, multi numa per socket, HT, 0 sockets free", multi, "1-78", List.of()),
        new Free("dual numa, multi socket per numa, HT, 4 sockets free", fake, "0-79", List.of(0, 1, 2, 3)),
        new Free("dual numa, multi socket per numa, HT, 3 sockets free", fake, "0-19,21-79", List.of(0, 1, 3)),
        new Free("dual numa, multi socket per numa, HT, 2 sockets free", fake, "0-59,61-78", List.of(0, 1)),
        new Free("dual numa, multi socket per numa, HT, 1 sockets free", fake, "1-19,21-38,41-60,61-78", List.of(1)),
        new Free("dual numa, multi socket per numa, HT, 0 sockets free", fake, "0-40,42-49,51-68,71-79", List.of()));
  }

  static Stream<Free> freeNumaNodes() {
    CpuTopology fake = FAKE_MULTI_SOCKET_DUAL_SOCKET_PER_NUMA_HT;
    CpuTopology multi = DUAL_SOCKET_MULTI_NUMA_PER_SOCKET_HT;
    return Stream.of(
        new Free("single socket HT, 1 NUMA node free", SINGLE_SOCKET_HT, "0-7", List.of(0)),
        new Free("single socket HT, 0 NUMA Node free", SINGLE_SOCKET_HT, "1-7", List.of()),
        new Free("dual socket HT, 2 NUMA Node free", DUAL_SOCKET_HT, "0-11", List.of(0, 1)),
        new Free("dual socket HT, 1 NUMA Node free", DUAL_SOCKET_HT, "0-9,11", List.of(1)),
        new Free("dual socket HT, 0 NUMA node free", DUAL_SOCKET_HT, "0,2-9,11", List.of()),
        new Free("dual socket, multi numa per socket, HT, 4 NUMA Node free", multi, "0-79", List.of(0, 1, 2, 3)),
        new Free("dual socket, multi numa per socket, HT, 3 NUMA node free", multi, "1-79", List.of(1, 2, 3)),
        new Free("dual socket, multi numa per socket, HT, 2 NUMA node free", multi, "1-9,11-79", List.of(2, 3)),
        new Free("dual socket, multi numa per socket, HT, 1 NUMA node free", multi, "1-9,11-59,61-79", List.of(3)),
        new Free("dual socket, multi numa per socket, HT, 0 NUMA node free", multi, "1-9,11-59,61-78", List.of()),
        new Free("dual numa, multi socket per numa, HT, 2 NUMA node free", fake, "0-79", List.of(0, 1)),
        new Free("dual numa, multi socket per numa, HT, 1 NUMA node free", fake, "0-9,11-79", List.of(1)),
        new Free("dual numa, multi socket per numa, HT, 0 NUMA node free", fake, "0-9,11-59,61-79", List.of()));
  }

  static Stream<Free> freeCores() {
    return Stream.of(
        new Free("single socket HT, 4 cores free", SINGLE_SOCKET_HT, "0-7", List.of(0, 1, 2, 3)),
        new Free("single socket HT, 3 cores free", SINGLE_SOCKET_HT, "0-2,4-6", List.of(0, 1, 2)),
        new Free("single socket HT, 3 cores free (1 partially consumed)", SINGLE_SOCKET_HT, "0-6", List.of(0, 1, 2)),
        new Free("single socket HT, 0 cores free", SINGLE_SOCKET_HT, "", List.of()),
        new Free("single socket HT, 0 cores free (4 partially consumed)", SINGLE_SOCKET_HT, "0-3", List.of()),
        new Free("dual socket HT, 6 cores free", DUAL_SOCKET_HT, "0-11", List.of(0, 2, 4, 1, 3, 5)),
        new Free("dual socket HT, 5 cores free (1 consumed from socket 0)", DUAL_SOCKET_HT, "1-5,7-11",
            List.of(2, 4, 1, 3, 5)),
        new Free("dual socket HT, 4 cores free (1 consumed from each socket)", DUAL_SOCKET_HT, "2-5,8-11",
            List.of(2, 4, 3, 5)));
  }

  static Stream<Free> freeCpus() {
    return Stream.of(
        new Free("single socket HT, 8 cpus free", SINGLE_SOCKET_HT, "0-7", List.of(0, 4, 1, 5, 2, 6, 3, 7)),
        new Free("single socket HT, 5 cpus free", SINGLE_SOCKET_HT, "3-7", List.of(4, 5, 6, 3, 7)),
        new Free("dual socket HT, 12 cpus free", DUAL_SOCKET_HT, "0-11", List.of(0, 6, 2, 8, 4, 10, 1, 7, 3, 9, 5, 11)),
        new Free("dual socket HT, 11 cpus free", DUAL_SOCKET_HT, "1-11", List.of(6, 2, 8, 4, 10, 1, 7, 3, 9, 5, 11)),
        new Free("dual socket HT, 10 cpus free", DUAL_SOCKET_HT, "1-5,7-11", List.of(2, 8, 4, 10, 1, 7, 3, 9, 5, 11)),
        new Free("triple socket HT, 12 cpus free", TRIPLE_SOCKET_HT, "0-3,6-13",
            List.of(12, 13, 0, 1, 2, 3, 6, 7, 8, 9, 10, 11)));
  }

  private static void check(Free f, Function<CpuAccumulator, List<Integer>> query, boolean sorted) {
    CpuAccumulator acc = new CpuAccumulator(f.topo, cpus(f.available), 0, CpuSortingStrategy.PACKED);
    List<Integer> got = query.apply(acc);
    if (sorted) got = got.stream().sorted().toList();
    assertThat(got).isEqualTo(f.expect);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("freeSockets")
  void freeSocketsAreThoseWithAllCpusFree(Free f) {
    check(f, CpuAccumulator::freeSockets, true);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("freeNumaNodes")
  void freeNumaNodesComeInSortedOrder(Free f) {
    check(f, CpuAccumulator::freeNumaNodes, false);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("freeCores")
  void freeCoresComeInSortedOrder(Free f) {
    check(f, CpuAccumulator::freeCores, false);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("freeCpus")
  void freeCpusComeFullestDomainFirst(Free f) {
    check(f, CpuAccumulator::sortAvailableCpusPacked, false);
  }

  @Test
  void takingCountsTowardsSatisfactionAndRemovesFromTheFreeCpus() {
    CpuAccumulator acc = new CpuAccumulator(SINGLE_SOCKET_HT, cpus("0-7"), 2, CpuSortingStrategy.PACKED);
    acc.take(CpuSet.of(0));
    assertThat(acc.isSatisfied()).isFalse();
    assertThat(acc.free().contains(0)).isFalse();
    acc.take(CpuSet.of(1));
    assertThat(acc.isSatisfied()).isTrue();
    assertThat(acc.result()).hasToString("0-1");
  }

  @Test
  void anAccumulatorFailsWhenFewerCpusAreFreeThanStillNeeded() {
    CpuAccumulator acc = new CpuAccumulator(SINGLE_SOCKET_HT, cpus("0-2"), 4, CpuSortingStrategy.PACKED);
    acc.take(CpuSet.of(0));
    acc.take(CpuSet.of(1));
    assertThat(acc.isFailed()).isTrue();
    assertThat(new CpuAccumulator(SINGLE_SOCKET_HT, CpuSet.EMPTY, 1, CpuSortingStrategy.PACKED).isFailed()).isTrue();
    assertThat(new CpuAccumulator(SINGLE_SOCKET_HT, cpus("0-7"), 1, CpuSortingStrategy.PACKED).isFailed()).isFalse();
  }

  @Test
  void theStandardDeviationRoundsToThreeDecimals() {
    assertThat(NumaDistributedAllocation.standardDeviation(List.of(1, 2))).isEqualTo(0.5);
    assertThat(NumaDistributedAllocation.standardDeviation(List.of(1, 2, 2))).isEqualTo(0.471);
    assertThat(NumaDistributedAllocation.standardDeviation(List.of(5, 5, 5))).isEqualTo(0.0);
  }
}
