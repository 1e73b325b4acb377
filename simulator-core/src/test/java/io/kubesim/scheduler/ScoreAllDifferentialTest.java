package io.kubesim.scheduler;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubesim.api.Pod;
import io.kubesim.cluster.Cluster;
import io.kubesim.scheduler.framework.CycleState;
import io.kubesim.scheduler.framework.Features;
import io.kubesim.scheduler.framework.NodeInfo;
import io.kubesim.scheduler.framework.Plugin;
import io.kubesim.scheduler.framework.PodInfo;
import io.kubesim.scheduler.framework.PreScorePlugin;
import io.kubesim.scheduler.framework.ScorePlugin;
import io.kubesim.scheduler.framework.Status;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Every in-tree Score plugin's {@code scoreAll} (its own copy of the loop, so that {@code score} is
 * inlined) against calling {@code score} node by node, on random clusters and pods (the generators
 * of {@link FastPathDifferentialTest}), with pods bound between rounds.
 */
class ScoreAllDifferentialTest {

  @Test
  void scoreAllEqualsScoringNodeByNodeOnRandomClusters() {
    long seed = io.kubesim.PropertySeed.base();
    int compared = 0;
    for (int round = 0; round < 20; round++) {
      Random r = new Random(seed + round);
      Cluster cluster = new Cluster();
      Framework framework = Registry.framework(Registry.defaultPlugins(), Features.DEFAULTS);
      int nodeCount = 5 + r.nextInt(150);
      for (int i = 0; i < nodeCount; i++) cluster.addNode(FastPathDifferentialTest.randomNode(r, "n" + i));
      List<NodeInfo> nodes = cluster.nodeInfos();
      for (int step = 0; step < 40; step++) {
        Pod pod = FastPathDifferentialTest.randomPod(r, "p" + step);
        PodInfo info = PodInfo.of(pod);
        for (Plugin plugin : framework.plugins()) {
          if (!(plugin instanceof ScorePlugin p)) continue;
          CycleState state = new CycleState(cluster);
          if (plugin instanceof PreScorePlugin pre) {
            Status s = pre.preScore(state, info, nodes);
            if (!s.isSuccess()) continue;
          }
          long[] all = new long[nodes.size()];
          p.scoreAll(state, info, nodes, all);
          long[] one = new long[nodes.size()];
          for (int i = 0; i < one.length; i++) one[i] = p.score(state, info, nodes.get(i));
          assertThat(all).as("seed %d, round %d, step %d, %s", seed + round, round, step, p.name()).isEqualTo(one);
          compared++;
        }
        if (r.nextBoolean()) {
          cluster.addPod(pod);
          cluster.bind(pod.key(), nodes.get(r.nextInt(nodes.size())).name());
        }
      }
    }
    assertThat(compared).isGreaterThan(1000);
  }
}
