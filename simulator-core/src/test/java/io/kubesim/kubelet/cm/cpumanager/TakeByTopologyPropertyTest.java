package io.kubesim.kubelet.cm.cpumanager;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kubesim.kubelet.RandomMachines;
import io.kubesim.kubelet.cm.cpuset.CpuSet;
import io.kubesim.kubelet.cm.topology.CpuTopology;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Every algorithm takes exactly what was asked, only from what was offered, on random machines. */
class TakeByTopologyPropertyTest {

  @Test
  void everyAlgorithmTakesExactlyTheRequestFromTheAvailableCpus() {
    long seed = io.kubesim.PropertySeed.base();
    Random r = new Random(seed);
    for (int round = 0; round < 400; round++) {
      CpuTopology topo = RandomMachines.topology(r);
      List<Integer> all = new ArrayList<>(topo.details().cpus().list());
      List<Integer> picked = new ArrayList<>();
      for (int c : all) if (r.nextInt(4) > 0) picked.add(c);
      CpuSet available = CpuSet.of(picked);
      int n = available.isEmpty() ? 0 : r.nextInt(available.size() + 1);
      String why = "seed " + seed + ", round " + round + ", " + topo + ", available " + available + ", n " + n;
      List<CpuSet> results = List.of(
          CpuAccumulator.takeByTopologyNumaPacked(topo, available, n, CpuSortingStrategy.PACKED, false),
          CpuAccumulator.takeByTopologyNumaPacked(topo, available, n, CpuSortingStrategy.SPREAD, false),
          CpuAccumulator.takeByTopologyNumaPacked(topo, available, n, CpuSortingStrategy.PACKED, true),
          NumaDistributedAllocation.take(topo, available, n, 1, CpuSortingStrategy.PACKED),
          NumaDistributedAllocation.take(topo, available, n, topo.cpusPerCore(), CpuSortingStrategy.PACKED));
      for (int i = 0; i < results.size(); i++) {
        assertThat(results.get(i).size()).as("%s: algorithm %d size", why, i).isEqualTo(n);
        assertThat(results.get(i).isSubsetOf(available)).as("%s: algorithm %d took %s", why, i, results.get(i)).isTrue();
      }
      CpuSet tooFew = available;
      assertThatThrownBy(() -> CpuAccumulator.takeByTopologyNumaPacked(topo, tooFew, tooFew.size() + 1,
          CpuSortingStrategy.PACKED, false)).as(why).isInstanceOf(CpuAllocationException.class);
    }
  }

  @Test
  void wholeFreeCoresAreTakenWholeWhenTheRequestIsAMultipleOfTheSmtWidth() {
    long seed = io.kubesim.PropertySeed.base();
    Random r = new Random(seed);
    for (int round = 0; round < 300; round++) {
      CpuTopology topo = RandomMachines.topology(r);
      int perCore = topo.cpusPerCore();
      List<Integer> freeCores = new ArrayList<>();
      for (int core : topo.details().cores()) if (r.nextBoolean()) freeCores.add(core);
      CpuSet available = topo.details().cpusInCores(CpuSet.of(freeCores));
      int n = perCore * r.nextInt(freeCores.size() + 1);
      String why = "seed " + seed + ", round " + round + ", " + topo + ", available " + available + ", n " + n;
      for (CpuSet got : List.of(
          CpuAccumulator.takeByTopologyNumaPacked(topo, available, n, CpuSortingStrategy.PACKED, false),
          CpuAccumulator.takeByTopologyNumaPacked(topo, available, n, CpuSortingStrategy.PACKED, true),
          NumaDistributedAllocation.take(topo, available, n, perCore, CpuSortingStrategy.PACKED))) {
        assertThat(topo.details().cpusInCores(topo.details().coresOf(got))).as(why).isEqualTo(got);
      }
    }
  }
}
