package io.kubesim.kubelet.cm.topologymanager;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kubesim.kubelet.cm.admission.AdmissionError;
import io.kubesim.kubelet.cm.admission.UnexpectedAdmissionError;
import io.kubesim.kubelet.cm.cpuset.CpuSet;
import io.kubesim.kubelet.cm.topology.NumaDistances;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TopologyManagerTest {

  static final NumaInfo TWO_NODES = new NumaInfo(CpuSet.range(0, 1), NumaDistances.linuxDefault(CpuSet.range(0, 1)));

  /** Hands out fixed hints per container and records what it was asked. */
  static final class FakeProvider implements HintProvider<String, String> {
    final Map<String, List<TopologyHint>> containerHints;
    final List<TopologyHint> podHints;
    final List<String> calls = new ArrayList<>();
    String failOn;

    FakeProvider(Map<String, List<TopologyHint>> containerHints, List<TopologyHint> podHints) {
      this.containerHints = containerHints;
      this.podHints = podHints;
    }

    @Override
    public Map<String, List<TopologyHint>> getTopologyHints(String pod, String container) {
      calls.add("hints " + container);
      return Map.of("cpu", containerHints.get(container));
    }

    @Override
    public Map<String, List<TopologyHint>> getPodTopologyHints(String pod) {
      calls.add("pod hints");
      return Map.of("cpu", podHints);
    }

    @Override
    public void allocate(String pod, String container, TopologyHint affinity) {
      calls.add("allocate " + container + " " + affinity.numaNodeAffinity());
      if (container.equals(failOn)) throw new IllegalStateException("boom");
    }
  }

  static TopologyHint h(int node) {
    return new TopologyHint(NumaMask.of(node), true);
  }

  static TopologyManager manager(String policy, String scope) {
    return TopologyManager.create(TWO_NODES, policy, scope, Map.of());
  }

  @Test
  void containerScopeMergesAndAllocatesContainerByContainer() {
    FakeProvider p = new FakeProvider(Map.of("init", List.of(h(1)), "app", List.of(h(0))), List.of());
    List<TopologyHint> affinities = manager("restricted", "container").admit("pod", List.of("init", "app"), List.of(p));
    assertThat(p.calls).containsExactly("hints init", "allocate init 1", "hints app", "allocate app 0");
    assertThat(affinities).containsExactly(h(1), h(0));
  }

  @Test
  void podScopeMergesOnceAndGivesEveryContainerTheSameAffinity() {
    FakeProvider p = new FakeProvider(Map.of(), List.of(h(1)));
    List<TopologyHint> affinities = manager("single-numa-node", "pod").admit("pod", List.of("a", "b"), List.of(p));
    assertThat(p.calls).containsExactly("pod hints", "allocate a 1", "allocate b 1");
    assertThat(affinities).containsExactly(h(1), h(1));
  }

  @Test
  void policyNoneGathersNoHints() {
    FakeProvider p = new FakeProvider(Map.of(), List.of());
    manager("none", "pod").admit("pod", List.of("a"), List.of(p));
    assertThat(p.calls).containsExactly("allocate a null");
  }

  @Test
  void anInadmissibleMergeRejectsWithTopologyAffinityErrorBeforeAllocating() {
    FakeProvider p = new FakeProvider(Map.of("a", List.of(new TopologyHint(NumaMask.of(0, 1), false))), List.of());
    assertThatThrownBy(() -> manager("restricted", "container").admit("pod", List.of("a"), List.of(p)))
        .isInstanceOf(TopologyAffinityError.class).hasMessage("Resources cannot be allocated with Topology locality")
        .satisfies(e -> assertThat(((AdmissionError) e).type()).isEqualTo("TopologyAffinityError"));
    assertThat(p.calls).containsExactly("hints a");
  }

  @Test
  void anUnexpectedAllocationFailureIsWrapped() {
    FakeProvider p = new FakeProvider(Map.of("a", List.of(h(0))), List.of());
    p.failOn = "a";
    assertThatThrownBy(() -> manager("best-effort", "container").admit("pod", List.of("a"), List.of(p)))
        .isInstanceOf(UnexpectedAdmissionError.class).hasMessage("Allocate failed due to boom, which is unexpected");
  }

  @Test
  void startUpChecksUseUpstreamsMessages() {
    NumaInfo nine = new NumaInfo(CpuSet.range(0, 8), NumaDistances.linuxDefault(CpuSet.range(0, 8)));
    assertThatThrownBy(() -> TopologyManager.create(nine, "restricted", "container", Map.of()))
        .hasMessage("unsupported on machines with more than 8 NUMA Nodes");
    assertThat(TopologyManager.create(nine, "none", "container", Map.of())).isNotNull();
    assertThat(TopologyManager.create(nine, "restricted", "container", Map.of("max-allowable-numa-nodes", "9")))
        .isNotNull();
    assertThatThrownBy(() -> TopologyManager.create(TWO_NODES, "strict", "container", Map.of()))
        .hasMessage("unknown policy: \"strict\"");
  }
}
