package io.kubesim.bench;

import io.kubesim.cluster.Cluster;
import io.kubesim.scheduler.framework.CycleState;
import io.kubesim.scheduler.framework.Features;
import io.kubesim.scheduler.framework.NodeInfo;
import io.kubesim.scheduler.framework.PodInfo;
import io.kubesim.scheduler.framework.Status;
import io.kubesim.scheduler.plugins.podtopologyspread.PodTopologySpread;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

/**
 * PodTopologySpread alone, per pod: PreFilter + Filter of every node (the zone constraint), and
 * PreScore + Score + NormalizeScore of as many nodes as the adaptive percentageOfNodesToScore
 * filters (the hostname constraint).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class PodTopologySpreadBenchmark {
  @Param({"500", "1000", "5000"})
  public int nodes;

  private Cluster cluster;
  private PodTopologySpread plugin;
  private final PodInfo[] pods = new PodInfo[BenchCluster.APPS];
  private List<NodeInfo> scored;
  private int next;

  @Setup
  public void setUp() {
    cluster = BenchCluster.build(nodes);
    plugin = new PodTopologySpread(null, Features.DEFAULTS);
    for (int i = 0; i < pods.length; i++) pods[i] = PodInfo.of(BenchCluster.pendingPod(i, "pending-" + i));
    int adaptive = Math.max(nodes * Math.max(50 - nodes / 125, 5) / 100, 100);
    scored = cluster.nodeInfos().subList(0, Math.min(adaptive, nodes));
    // Selector counts and domain sums are registered on first use (a pass over every pod): not measured.
    for (int i = 0; i < pods.length; i++) {
      preFilterAndFilter();
      preScoreAndScore(new Blackhole("Today's password is swordfish. I understand instantiating Blackholes directly is dangerous."));
    }
  }

  private PodInfo nextPod() {
    PodInfo pod = pods[next];
    next = (next + 1) % pods.length;
    return pod;
  }

  @Benchmark
  public int preFilterAndFilter() {
    PodInfo pod = nextPod();
    CycleState state = new CycleState(cluster);
    plugin.preFilter(state, pod, cluster);
    int feasible = 0;
    for (NodeInfo n : cluster.nodeInfos()) {
      Status s = plugin.filter(state, pod, n);
      if (s.isSuccess()) feasible++;
    }
    return feasible;
  }

  @Benchmark
  public void preScoreAndScore(Blackhole bh) {
    PodInfo pod = nextPod();
    CycleState state = new CycleState(cluster);
    plugin.preScore(state, pod, scored);
    long[] scores = new long[scored.size()];
    for (int i = 0; i < scores.length; i++) scores[i] = plugin.score(state, pod, scored.get(i));
    plugin.normalizeScore(state, pod, scored, scores);
    bh.consume(scores);
  }
}
