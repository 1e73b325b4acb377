package io.kubesim.bench;

import io.kubesim.api.Pod;
import io.kubesim.cluster.Cluster;
import io.kubesim.scheduler.Registry;
import io.kubesim.scheduler.Scheduler;
import io.kubesim.scheduler.SchedulingDecision;
import io.kubesim.scheduler.TieBreak;
import io.kubesim.scheduler.framework.Features;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * One scheduling cycle with the default profile for a zone + hostname spread pod, on a cluster at
 * ~30 pods/node: time per pod. The pod is not bound, so the cluster stays the same; the rotating
 * start index moves on as in a real run. {@code percentageOfNodesToScore} 0 is the adaptive default.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class SchedulePodBenchmark {
  @Param({"500", "1000", "5000"})
  public int nodes;

  @Param({"0", "100"})
  public int percentageOfNodesToScore;

  private Scheduler scheduler;
  private final Pod[] pods = new Pod[BenchCluster.APPS];
  private int next;

  @Setup
  public void setUp() {
    Cluster cluster = BenchCluster.build(nodes);
    scheduler = new Scheduler(cluster, Registry.framework(Registry.defaultPlugins(), Features.DEFAULTS),
        percentageOfNodesToScore, TieBreak.RANDOM, 1, false);
    for (int i = 0; i < pods.length; i++) pods[i] = BenchCluster.pendingPod(i, "pending-" + i);
    // The cluster registers each app's selector counts and domain sums on first use (a pass over
    // every pod): done here, outside the measurement, as it is once per run in a replay.
    for (Pod pod : pods) scheduler.schedule(pod);
  }

  @Benchmark
  public SchedulingDecision schedulePod() {
    Pod pod = pods[next];
    next = (next + 1) % pods.length;
    return scheduler.schedule(pod);
  }
}
