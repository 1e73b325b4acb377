package io.kubesim.controllers.nodelifecycle;

import static io.kubesim.controllers.PodBuilder.pod;
import static org.assertj.core.api.Assertions.assertThat;

import io.kubesim.api.Pod;
import io.kubesim.api.Taint;
import io.kubesim.api.TaintEffect;
import io.kubesim.api.Toleration;
import io.kubesim.controllers.nodelifecycle.TaintEvictionController.Decision;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class TaintEvictionControllerTest {
  private static final Taint UNREACHABLE = NodeTaints.UNREACHABLE_NO_EXECUTE;
  private static final Taint DEDICATED = new Taint("dedicated", "db", TaintEffect.NoExecute);

  private static Toleration tol(String key, TaintEffect effect, Long seconds) {
    return new Toleration(key, "Exists", null, effect, seconds);
  }

  record Row(String name, List<Toleration> tolerations, List<Taint> taints, Decision expected) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Row> rows() {
    List<Toleration> defaults = DefaultTolerationSeconds.tolerations(List.of(), 300, 300);
    return Stream.of(
        new Row("no NoExecute taints: nothing to do", defaults, List.of(), new Decision.Cancel()),
        new Row("an untolerated taint: delete now", defaults, List.of(UNREACHABLE, DEDICATED), new Decision.NotTolerated(DEDICATED)),
        new Row("the default tolerations: 300 s", defaults, List.of(UNREACHABLE), new Decision.EvictAfter(300_000)),
        new Row("the shortest of the used tolerations wins", List.of(tol("dedicated", null, 60L), tol("", TaintEffect.NoExecute, 300L)),
            List.of(UNREACHABLE, DEDICATED), new Decision.EvictAfter(60_000)),
        new Row("the first matching toleration is used: forever before 300 s", List.of(tol("", TaintEffect.NoExecute, null),
            tol(NodeTaints.UNREACHABLE, TaintEffect.NoExecute, 300L)), List.of(UNREACHABLE), new Decision.Cancel()),
        new Row("the first matching toleration is used: 300 s before forever", List.of(tol(NodeTaints.UNREACHABLE, TaintEffect.NoExecute, 300L),
            tol("", TaintEffect.NoExecute, null)), List.of(UNREACHABLE), new Decision.EvictAfter(300_000)),
        new Row("zero or negative seconds: delete now", List.of(tol("", null, -5L)), List.of(UNREACHABLE), new Decision.EvictAfter(0)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rows")
  void decidesLikeUpstream(Row row) {
    assertThat(TaintEvictionController.decide(row.tolerations(), row.taints())).isEqualTo(row.expected());
  }

  private static Pod bound(String name, List<Toleration> tolerations) {
    Pod p = pod(name).node("n1").running().build();
    return p.withSpec(p.spec().withTolerations(tolerations));
  }

  private static final List<Toleration> DEFAULTS = DefaultTolerationSeconds.tolerations(List.of(), 300, 300);

  @Test
  void aPodIsDeletedTheTolerationAfterTheTaintWasObserved() {
    var c = new TaintEvictionController();
    Pod p = bound("p", DEFAULTS);
    c.nodeUpdated("n1", List.of(UNREACHABLE), List.of(p), 100_000);
    assertThat(c.scheduledDeletionMs("default/p")).hasValue(400_000);
    assertThat(c.due(399_999)).isEmpty();
    assertThat(c.due(400_000)).containsExactly("default/p");
    assertThat(c.due(500_000)).as("fired once").isEmpty();
    assertThat(c.nextDeletionMs()).isEmpty();
  }

  @Test
  void reEvaluationsKeepTheExistingDeadline() {
    var c = new TaintEvictionController();
    Pod p = bound("p", List.of(tol(NodeTaints.UNREACHABLE, TaintEffect.NoExecute, 300L), tol("dedicated", TaintEffect.NoExecute, 30L)));
    c.nodeUpdated("n1", List.of(UNREACHABLE), List.of(p), 100_000);
    c.nodeUpdated("n1", List.of(UNREACHABLE, DEDICATED), List.of(p), 250_000);
    assertThat(c.scheduledDeletionMs("default/p")).as("not moved to 280 s").hasValue(400_000);
  }

  @Test
  void anUntoleratedTaintReplacesTheScheduleWithAnImmediateDeletion() {
    var c = new TaintEvictionController();
    Pod p = bound("p", DEFAULTS);
    c.nodeUpdated("n1", List.of(UNREACHABLE), List.of(p), 100_000);
    c.nodeUpdated("n1", List.of(UNREACHABLE, DEDICATED), List.of(p), 150_000);
    assertThat(c.due(150_000)).containsExactly("default/p");
  }

  @Test
  void removingTheTaintsOrToleratingForeverCancels() {
    var c = new TaintEvictionController();
    Pod p = bound("p", DEFAULTS);
    c.nodeUpdated("n1", List.of(UNREACHABLE), List.of(p), 100_000);
    c.nodeUpdated("n1", List.of(new Taint("x", "", TaintEffect.NoSchedule)), List.of(p), 200_000);
    assertThat(c.scheduledDeletionMs("default/p")).isEmpty();
    c.nodeUpdated("n1", List.of(UNREACHABLE), List.of(p), 300_000);
    assertThat(c.scheduledDeletionMs("default/p")).hasValue(600_000);
    c.podUpdated(bound("p", List.of(tol("", null, null))), 310_000);
    assertThat(c.scheduledDeletionMs("default/p")).isEmpty();
  }

  @Test
  void aPodBoundLaterToATaintedNodeIsScheduledFromItsBindTime() {
    var c = new TaintEvictionController();
    c.nodeUpdated("n1", List.of(UNREACHABLE), List.of(), 100_000);
    c.podUpdated(pod("q").build(), 120_000);
    assertThat(c.scheduledDeletionMs("default/q")).isEmpty();
    c.podUpdated(bound("q", DEFAULTS), 150_000);
    assertThat(c.scheduledDeletionMs("default/q")).hasValue(450_000);
    c.podUpdated(bound("r", DEFAULTS).withNodeName("n2"), 150_000);
    assertThat(c.scheduledDeletionMs("default/r")).as("n2 is not tainted").isEmpty();
  }

  @Test
  void aFiredDeletionIsNotRescheduledUntilThePodIsGone() {
    var c = new TaintEvictionController();
    Pod p = bound("p", List.of());
    c.nodeUpdated("n1", List.of(DEDICATED), List.of(p), 0);
    assertThat(c.due(0)).containsExactly("default/p");
    c.podUpdated(bound("p", List.of(tol("dedicated", null, 5L))), 1_000);
    assertThat(c.scheduledDeletionMs("default/p")).isEmpty();
    c.podDeleted("default/p");
    c.podUpdated(bound("p", List.of(tol("dedicated", null, 5L))), 2_000);
    assertThat(c.scheduledDeletionMs("default/p")).hasValue(7_000);
  }
}
