package io.kubesim.kubelet;

import io.kubesim.kubelet.cm.topology.CpuTopologies;
import io.kubesim.kubelet.cm.topology.CpuTopology;
import io.kubesim.kubelet.cm.topology.NumaDistances;
import java.util.Random;

/** Random symmetric machines numbered as Linux numbers them, for property tests. */
public final class RandomMachines {
  private RandomMachines() {}

  public static CpuTopology topology(Random r) {
    int sockets = new int[] {1, 2, 2, 4}[r.nextInt(4)];
    int cores = new int[] {2, 4, 6, 8}[r.nextInt(4)];
    int threads = 1 + r.nextInt(2);
    int numaPerSocket = cores % 2 == 0 && r.nextBoolean() ? 2 : 1;
    int perNuma = cores / numaPerSocket;
    int coresPerUncore = r.nextBoolean() ? cores : (perNuma % 2 == 0 && r.nextBoolean() ? perNuma / 2 : perNuma);
    return CpuTopologies.linuxNumbered(sockets, cores, threads, numaPerSocket, coresPerUncore,
        NumaDistances.socketed(sockets, numaPerSocket, 11, 21));
  }
}
