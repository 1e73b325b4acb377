package io.kubesim.kubelet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.kubesim.kubelet.cm.cpuset.CpuSet;
import io.kubesim.kubelet.cm.topology.CpuTopologies;
import io.kubesim.kubelet.cm.topology.CpuTopology;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NodeCpuAdmissionTest {

  static final long GI = 1L << 30;

  /** 12 CPUs, 2 NUMA nodes of 6: even CPUs node 0, odd node 1; core c = {c, c+6}. */
  static final CpuTopology DUAL = CpuTopologies.K8S_DUAL_SOCKET_HT;

  static KubeletConfiguration staticPolicy(String tmPolicy, String reserved) {
    return KubeletConfiguration.DEFAULT.withCpuManagerPolicy("static").withReservedSystemCPUs(reserved)
        .withTopologyManagerPolicy(tmPolicy);
  }

  static PodResources guaranteed(String uid, int... cpus) {
    ContainerResources[] cs = new ContainerResources[cpus.length];
    for (int i = 0; i < cpus.length; i++) cs[i] = ContainerResources.app("c" + i, cpus[i] * 1000L, GI);
    return PodResources.of(uid, List.of(cs));
  }

  @Test
  void aGuaranteedPodGetsExclusiveCpusOnOneNumaNodeUnderSingleNumaNode() {
    NodeCpuAdmission node = new NodeCpuAdmission(DUAL, staticPolicy("single-numa-node", "0"));
    assertThat(node.admit(guaranteed("p", 4))).isEqualTo(PodAdmitResult.ADMITTED);
    CpuSet cpus = node.exclusiveCpus("p").get("c0");
    assertThat(cpus).as("NUMA 0 is the numerically smaller of two preferred single nodes").hasToString("2,4,8,10");
    assertThat(node.affinity("p", "c0").numaNodeAffinity()).hasToString("0");
    assertThat(node.sharedPool()).isEqualTo(DUAL.details().cpus().difference(cpus));
  }

  @Test
  void aRequestNoNumaNodeCanHoldIsRejectedAndKeepsNothing() {
    NodeCpuAdmission node = new NodeCpuAdmission(DUAL, staticPolicy("single-numa-node", "0"));
    PodAdmitResult r = node.admit(guaranteed("p", 2, 7));
    assertThat(r).isEqualTo(new PodAdmitResult(false, "TopologyAffinityError",
        "Resources cannot be allocated with Topology locality"));
    assertThat(node.sharedPool()).hasToString("0-11");
    assertThat(node.exclusiveCpus("p")).isEmpty();
    assertThat(node.isAdmitted("p")).isFalse();
  }

  @Test
  void bestEffortAdmitsAcrossNumaNodes() {
    NodeCpuAdmission node = new NodeCpuAdmission(DUAL, staticPolicy("best-effort", "0"));
    assertThat(node.admit(guaranteed("p", 8)).admit()).isTrue();
    assertThat(node.pinning("p", "c0").numaNodes()).hasToString("0-1");
  }

  @Test
  void anOddRequestUnderFullPcpusOnlyIsAnSmtAlignmentError() {
    NodeCpuAdmission node = new NodeCpuAdmission(DUAL, staticPolicy("none", "0")
        .withCpuManagerPolicyOptions(Map.of("full-pcpus-only", "true")));
    PodAdmitResult r = node.admit(guaranteed("p", 3));
    assertThat(r.reason()).isEqualTo("SMTAlignmentError");
    assertThat(r.message()).isEqualTo("SMT Alignment Error: requested 3 cpus not multiple cpus per core = 2");
  }

  @Test
  void runningOutOfCpusIsAnUnexpectedAdmissionError() {
    NodeCpuAdmission node = new NodeCpuAdmission(DUAL, staticPolicy("none", "0"));
    PodAdmitResult r = node.admit(guaranteed("p", 12));
    assertThat(r).isEqualTo(new PodAdmitResult(false, "UnexpectedAdmissionError",
        "Allocate failed due to not enough cpus available to satisfy request: requested=12, available=11, "
            + "which is unexpected"));
  }

  @Test
  void aFailingSecondContainerReleasesWhatTheFirstTook() {
    NodeCpuAdmission node = new NodeCpuAdmission(DUAL, staticPolicy("none", "0"));
    assertThat(node.admit(guaranteed("p", 4, 8)).admit()).isFalse();
    assertThat(node.sharedPool()).hasToString("0-11");
  }

  @Test
  void burstableAndFractionalContainersRunOnTheSharedPool() {
    NodeCpuAdmission node = new NodeCpuAdmission(DUAL, staticPolicy("restricted", "0"));
    PodResources pod = PodResources.of("p", List.of(ContainerResources.app("half", 500, GI)));
    assertThat(node.admit(pod).admit()).isTrue();
    PinningQuality q = node.pinning("p", "half");
    assertThat(q.exclusive()).isFalse();
    assertThat(q.cpus()).hasToString("0-11");
    assertThat(node.affinity("p", "half").numaNodeAffinity()).as("no preference merges to every node")
        .hasToString("0-1");
    assertThat(node.release("p")).isEmpty();
  }

  @Test
  void releaseReturnsExactlyWhatThePodTook() {
    NodeCpuAdmission node = new NodeCpuAdmission(DUAL, staticPolicy("best-effort", "0"));
    CpuSet before = node.sharedPool();
    node.admit(guaranteed("p", 2, 3));
    CpuSet taken = before.difference(node.sharedPool());
    assertThat(taken.size()).isEqualTo(5);
    assertThat(node.release("p")).isEqualTo(taken);
    assertThat(node.sharedPool()).isEqualTo(before);
    assertThat(node.release("p")).as("a second release finds nothing").isEmpty();
  }

  @Test
  void appContainersReuseTheCpusOfAFinishedInitContainer() {
    NodeCpuAdmission node = new NodeCpuAdmission(DUAL, staticPolicy("single-numa-node", "0"));
    PodResources pod = PodResources.of("p", List.of(ContainerResources.initContainer("setup", 4000, GI),
        ContainerResources.app("main", 4000, GI)));
    assertThat(node.admit(pod).admit()).isTrue();
    Map<String, CpuSet> cpus = node.exclusiveCpus("p");
    assertThat(cpus.get("main")).isEqualTo(cpus.get("setup"));
    assertThat(node.release("p")).isEqualTo(cpus.get("main"));
  }

  @Test
  void podScopeAlignsTheWholePodToOneNumaNode() {
    NodeCpuAdmission node = new NodeCpuAdmission(DUAL, staticPolicy("single-numa-node", "0")
        .withTopologyManagerScope("pod"));
    assertThat(node.admit(guaranteed("p", 2, 3)).admit()).isTrue();
    assertThat(node.pinning("p", "c0").numaNodes()).isEqualTo(node.pinning("p", "c1").numaNodes());
    assertThat(node.admit(guaranteed("q", 4, 3)).reason()).as("7 CPUs fit no single node")
        .isEqualTo("TopologyAffinityError");
  }

  @Test
  void pinningReportsSpanSharingAndMemoryCost() {
    NodeCpuAdmission node = new NodeCpuAdmission(CpuTopologies.EPYC_2S_64C_NPS4,
        staticPolicy("best-effort", "0,128"));
    node.admit(guaranteed("a", 3));
    PinningQuality a = node.pinning("a", "c0");
    assertThat(a.cpus()).hasToString("1-2,129");
    assertThat(a.numaNodes()).hasToString("0");
    assertThat(a.sockets()).hasToString("0");
    assertThat(a.uncoreCaches()).hasToString("0");
    assertThat(a.sharesPhysicalCore()).as("CPU 130 is the idle sibling of CPU 2, in the shared pool").isTrue();
    assertThat(a.memoryAccessCost()).isEqualTo(1.0);

    node.admit(guaranteed("b", 36));
    PinningQuality b = node.pinning("b", "c0");
    assertThat(b.numaNodes().size()).isEqualTo(2);
    assertThat(b.memoryAccessCost()).isGreaterThan(1.0);
    node.admit(guaranteed("c", 2));
    assertThat(node.pinning("c", "c0").sharesPhysicalCore()).as("a whole core").isFalse();
  }

  @Test
  void memoryAccessCostWeighsTheNumaDistances() {
    NodeCpuAdmission node = new NodeCpuAdmission(CpuTopologies.XEON_2S_32C, staticPolicy("none", "0"));
    node.admit(guaranteed("big", 127));
    PinningQuality q = node.pinning("big", "c0");
    assertThat(q.numaNodes()).hasToString("0-1");
    // 63 CPUs on node 0 and 64 on node 1, each averaging (10 + 21) / 2 over the two nodes.
    assertThat(q.memoryAccessCost()).isCloseTo(1.55, within(1e-9));
  }

  @Test
  void strandedCpusDependOnTheConfiguredAlignment() {
    NodeCpuAdmission bestEffort = new NodeCpuAdmission(DUAL, staticPolicy("best-effort", "0"));
    assertThat(bestEffort.strandedCpus(4).size()).as("11 CPUs, two pods of 4").isEqualTo(3);
    NodeCpuAdmission single = new NodeCpuAdmission(DUAL, staticPolicy("single-numa-node", "0"));
    assertThat(single.strandedCpus(4).size()).as("one pod per NUMA node of 5 and 6").isEqualTo(3);
    assertThat(single.strandedCpus(5).size()).as("one pod per node").isEqualTo(1);
    NodeCpuAdmission smt = new NodeCpuAdmission(DUAL, staticPolicy("none", "0")
        .withCpuManagerPolicyOptions(Map.of("full-pcpus-only", "true")));
    assertThat(smt.strandedCpus(3).size()).as("odd requests never fit").isEqualTo(11);
    assertThat(smt.strandedCpus(2)).as("CPU 6 shares the reserved core").hasToString("6");
    assertThat(single.sharedPool()).as("the question leaves the node untouched").hasToString("0-11");
    assertThat(new NodeCpuAdmission(DUAL, KubeletConfiguration.DEFAULT).strandedCpus(4)).isEmpty();
  }

  @Test
  void policyNoneSharesEveryCpu() {
    NodeCpuAdmission node = new NodeCpuAdmission(DUAL, KubeletConfiguration.DEFAULT);
    assertThat(node.admit(guaranteed("p", 4)).admit()).isTrue();
    assertThat(node.exclusiveCpus("p")).isEmpty();
    assertThat(node.pinning("p", "c0").cpus()).hasToString("0-11");
    assertThat(node.release("p")).isEmpty();
  }

  @Test
  void theKubeletRefusesToStartWithInvalidCombinations() {
    assertThatThrownBy(() -> new NodeCpuAdmission(DUAL, KubeletConfiguration.DEFAULT.withCpuManagerPolicy("static")))
        .isInstanceOf(KubeletConfigurationException.class).hasMessageContaining("greater than zero");
    assertThatThrownBy(() -> new NodeCpuAdmission(DUAL, staticPolicy("single-numa-node", "0")
        .withCpuManagerPolicyOptions(Map.of("align-by-socket", "true"))
        .withFeatureGates(Map.of("CPUManagerPolicyAlphaOptions", true))))
        .hasMessage("new static policy error: Topolgy manager single-numa-node policy is incompatible with "
            + "CPUManager align-by-socket policy option");
    assertThatThrownBy(() -> new NodeCpuAdmission(DUAL, staticPolicy("none", "0")
        .withCpuManagerPolicyOptions(Map.of("align-by-socket", "true"))))
        .hasMessageContaining("Alpha-level Options not enabled");
    assertThatThrownBy(() -> new NodeCpuAdmission(DUAL, staticPolicy("none", "0,99")))
        .hasMessageContaining("unknown CPU ID: 99");
    assertThatThrownBy(() -> new NodeCpuAdmission(CpuTopologies.EPYC_2S_64C_NPS4, staticPolicy("restricted", "0")
        .withTopologyManagerPolicyOptions(Map.of("max-allowable-numa-nodes", "4"))))
        .hasMessageContaining("should not be less than 8");
  }

  @Test
  void aPodCannotBeAdmittedTwice() {
    NodeCpuAdmission node = new NodeCpuAdmission(DUAL, staticPolicy("none", "0"));
    node.admit(guaranteed("p", 1));
    assertThatThrownBy(() -> node.admit(guaranteed("p", 1))).hasMessageContaining("already admitted");
  }
}
