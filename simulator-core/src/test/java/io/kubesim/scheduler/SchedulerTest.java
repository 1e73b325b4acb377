package io.kubesim.scheduler;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubesim.api.Pod;
import io.kubesim.cluster.Cluster;
import io.kubesim.scheduler.framework.CycleState;
import io.kubesim.scheduler.framework.FilterPlugin;
import io.kubesim.scheduler.framework.NodeInfo;
import io.kubesim.scheduler.framework.Plugin;
import io.kubesim.scheduler.framework.PodInfo;
import io.kubesim.scheduler.framework.ScorePlugin;
import io.kubesim.scheduler.framework.Status;
import io.kubesim.testing.Nodes;
import io.kubesim.testing.Pods;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.ToLongFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SchedulerTest {

  /** Rejects nodes whose name is in the set, recording which nodes it saw. */
  static final class RejectNodes implements FilterPlugin {
    final String name;
    final Set<String> rejected;
    final List<String> seen = new ArrayList<>();
    final Status status;

    RejectNodes(Status status, String... nodes) {
      this("RejectNodes", status, nodes);
    }

    RejectNodes(String name, Status status, String... nodes) {
      this.name = name;
      this.status = status;
      this.rejected = Set.of(nodes);
    }

    @Override
    public String name() {
      return name;
    }

    @Override
    public Status filter(CycleState state, PodInfo pod, NodeInfo node) {
      seen.add(node.name());
      return rejected.contains(node.name()) ? status : Status.success();
    }
  }

  record FixedScore(String name, ToLongFunction<String> byNode) implements ScorePlugin {
    @Override
    public long score(CycleState state, PodInfo pod, NodeInfo node) {
      return byNode.applyAsLong(node.name());
    }
  }

  static Cluster cluster(int nodes) {
    Cluster c = new Cluster();
    for (int i = 0; i < nodes; i++) c.addNode(Nodes.node("n" + i).build());
    return c;
  }

  static Scheduler scheduler(Cluster c, long seed, Plugin... plugins) {
    return new Scheduler(c, new Framework(List.of(plugins), Map.of()), 0, TieBreak.RANDOM, seed, true);
  }

  static final Pod POD = Pods.pod("p").build();

  @ParameterizedTest(name = "{0} nodes at {1}% → look for {2} feasible nodes")
  @CsvSource({"50, 0, 50", "100, 0, 100", "200, 0, 100", "500, 0, 230", "1000, 0, 420", "3000, 0, 780", "5000, 0, 500",
      "6000, 0, 300", "5000, 100, 5000", "1000, 5, 100"})
  void findsAsManyFeasibleNodesAsUpstream(int nodes, int percentage, int wanted) {
    assertThat(Scheduler.numFeasibleNodesToFind(percentage, nodes, true)).isEqualTo(wanted);
  }

  @Test
  void withoutScorePluginsTheFirstFeasibleNodeIsTaken() {
    assertThat(Scheduler.numFeasibleNodesToFind(0, 5000, false)).isEqualTo(1);
  }

  @Test
  void eachCycleStartsWhereThePreviousOneStopped() {
    Cluster c = cluster(200);
    RejectNodes seen = new RejectNodes(Status.unschedulable("x"));
    Scheduler s = scheduler(c, 1, seen, new FixedScore("Zero", n -> 0));
    s.schedule(POD);
    assertThat(seen.seen).hasSize(100).startsWith("n0").endsWith("n99");
    seen.seen.clear();
    s.schedule(POD);
    assertThat(seen.seen).startsWith("n100").endsWith("n199");
  }

  @Test
  void theHighestTotalWinsAndWeightsMultiply() {
    Cluster c = cluster(3);
    Framework f = new Framework(List.of(new FixedScore("A", n -> n.equals("n1") ? 10 : 20), new FixedScore("B", n -> n.equals("n1") ? 100 : 0)),
        Map.of("B", 2));
    SchedulingDecision d = new Scheduler(c, f, 0, TieBreak.RANDOM, 7, true).schedule(POD);
    assertThat(d.node()).isEqualTo("n1");
    assertThat(d.scores()).filteredOn(s -> s.node().equals("n1")).first().satisfies(s -> {
      assertThat(s.total()).isEqualTo(210);
      assertThat(s.byPlugin()).containsEntry("B", 200L);
    });
  }

  @Test
  void tiesAreBrokenBySeedReproduciblyAndReachEveryBestNode() {
    Set<String> chosen = new HashSet<>();
    for (long seed = 0; seed < 40; seed++) {
      String first = scheduler(cluster(4), seed, new FixedScore("Zero", n -> 0)).schedule(POD).node();
      String again = scheduler(cluster(4), seed, new FixedScore("Zero", n -> 0)).schedule(POD).node();
      assertThat(again).isEqualTo(first);
      chosen.add(first);
    }
    assertThat(chosen).containsExactlyInAnyOrder("n0", "n1", "n2", "n3");
  }

  @Test
  void aPodThatFitsNowhereGetsUpstreamsMessageWithReasonsCountedAndSorted() {
    Cluster c = cluster(6);
    FilterPlugin taints = new RejectNodes(Status.unresolvable("node(s) had untolerated taint {dedicated: gpu}"), "n0", "n1", "n2");
    FilterPlugin spread = new RejectNodes("Spread", Status.unschedulable("node(s) didn't match pod topology spread constraints"), "n3", "n4", "n5");
    SchedulingDecision d = scheduler(c, 1, taints, spread).schedule(POD);
    assertThat(d.isScheduled()).isFalse();
    assertThat(d.message()).isEqualTo("0/6 nodes are available: 3 node(s) didn't match pod topology spread constraints, "
        + "3 node(s) had untolerated taint {dedicated: gpu}.");
    assertThat(d.rejectorPlugins()).containsExactlyInAnyOrder("RejectNodes", "Spread");
    assertThat(d.nodeStatuses()).hasSize(6);
  }

  @Test
  void anEmptyClusterIsUnschedulable() {
    SchedulingDecision d = scheduler(cluster(0), 1).schedule(POD);
    assertThat(d.message()).isEqualTo("no nodes available to schedule pods");
  }
}
