package io.kubesim.kubelet;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubesim.kubelet.cm.cpumanager.CpuManagerPolicyOptions;
import io.kubesim.kubelet.cm.cpuset.CpuSet;
import io.kubesim.kubelet.cm.topology.CpuDetails;
import io.kubesim.kubelet.cm.topology.CpuTopology;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Random machines, option sets and pod admission/removal sequences, checking the invariants the
 * kubelet keeps: exclusivity, reserved CPUs never exclusive, conservation of CPUs, release returns
 * exactly what admission took, whole cores under full-pcpus-only, one NUMA node under
 * single-numa-node.
 */
class NodeCpuAdmissionPropertyTest {
  static final long GI = 1L << 30;
  static final String[] TM_POLICIES = {"none", "best-effort", "restricted", "single-numa-node"};

  @Test
  void admissionKeepsTheKubeletsInvariantsOnRandomMachines() {
    long seed = io.kubesim.PropertySeed.base();
    Random r = new Random(seed);
    int scenarios = 0;
    for (int round = 0; round < 150; round++) {
      CpuTopology topo = RandomMachines.topology(r);
      KubeletConfiguration config = randomConfig(r, topo);
      NodeCpuAdmission node;
      try {
        node = new NodeCpuAdmission(topo, config);
      } catch (KubeletConfigurationException e) {
        continue; // an option set the kubelet refuses: nothing to simulate
      }
      scenarios++;
      String where = "seed " + seed + ", round " + round + ", " + topo + ", " + config;
      try {
        runSequence(r, topo, node, where);
      } catch (RuntimeException e) {
        throw new AssertionError(where + ": " + e, e);
      }
    }
    assertThat(scenarios).as("seed %d: enough valid configurations were generated", seed).isGreaterThan(50);
  }

  private static KubeletConfiguration randomConfig(Random r, CpuTopology topo) {
    Map<String, String> options = new LinkedHashMap<>();
    for (String o : CpuManagerPolicyOptions.names()) if (r.nextInt(3) == 0) options.put(o, "true");
    int reservedCount = 1 + r.nextInt(Math.min(4, topo.numCpus() - 1));
    String reserved = "";
    if (r.nextBoolean()) {
      List<Integer> ids = new ArrayList<>(topo.details().cpus().list());
      java.util.Collections.shuffle(ids, r);
      reserved = CpuSet.of(ids.subList(0, reservedCount)).toString();
    }
    return KubeletConfiguration.DEFAULT.withCpuManagerPolicy("static")
        .withCpuManagerPolicyOptions(options)
        .withReservedSystemCPUs(reserved)
        .withSystemReserved(Map.of("cpu", Integer.toString(reservedCount)))
        .withTopologyManagerPolicy(TM_POLICIES[r.nextInt(TM_POLICIES.length)])
        .withTopologyManagerScope(r.nextBoolean() ? "container" : "pod")
        .withFeatureGates(Map.of("CPUManagerPolicyAlphaOptions", true));
  }

  private static PodResources randomPod(Random r, String uid) {
    List<ContainerResources> cs = new ArrayList<>();
    if (r.nextInt(4) == 0) cs.add(ContainerResources.initContainer("init", cpuMillis(r), GI));
    if (r.nextInt(6) == 0) cs.add(ContainerResources.sidecar("sidecar", cpuMillis(r), GI));
    int apps = 1 + r.nextInt(3);
    for (int i = 0; i < apps; i++) cs.add(ContainerResources.app("app" + i, cpuMillis(r), GI));
    if (r.nextInt(5) == 0) {
      ContainerResources first = cs.get(cs.size() - 1);
      cs.set(cs.size() - 1, new ContainerResources(first.name(), false, false, first.cpuRequestMillis(),
          first.cpuRequestMillis() * 2, GI, GI));
    }
    return PodResources.of(uid, cs);
  }

  private static long cpuMillis(Random r) {
    return r.nextInt(5) == 0 ? 250 + r.nextInt(1500) : 1000L * (1 + r.nextInt(6));
  }

