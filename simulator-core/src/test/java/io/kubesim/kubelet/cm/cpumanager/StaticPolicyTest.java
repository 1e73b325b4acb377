package io.kubesim.kubelet.cm.cpumanager;

import static io.kubesim.kubelet.cm.cpumanager.Fixtures.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kubesim.kubelet.cm.cpuset.CpuSet;
import io.kubesim.kubelet.cm.topology.CpuInfo;
import io.kubesim.kubelet.cm.topology.CpuTopology;
import io.kubesim.kubelet.cm.topologymanager.NumaMask;
import io.kubesim.kubelet.cm.topologymanager.TopologyHint;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class StaticPolicyTest {

  /** The machine of upstream's {@code TestGetTopologyHints}: NUMA 0 = cores {0,6},{1,7},{2,8}; NUMA 1 the rest. */
  static final CpuTopology HINTS_MACHINE = hintsMachine();

  private static CpuTopology hintsMachine() {
    List<CpuInfo> cpus = new ArrayList<>();
    for (int c = 0; c < 12; c++) {
      int core = c % 6;
      int node = core / 3;
      cpus.add(CpuInfo.withoutL3(c, core, node, node));
    }
    return CpuTopology.of(cpus);
  }

  static TopologyHint hint(String nodes, boolean preferred) {
    return new TopologyHint(NumaMask.of(cpus(nodes)), preferred);
  }

  record HintCase(String description, CpuTopology topo, Map<String, String> options, String shared, String allocated,
      int request, List<TopologyHint> expected) {
    @Override
    public String toString() {
      return description;
    }
  }

  static Stream<HintCase> hints() {
    CpuTopology m = HINTS_MACHINE;
    Map<String, String> none = Map.of();
    return Stream.of(
        new HintCase("Request 2 CPUs, 4 available on NUMA 0, 6 available on NUMA 1", m, none, "2-11", null, 2,
            List.of(hint("0", true), hint("1", true), hint("0-1", false))),
        new HintCase("Request 5 CPUs, 4 available on NUMA 0, 6 available on NUMA 1", m, none, "2-11", null, 5,
            List.of(hint("1", true), hint("0-1", false))),
        new HintCase("Request 7 CPUs, 4 available on NUMA 0, 6 available on NUMA 1", m, none, "2-11", null, 7,
            List.of(hint("0-1", true))),
        new HintCase("Request 11 CPUs, 4 available on NUMA 0, 6 available on NUMA 1", m, none, "2-11", null, 11,
            List.of()),
        new HintCase("Request 2 CPUs, 1 available on NUMA 0, 1 available on NUMA 1", m, none, "0,3", null, 2,
            List.of(hint("0-1", false))),
        new HintCase("Request more CPUs than available", m, none, "0-3", null, 5, List.of()),
        new HintCase("Regenerate Single-Node NUMA Hints if already allocated 1/2", m, none, "", "0,6", 2,
            List.of(hint("0", true), hint("0-1", false))),
        new HintCase("Regenerate Single-Node NUMA Hints if already allocated 2/2", m, none, "", "3,9", 2,
            List.of(hint("1", true), hint("0-1", false))),
        new HintCase("Regenerate Cross-NUMA Hints if already allocated", m, none, "", "0-10", 11,
            List.of(hint("0-1", true))),
        new HintCase("Requested less than already allocated", m, none, "", "0,3,6,9", 2, List.of()),
        new HintCase("Requested more than already allocated", m, none, "", "0,3,6,9", 11, List.of()),
        new HintCase("AlignBySocket:false, preferred hints do not contain socket aligned hints",
            DUAL_SOCKET_MULTI_NUMA_PER_SOCKET_HT, Map.of("align-by-socket", "false"), "2-3,11", null, 2,
            List.of(hint("0", true), hint("0-1", false), hint("0,2", false), hint("0,3", false), hint("0-2", false),
                hint("0-1,3", false), hint("0,2-3", false), hint("0-3", false))),
        new HintCase("AlignBySocket:true, preferred hints contain socket aligned hints",
            DUAL_SOCKET_MULTI_NUMA_PER_SOCKET_HT, Map.of("align-by-socket", "true"), "2-3,11", null, 2,
            List.of(hint("0", true), hint("0-1", true), hint("0,2", false), hint("0,3", false), hint("0-2", false),
                hint("0-1,3", false), hint("0,2-3", false), hint("0-3", false))),
        new HintCase("AlignBySocket:true, preferred hints are spread across sockets since 2 sockets are required",
            DUAL_SOCKET_MULTI_NUMA_PER_SOCKET_HT, Map.of("align-by-socket", "true"), "0-28,40-57", null, 41,
            List.of(hint("0-2", true), hint("0-3", true))));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("hints")
  void containerHintsMatchUpstream(HintCase c) {
    StaticPolicy p = new StaticPolicy(c.topo, CpuSet.EMPTY, CpuManagerPolicyOptions.parse(c.options));
    CpuManagerState s = new CpuManagerState(cpus(c.shared));
    if (c.allocated != null) s.setCpuSet("pod", "c", cpus(c.allocated));
    List<TopologyHint> got = p.getTopologyHints(s, "pod", "c", c.request).get(StaticPolicy.CPU);
    assertThat(got).containsExactlyInAnyOrderElementsOf(c.expected);
  }

  @ParameterizedTest(name = "pod scope: {0}")
  @MethodSource("hints")
  void podHintsOfASingleContainerPodAreTheContainersHints(HintCase c) {
    StaticPolicy p = new StaticPolicy(c.topo, CpuSet.EMPTY, CpuManagerPolicyOptions.parse(c.options));
    CpuManagerState s = new CpuManagerState(cpus(c.shared));
    if (c.allocated != null) s.setCpuSet("pod", "c", cpus(c.allocated));
    List<TopologyHint> got = p.getPodTopologyHints(s, "pod", Map.of("c", c.request), c.request).get(StaticPolicy.CPU);
    assertThat(got).containsExactlyInAnyOrderElementsOf(c.expected);
  }

  @Test
  void aContainerWithoutExclusiveCpusHasNoPreference() {
    StaticPolicy p = new StaticPolicy(HINTS_MACHINE, CpuSet.EMPTY, CpuManagerPolicyOptions.NONE);
    assertThat(p.getTopologyHints(new CpuManagerState(cpus("0-11")), "pod", "c", 0)).isNull();
    assertThat(p.getPodTopologyHints(new CpuManagerState(cpus("0-11")), "pod", Map.of("c", 0), 0)).isNull();
  }

  @Test
  void hintsOnlyNameMasksHoldingEveryReusableCpu() {
    StaticPolicy p = new StaticPolicy(HINTS_MACHINE, CpuSet.EMPTY, CpuManagerPolicyOptions.NONE);
    List<TopologyHint> hints = p.generateCpuTopologyHints(cpus("1-2,4-5"), cpus("0"), 3);
    assertThat(hints).containsExactlyInAnyOrder(hint("0", true), hint("0-1", false));
  }

  @Test
  void podHintsCountCpusAlreadyAssignedToOtherContainersAsReusable() {
    StaticPolicy p = new StaticPolicy(HINTS_MACHINE, CpuSet.EMPTY, CpuManagerPolicyOptions.NONE);
    CpuManagerState s = new CpuManagerState(cpus("1-2,4-5,7-8,10-11"));
    s.setCpuSet("pod", "first", cpus("3,9"));
    Map<String, Integer> requested = new LinkedHashMap<>();
    requested.put("first", 2);
    requested.put("second", 2);
    List<TopologyHint> hints = p.getPodTopologyHints(s, "pod", requested, 4).get(StaticPolicy.CPU);
    assertThat(hints).containsExactlyInAnyOrder(hint("1", true), hint("0-1", false));
  }

  record AlignCase(String description, int request, String affinity, String expected) {
    @Override
    public String toString() {
      return description;
    }
  }

  static Stream<AlignCase> topologyAware() {
    return Stream.of(
        new AlignCase("Request 2 CPUs, No BitMask", 2, null, "0,6"),
        new AlignCase("Request 2 CPUs, BitMask on Socket 0", 2, "0", "0,6"),
        new AlignCase("Request 2 CPUs, BitMask on Socket 1", 2, "1", "1,7"),
        new AlignCase("Request 8 CPUs, BitMask on Socket 0", 8, "0", "0-2,4,6-8,10"),
        new AlignCase("Request 8 CPUs, BitMask on Socket 1", 8, "1", "0-1,3,5-7,9,11"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("topologyAware")
  void cpusOnTheAffinitysNumaNodesComeFirst(AlignCase c) {
    StaticPolicy p = new StaticPolicy(DUAL_SOCKET_HT, CpuSet.EMPTY, CpuManagerPolicyOptions.NONE);
    CpuManagerState s = p.newState();
    p.allocate(s, "pod", "c", c.request, false, c.affinity == null ? null : NumaMask.of(cpus(c.affinity)));
    assertThat(s.cpuSet("pod", "c")).hasToString(cpus(c.expected).toString());
    assertThat(s.defaultCpuSet()).isEqualTo(cpus("0-11").difference(cpus(c.expected)));
  }

  @Test
  void alignBySocketWidensTheAffinityToWholeSockets() {
    StaticPolicy byNuma = new StaticPolicy(DUAL_SOCKET_MULTI_NUMA_PER_SOCKET_HT, cpus("0"), CpuManagerPolicyOptions.NONE);
    StaticPolicy bySocket = new StaticPolicy(DUAL_SOCKET_MULTI_NUMA_PER_SOCKET_HT, cpus("0"),
        CpuManagerPolicyOptions.parse(Map.of("align-by-socket", "true")));
    CpuManagerState a = new CpuManagerState(cpus("0,2,11,21-22"));
    CpuManagerState b = new CpuManagerState(cpus("0,2,11,21-22"));
    byNuma.allocate(a, "pod", "c", 2, false, NumaMask.of(0, 2));
    bySocket.allocate(b, "pod", "c", 2, false, NumaMask.of(0, 2));
    assertThat(a.cpuSet("pod", "c")).hasToString("2,21");
    assertThat(b.cpuSet("pod", "c")).hasToString("2,11");
  }

  @Test
  void fullPcpusOnlyRefusesRequestsThatAreNotWholeCores() {
    StaticPolicy p = new StaticPolicy(SINGLE_SOCKET_HT, cpus("0"),
        CpuManagerPolicyOptions.parse(Map.of("full-pcpus-only", "true")));
    CpuManagerState s = p.newState();
    assertThatThrownBy(() -> p.allocate(s, "pod", "c", 3, false, null)).isInstanceOf(SMTAlignmentError.class)
        .hasMessage("SMT Alignment Error: requested 3 cpus not multiple cpus per core = 2");
    assertThatThrownBy(() -> p.allocate(s, "pod", "c", 8, false, null)).isInstanceOf(SMTAlignmentError.class)
        .hasMessage("SMT Alignment Error: not enough free physical CPUs: available physical CPUs = 6, "
            + "requested CPUs = 8, CPUs per core = 2")
        .satisfies(e -> assertThat(((SMTAlignmentError) e).type()).isEqualTo("SMTAlignmentError"));
    assertThat(s.defaultCpuSet()).hasToString("0-7");
  }

  @Test
  void fullPcpusOnlyMayStillHandOutSiblingsOfReservedCpusWhenTheAffinityLeavesNothingElse() {
    // Upstream keeps the siblings of reserved CPUs allocatable and only counts them out in the
    // admission check, so a NUMA-aligned request can split cores when reserved CPUs split cores.
    CpuTopology t = io.kubesim.kubelet.cm.topology.CpuTopologies.linuxNumbered(2, 4, 2, 1, 4,
        io.kubesim.kubelet.cm.topology.NumaDistances.socketed(2, 1, 20, 20));
    StaticPolicy p = new StaticPolicy(t, cpus("1,6,11"),
        CpuManagerPolicyOptions.parse(Map.of("full-pcpus-only", "true", "strict-cpu-reservation", "true")));
    CpuManagerState s = new CpuManagerState(cpus("3-5,7,9,12-15"));
    p.allocate(s, "pod", "c", 2, false, NumaMask.of(0));
    assertThat(s.cpuSet("pod", "c")).as("CPU 3 shares a core with 11, CPU 9 with 1").hasToString("3,9");
  }

  @Test
  void theSmtCheckRunsEvenForAContainerThatAlreadyHasCpus() {
    StaticPolicy p = new StaticPolicy(SINGLE_SOCKET_HT, CpuSet.EMPTY,
        CpuManagerPolicyOptions.parse(Map.of("full-pcpus-only", "true")));
    CpuManagerState s = p.newState();
    s.setCpuSet("pod", "c", cpus("0-2"));
    assertThatThrownBy(() -> p.allocate(s, "pod", "c", 3, false, null)).isInstanceOf(SMTAlignmentError.class);
  }

  @Test
  void notEnoughCpusIsAPlainAllocationError() {
    StaticPolicy p = new StaticPolicy(SINGLE_SOCKET_HT, cpus("0"), CpuManagerPolicyOptions.NONE);
    assertThatThrownBy(() -> p.allocate(p.newState(), "pod", "c", 8, false, null))
        .isInstanceOf(CpuAllocationException.class)
        .hasMessage("not enough cpus available to satisfy request: requested=8, available=7");
  }

  @Test
  void reservedCpusStayInTheSharedPoolUnlessReservationIsStrict() {
    StaticPolicy loose = new StaticPolicy(SINGLE_SOCKET_HT, cpus("0,4"), CpuManagerPolicyOptions.NONE);
    StaticPolicy strict = new StaticPolicy(SINGLE_SOCKET_HT, cpus("0,4"),
        CpuManagerPolicyOptions.parse(Map.of("strict-cpu-reservation", "true")));
    assertThat(loose.newState().defaultCpuSet()).hasToString("0-7");
    assertThat(strict.newState().defaultCpuSet()).hasToString("1-3,5-7");
    assertThat(loose.availableCpus(loose.newState())).hasToString("1-3,5-7");
  }

  @Test
  void withoutAnExplicitListTheAlgorithmChoosesTheReservedCpus() {
    StaticPolicy p = StaticPolicy.create(SINGLE_SOCKET_HT, 2, CpuSet.EMPTY, CpuManagerPolicyOptions.NONE);
    assertThat(p.reservedCpus()).hasToString("0,4");
    assertThat(StaticPolicy.create(SINGLE_SOCKET_HT, 1, CpuSet.EMPTY, CpuManagerPolicyOptions.NONE)
        .reservedPhysicalCpus()).hasToString("0,4");
    assertThatThrownBy(() -> StaticPolicy.create(SINGLE_SOCKET_HT, 2, cpus("0"), CpuManagerPolicyOptions.NONE))
        .hasMessage("[cpumanager] unable to reserve the required amount of CPUs (size of 0 did not equal 2)");
    assertThatThrownBy(() -> new StaticPolicy(SINGLE_SOCKET_HT, cpus("9"), CpuManagerPolicyOptions.NONE))
        .hasMessageContaining("unknown CPU ID: 9");
  }

  @Test
  void initContainerCpusAreReusedByTheAppContainers() {
    StaticPolicy p = new StaticPolicy(SINGLE_SOCKET_HT, CpuSet.EMPTY, CpuManagerPolicyOptions.NONE);
    CpuManagerState s = p.newState();
    p.allocate(s, "pod", "init", 4, true, null);
    assertThat(s.cpuSet("pod", "init")).hasToString("0-1,4-5");
    p.allocate(s, "pod", "app", 2, false, null);
    assertThat(s.cpuSet("pod", "app")).as("taken from the init container's CPUs").hasToString("0,4");
    assertThat(s.cpusToReuse("pod")).hasToString("1,5");
    assertThat(s.defaultCpuSet()).hasToString("2-3,6-7");
  }

  @Test
  void sidecarCpusAreNeverReused() {
    StaticPolicy p = new StaticPolicy(SINGLE_SOCKET_HT, CpuSet.EMPTY, CpuManagerPolicyOptions.NONE);
    CpuManagerState s = p.newState();
    p.allocate(s, "pod", "sidecar", 2, false, null);
    p.allocate(s, "pod", "app", 2, false, null);
    assertThat(s.cpuSet("pod", "app")).isNotEqualTo(s.cpuSet("pod", "sidecar"));
    assertThat(s.cpusToReuse("pod")).isEmpty();
  }

  @Test
  void removingAContainerKeepsCpusAnotherContainerOfThePodStillHolds() {
    StaticPolicy p = new StaticPolicy(SINGLE_SOCKET_HT, CpuSet.EMPTY, CpuManagerPolicyOptions.NONE);
    CpuManagerState s = p.newState();
    p.allocate(s, "pod", "init", 2, true, null);
    p.allocate(s, "pod", "app", 2, false, null);
    assertThat(p.removeContainer(s, "pod", "init")).as("the app container still runs on them").isEmpty();
    assertThat(p.removeContainer(s, "pod", "app")).hasToString("0,4");
    assertThat(s.defaultCpuSet()).hasToString("0-7");
    assertThat(s.assignments()).isEmpty();
  }

  @Test
  void anAlreadyAllocatedContainerKeepsItsCpus() {
    StaticPolicy p = new StaticPolicy(SINGLE_SOCKET_HT, CpuSet.EMPTY, CpuManagerPolicyOptions.NONE);
    CpuManagerState s = new CpuManagerState(cpus("0-5"));
    s.setCpuSet("pod", "c", cpus("6-7"));
    p.allocate(s, "pod", "c", 2, false, null);
    assertThat(s.cpuSet("pod", "c")).hasToString("6-7");
    assertThat(s.defaultCpuSet()).hasToString("0-5");
  }
}
