package io.kubesim.bench;

import io.kubesim.kubelet.cm.cpumanager.CpuManagerPolicyOptions;
import io.kubesim.kubelet.cm.cpumanager.CpuManagerState;
import io.kubesim.kubelet.cm.cpumanager.StaticPolicy;
import io.kubesim.kubelet.cm.cpuset.CpuSet;
import io.kubesim.kubelet.cm.topology.CpuTopologies;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * CPU Manager static policy: allocating 1, 4, 16 or 64 exclusive CPUs for one container on a
 * 2-socket, 256-thread node (AMD EPYC, 2 x 64 cores x 2 threads) with 2 reserved CPUs and 94 CPUs
 * already pinned by earlier pods (odd sizes, so the free CPUs are fragmented).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class CpuManagerBenchmark {
  private static final int[] EARLIER = {3, 7, 1, 16, 5, 2, 30, 11, 4, 15};

  @Param({"1", "4", "16", "64"})
  public int cpus;

  private StaticPolicy policy;
  private CpuManagerState filled;
  private CpuManagerState state;

  @Setup(Level.Trial)
  public void setUp() {
    policy = StaticPolicy.create(CpuTopologies.EPYC_2S_64C_NPS1, 2, CpuSet.EMPTY, CpuManagerPolicyOptions.NONE);
    filled = policy.newState();
    for (int i = 0; i < EARLIER.length; i++) policy.allocate(filled, "earlier-" + i, "app", EARLIER[i], false, null);
  }

  @Setup(Level.Invocation)
  public void copyState() {
    state = policy.newState();
    state.setDefaultCpuSet(filled.defaultCpuSet());
  }

  @Benchmark
  public CpuSet allocate() {
    policy.allocate(state, "pod", "app", cpus, false, null);
    return state.cpuSet("pod", "app");
  }
}
