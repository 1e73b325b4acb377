package io.kubesim.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubesim.api.Container;
import io.kubesim.api.Node;
import io.kubesim.api.NodeStatus;
import io.kubesim.api.ObjectMeta;
import io.kubesim.api.Pod;
import io.kubesim.api.PodSpec;
import io.kubesim.api.PodStatus;
import io.kubesim.api.Quantity;
import io.kubesim.api.ResourceRequirements;
import io.kubesim.kubelet.KubeletConfiguration;
import io.kubesim.kubelet.NodeCpuAdmission;
import io.kubesim.kubelet.cm.topology.CpuTopologies;
import io.kubesim.sim.KubeletAdmitter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PinningSummaryTest {
  /** 2 sockets × 32 cores × 2 threads, one NUMA node per socket: 64 CPUs per NUMA node; container scope. */
  static final KubeletConfiguration STATIC = KubeletConfiguration.DEFAULT.withCpuManagerPolicy("static").withReservedSystemCPUs("0")
      .withTopologyManagerPolicy("single-numa-node");

  static Node node(String name) {
    return new Node(new ObjectMeta(name, "", null, Map.of(), null, null, null, null), null, new NodeStatus(null, Map.of()));
  }

  static int uids;

  /** A Guaranteed pod with one container per CPU count. */
  static Pod pod(String nodeName, int... cpus) {
    List<Container> containers = new ArrayList<>();
    for (int i = 0; i < cpus.length; i++) {
      Map<String, Quantity> r = Map.of("cpu", Quantity.of(cpus[i]), "memory", Quantity.parse("1Gi"));
      containers.add(new Container("c" + i, "img", new ResourceRequirements(r, r), null, null));
    }
    ObjectMeta m = ObjectMeta.named("default", "p" + (++uids));
    m = new ObjectMeta(m.name(), m.namespace(), "uid-" + uids, m.labels(), m.annotations(), m.ownerReferences(), null, null);
    return new Pod(m, new PodSpec(nodeName, null, null, null, null, null, containers, null, null, null, null, null), PodStatus.PENDING);
  }

  @Test
  void summarisesAlignmentPerExclusiveContainerAndStrandedCpusPerSizeAndNode() {
    KubeletAdmitter kubelets = new KubeletAdmitter();
    kubelets.put("a", new NodeCpuAdmission(CpuTopologies.XEON_2S_32C, STATIC));
    kubelets.put("b", new NodeCpuAdmission(CpuTopologies.XEON_2S_32C, STATIC));
    // Two 40-CPU containers cannot share a 64-CPU NUMA node, but each stays within one.
    assertThat(kubelets.admit(pod("a", 40, 40), node("a")).admitted()).isTrue();
    assertThat(kubelets.admit(pod("b", 4), node("b")).admitted()).isTrue();

    PinningSummary p = PinningSummary.of(kubelets, Map.of("TopologyAffinityError", 2), 60);
    assertThat(p.nodes()).isEqualTo(2);
    assertThat(p.pinnedPods()).isEqualTo(2);
    assertThat(p.numaAligned()).isEqualTo(2);
    assertThat(p.socketAligned()).isEqualTo(2);
    assertThat(p.numaAlignedShare()).isEqualTo(1.0);
    assertThat(p.freeExclusiveCpus()).isEqualTo(2 * 127 - 84);
    assertThat(p.admissionFailures()).containsExactly(Map.entry("TopologyAffinityError", 2));
    assertThat(p.strandedCpusByNode()).containsOnlyKeys(4, 40, 60);
    assertThat(p.strandedCpusByNode().get(4)).containsOnlyKeys("a", "b");
    assertThat(p.strandedCpus()).containsOnlyKeys(4, 40, 60);
    assertThat(p.strandedCpus().get(60)).isEqualTo(p.strandedCpusByNode().get(60).get("a") + p.strandedCpusByNode().get(60).get("b"));
    assertThat(p.meanMemoryAccessCost()).isEqualTo(1.0);
  }

  @Test
  void withoutPinnedPodsTheSharesAndTheCostAreNull() {
    KubeletAdmitter kubelets = new KubeletAdmitter();
    kubelets.put("a", new NodeCpuAdmission(CpuTopologies.XEON_2S_32C, STATIC));
    PinningSummary p = PinningSummary.of(kubelets, Map.of());
    assertThat(p.pinnedPods()).isZero();
    assertThat(p.numaAlignedShare()).isNull();
    assertThat(p.socketAlignedShare()).isNull();
    assertThat(p.meanMemoryAccessCost()).isNull();
    assertThat(p.freeExclusiveCpus()).isEqualTo(127);
    assertThat(p.strandedCpusByNode()).isEmpty();
  }

  @Test
  void failuresCanBeReadOffThePodsLeftInTheCluster() {
    KubeletAdmitter kubelets = new KubeletAdmitter();
    Pod failed = pod("a", 2).withStatus(new PodStatus("Failed", null, List.of(), "SMTAlignmentError", "odd"));
    PinningSummary p = PinningSummary.of(kubelets, List.of(failed, pod("a", 1)), 8);
    assertThat(p.admissionFailures()).containsExactly(Map.entry("SMTAlignmentError", 1));
    assertThat(p.nodes()).isZero();
    assertThat(p.strandedCpusByNode()).containsOnlyKeys(8);
  }
}