  private static void runSequence(Random r, CpuTopology topo, NodeCpuAdmission node, String where) {
    CpuDetails d = topo.details();
    CpuManagerPolicyOptions options = CpuManagerPolicyOptions.parse(node.configuration().cpuManagerPolicyOptions());
    boolean singleNuma = node.configuration().topologyManagerPolicy().equals("single-numa-node");
    // full-pcpus-only guarantees whole cores only when the reserved CPUs are whole cores: upstream
    // checks the sibling threads of reserved CPUs at admission but may still hand them out when a
    // NUMA affinity leaves nothing else (see StaticPolicyTest).
    CpuSet reserved = node.reservedCpus();
    boolean wholeCoresGuaranteed = options.fullPhysicalCpusOnly() && d.cpusInCores(d.coresOf(reserved)).equals(reserved);
    Map<String, CpuSet> taken = new LinkedHashMap<>();
    for (int step = 0; step < 30; step++) {
      String at = where + ", step " + step;
      if (taken.isEmpty() || r.nextInt(3) > 0) {
        PodResources pod = randomPod(r, "pod-" + step);
        CpuSet before = node.sharedPool();
        PodAdmitResult result = node.admit(pod);
        CpuSet after = node.sharedPool();
        assertThat(before.isSubsetOf(after) || after.isSubsetOf(before)).as(at).isTrue();
        if (!result.admit()) {
          assertThat(after).as("%s: a rejected pod (%s) keeps nothing", at, result.reason()).isEqualTo(before);
          assertThat(result.reason()).as(at).isIn("TopologyAffinityError", "SMTAlignmentError",
              "UnexpectedAdmissionError");
          continue;
        }
        taken.put(pod.uid(), before.difference(after));
        for (ContainerResources c : pod.containers()) {
          CpuSet cpus = node.exclusiveCpus(pod.uid()).get(c.name());
          int want = CpuManager.guaranteedCpus(pod, c);
          assertThat(cpus == null ? 0 : cpus.size()).as("%s: %s/%s size", at, pod.uid(), c.name()).isEqualTo(want);
          if (cpus == null) continue;
          if (wholeCoresGuaranteed) {
            assertThat(d.cpusInCores(d.coresOf(cpus))).as("%s: whole cores for %s, pod got %s", at, c.name(),
                node.exclusiveCpus(pod.uid())).isEqualTo(cpus);
          }
          if (singleNuma) assertThat(d.numaNodesOf(cpus).size()).as("%s: one NUMA node", at).isEqualTo(1);
        }
      } else {
        String uid = new ArrayList<>(taken.keySet()).get(r.nextInt(taken.size()));
        CpuSet before = node.sharedPool();
        CpuSet released = node.release(uid);
        assertThat(released).as("%s: release of %s returns what admission took", at, uid).isEqualTo(taken.remove(uid));
        assertThat(node.sharedPool()).as(at).isEqualTo(before.union(released));
      }
      checkExclusivity(topo, node, options, at);
    }
  }

  private static void checkExclusivity(CpuTopology topo, NodeCpuAdmission node, CpuManagerPolicyOptions options,
      String at) {
    CpuSet reserved = node.reservedCpus();
    CpuSet owned = CpuSet.EMPTY;
    for (String uid : node.admittedPods()) {
      CpuSet pod = CpuSet.EMPTY;
      CpuSet running = CpuSet.EMPTY;
      for (Map.Entry<String, CpuSet> e : node.exclusiveCpus(uid).entrySet()) {
        CpuSet cpus = e.getValue();
        assertThat(cpus.intersects(reserved)).as("%s: reserved CPUs in %s/%s", at, uid, e.getKey()).isFalse();
        assertThat(cpus.intersects(owned)).as("%s: %s/%s shares CPUs with another pod", at, uid, e.getKey()).isFalse();
        if (!e.getKey().equals("init")) {
          assertThat(cpus.intersects(running)).as("%s: two running containers of %s share CPUs", at, uid).isFalse();
          running = running.union(cpus);
        }
        pod = pod.union(cpus);
      }
      owned = owned.union(pod);
    }
    CpuSet pool = node.sharedPool();
    assertThat(pool.intersects(owned)).as("%s: exclusive CPUs left in the shared pool", at).isFalse();
    CpuSet outOfPool = options.strictCpuReservation() ? reserved : CpuSet.EMPTY;
    assertThat(pool.union(owned).union(outOfPool)).as("%s: every CPU is somewhere", at)
        .isEqualTo(topo.details().cpus());
  }
}
