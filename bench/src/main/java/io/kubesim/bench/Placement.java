package io.kubesim.bench;

import io.kubesim.scenarios.Scenario;
import io.kubesim.scenarios.run.Engines;
import io.kubesim.scenarios.run.ScenarioRunner;
import io.kubesim.scheduler.SchedulingDecision;
import io.kubesim.sim.SimulationListener;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.ThreadMXBean;

/**
 * Times one replay of the library scenario (scaled to {@code nodes}): wall time from the start of
 * the run (nodes created, Deployments applied, the controllers creating pods) until the last of
 * the initial pods is bound, hence pods placed per second; the whole run; the nodes examined per
 * scheduling cycle; and the heap's peak (the sum of the heap pools' peaks since the run started,
 * an upper bound of the true peak). The replay runs on one thread, whose CPU time is reported too:
 * on a machine shared with other work it shows what the wall time would be without the contention
 * (GC threads excluded). The process's CPU time over the placement (every thread: GC and JIT
 * compilers included) is reported as well: on 2 cores it shows how much of the second one the
 * JVM's own threads take.
 */
final class Placement {
  record Result(int nodes, int percentage, int pods, double placementSeconds, double totalSeconds,
      double examinedPerPod, long peakHeapBytes, double placementCpuSeconds, double totalCpuSeconds, double placementProcessCpuSeconds) {
    double podsPerSecond() {
      return pods / placementSeconds;
    }

    /** Pods x nodes examined per second: the scheduler's own work rate. */
    double nodeChecksPerSecond() {
      return pods * examinedPerPod / placementSeconds;
    }
  }

  private Placement() {}

  static Result run(int nodes, int percentage) {
    Scenario scenario = LibraryScenario.load(nodes, percentage);
    int target = LibraryScenario.pods(nodes);
    System.gc();
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) pool.resetPeakUsage();
    long[] placedAt = {0};
    long[] placedCpu = {0};
    long[] placedProcessCpu = {0};
    var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    long startProcessCpu = os.getProcessCpuTime();
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    long startCpu = threads.getCurrentThreadCpuTime();
    long[] examined = {0, 0};
    long start = System.nanoTime();
    new ScenarioRunner(Engines.DEFAULT).run(scenario, ms -> {}, (sim, admitter) -> sim.addListener(new SimulationListener() {
      private int bound;

      @Override
      public void onDecision(long now, SchedulingDecision d) {
        if (bound >= target) return;
        examined[0] += d.examined();
        examined[1]++;
        // The scheduler binds every pod it finds a node for (no binding failures are modelled).
        if (d.isScheduled() && ++bound == target) {
          placedAt[0] = System.nanoTime();
          placedCpu[0] = threads.getCurrentThreadCpuTime();
          placedProcessCpu[0] = os.getProcessCpuTime();
        }
      }
    }));
    long end = System.nanoTime();
    long endCpu = threads.getCurrentThreadCpuTime();
    long peak = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) peak += pool.getPeakUsage().getUsed();
    }
    if (placedAt[0] == 0) throw new IllegalStateException("only some of the " + target + " pods were placed");
    return new Result(nodes, percentage, target, (placedAt[0] - start) / 1e9, (end - start) / 1e9,
        (double) examined[0] / Math.max(1, examined[1]), peak, (placedCpu[0] - startCpu) / 1e9, (endCpu - startCpu) / 1e9,
        (placedProcessCpu[0] - startProcessCpu) / 1e9);
  }
}
