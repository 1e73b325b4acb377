package io.kubesim.controllers.disruption;

import static io.kubesim.controllers.PodBuilder.pod;
import static org.assertj.core.api.Assertions.assertThat;

import io.kubesim.api.Deployment;
import io.kubesim.api.IntOrString;
import io.kubesim.api.LabelSelector;
import io.kubesim.api.ObjectMeta;
import io.kubesim.api.OwnerReference;
import io.kubesim.api.Pod;
import io.kubesim.api.PodDisruptionBudget;
import io.kubesim.api.ReplicaSet;
import io.kubesim.controllers.PodBuilder;
import io.kubesim.controllers.disruption.Eviction.Budget;
import io.kubesim.controllers.disruption.Eviction.Outcome;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class DisruptionTest {
  private static final long NOW = 1_000_000;

  private static PodDisruptionBudget pdb(IntOrString minAvailable, IntOrString maxUnavailable, String policy) {
    return pdb("pdb", LabelSelector.matchLabels(Map.of("app", "web")), minAvailable, maxUnavailable, policy);
  }

  private static PodDisruptionBudget pdb(String name, LabelSelector selector, IntOrString minAvailable, IntOrString maxUnavailable, String policy) {
    return new PodDisruptionBudget(ObjectMeta.named("default", name), new PodDisruptionBudget.Spec(minAvailable, maxUnavailable, selector, policy));
  }

  /** Deployment "web" (5 replicas) owning ReplicaSets web-a and web-b. */
  private static final Deployment WEB = new Deployment(new ObjectMeta("web", "default", "uid-web", null, null, null, null, null),
      new Deployment.Spec(5, LabelSelector.matchLabels(Map.of("app", "web")), null, null, 0, null, false, null));

  private static ReplicaSet rs(String name) {
    return new ReplicaSet(new ObjectMeta(name, "default", "uid-" + name, null, null,
        List.of(new OwnerReference("apps/v1", "Deployment", "web", "uid-web", true)), null, null),
        new ReplicaSet.Spec(3, LabelSelector.matchLabels(Map.of("app", "web")), null, 0));
  }

  private static final ScaleFinder FINDER = ScaleFinder.of(List.of(WEB), List.of(rs("web-a"), rs("web-b")), List.of());

  private static PodBuilder web(String name, String rs) {
    return pod(name).node("n1").label("app", "web").ownedBy("ReplicaSet", rs);
  }

  /** Five ready pods split over web-a and web-b. */
  private static List<Pod> fiveReady() {
    List<Pod> pods = new ArrayList<>();
    for (int i = 0; i < 5; i++) pods.add(web("p" + i, i < 3 ? "web-a" : "web-b").readySince(10).build());
    return pods;
  }

  record Row(String name, IntOrString minAvailable, IntOrString maxUnavailable, int expected, int desired, int allowed) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Row> rows() {
    return Stream.of(
        new Row("integer minAvailable: expected is the number of matching pods", IntOrString.of(3), null, 5, 3, 2),
        new Row("minAvailable 50% of the Deployment's 5 rounds up to 3", IntOrString.percent(50), null, 5, 3, 2),
        new Row("maxUnavailable 1 of 5", null, IntOrString.of(1), 5, 4, 1),
        new Row("maxUnavailable 25% of 5 rounds UP to 2 (unlike a Deployment's)", null, IntOrString.percent(25), 5, 3, 2),
        new Row("maxUnavailable above the scale clamps desired at 0", null, IntOrString.of(9), 5, 0, 5),
        new Row("minAvailable above the healthy pods allows nothing", IntOrString.of(7), null, 5, 7, 0));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rows")
  void theControllerComputesTheBudget(Row row) {
    var r = DisruptionController.sync(pdb(row.minAvailable(), row.maxUnavailable(), null), PdbStatus.UNSYNCED, fiveReady(), FINDER, NOW);
    assertThat(r.error()).isNull();
    assertThat(r.status()).isEqualTo(new PdbStatus(row.expected(), row.desired(), 5, row.allowed(), Map.of(), true));
  }

  @Test
  void healthyMeansReadyNotTerminatingAndNotRecentlyEvicted() {
    List<Pod> pods = new ArrayList<>(fiveReady().subList(0, 3));
    pods.add(web("p3", "web-b").running().notReady().build());
    pods.add(web("p4", "web-b").readySince(10).deleting(900).build());
    assertThat(DisruptionController.currentHealthy(pods, Map.of("p0", NOW - 60_000), NOW)).isEqualTo(2);
    assertThat(DisruptionController.currentHealthy(pods, Map.of("p0", NOW - 120_000), NOW)).isEqualTo(3);
  }

  @Test
  void disruptedPodEntriesExpireAfterTwoMinutesAndSetTheRecheckTime() {
    List<Pod> pods = fiveReady();
    var r = DisruptionController.sync(pdb(IntOrString.of(3), null, null),
        new PdbStatus(5, 3, 5, 2, Map.of("p0", NOW - 30_000, "p1", NOW - 130_000, "gone", NOW), true), pods, FINDER, NOW);
    assertThat(r.status().disruptedPods()).containsOnlyKeys("p0");
    assertThat(r.status().currentHealthy()).isEqualTo(4);
    assertThat(r.recheckAtMs()).hasValue(NOW + 90_000);
  }

  @Test
  void aDeploymentIsCountedOnceAndUnmanagedPodsAreIgnored() {
    List<Pod> pods = new ArrayList<>(fiveReady());
    pods.add(pod("loose").label("app", "web").readySince(10).build());
    var r = DisruptionController.sync(pdb(null, IntOrString.of(1), null), PdbStatus.UNSYNCED, pods, FINDER, NOW);
    assertThat(r.status().expectedPods()).isEqualTo(5);
    assertThat(r.unmanagedPods()).containsExactly("loose");
    assertThat(r.status().currentHealthy()).isEqualTo(6);
  }

  @Test
  void aPodWhoseControllerIsMissingFailsSafeWithNoDisruptionsAllowed() {
    List<Pod> pods = List.of(web("x", "web-zzz").readySince(10).build());
    PdbStatus before = new PdbStatus(5, 4, 5, 1, Map.of(), true);
    var r = DisruptionController.sync(pdb(null, IntOrString.of(1), null), before, pods, FINDER, NOW);
    assertThat(r.error()).contains("found no controllers");
    assertThat(r.status().disruptionsAllowed()).isZero();
  }

  @Test
  void noExpectedPodsMeansNoDisruptions() {
    var r = DisruptionController.sync(pdb(IntOrString.of(0), null, null), PdbStatus.UNSYNCED, List.of(), FINDER, NOW);
    assertThat(r.status().disruptionsAllowed()).isZero();
  }

  @Test
  void aNullSelectorSelectsNothingAndAnEmptyOneEverythingInTheNamespace() {
    List<Pod> pods = List.of(web("a", "web-a").build(), pod("b").namespace("other").build(), pod("c").build());
    assertThat(DisruptionController.selectedPods(pdb("x", null, IntOrString.of(1), null, null), pods)).isEmpty();
    assertThat(DisruptionController.selectedPods(pdb("x", LabelSelector.EMPTY, IntOrString.of(1), null, null), pods)).extracting(Pod::name)
        .containsExactly("a", "c");
  }

  // ---- eviction subresource

  private static Budget budget(int desired, int current, int allowed, String policy) {
    return new Budget(pdb(IntOrString.of(desired), null, policy), new PdbStatus(5, desired, current, allowed, Map.of(), true));
  }

  @Test
  void pendingTerminalAndTerminatingPodsAreDeletedWithoutABudgetCheck() {
    Budget none = budget(5, 5, 0, null);
    for (Pod p : List.of(web("a", "web-a").build(), web("a", "web-a").phase("Succeeded").build(), web("a", "web-a").phase("Failed").build(),
        web("a", "web-a").readySince(1).deleting(2).build())) {
      assertThat(Eviction.evict(p, List.of(none), NOW).outcome()).as(p.status().phase()).isEqualTo(Outcome.EVICTED);
    }
  }

  @Test
  void aBudgetWithRoomIsDecrementedAndRecordsThePod() {
    var r = Eviction.evict(web("p0", "web-a").readySince(1).build(), List.of(budget(3, 5, 2, null)), NOW);
    assertThat(r.outcome()).isEqualTo(Outcome.EVICTED);
    assertThat(r.updatedStatus().disruptionsAllowed()).isEqualTo(1);
    assertThat(r.updatedStatus().disruptedPods()).containsEntry("p0", NOW);
  }

  @Test
  void anExhaustedBudgetAnswers429() {
    var r = Eviction.evict(web("p0", "web-a").readySince(1).build(), List.of(budget(5, 5, 0, null)), NOW);
    assertThat(r.outcome()).isEqualTo(Outcome.TOO_MANY_REQUESTS);
    assertThat(r.outcome().httpCode).isEqualTo(429);
    assertThat(r.message()).contains("needs 5 healthy pods and has 5 currently");
  }

  @Test
  void aStaleBudgetAnswers429AndAnInconsistentOne403() {
    Pod p = web("p0", "web-a").readySince(1).build();
    Budget stale = new Budget(pdb(IntOrString.of(1), null, null), new PdbStatus(5, 1, 5, 4, Map.of(), false));
    assertThat(Eviction.evict(p, List.of(stale), NOW).outcome()).isEqualTo(Outcome.TOO_MANY_REQUESTS);
    Budget negative = new Budget(pdb(IntOrString.of(1), null, null), new PdbStatus(5, 1, 5, -1, Map.of(), true));
    assertThat(Eviction.evict(p, List.of(negative), NOW).outcome()).isEqualTo(Outcome.FORBIDDEN);
    Map<String, Long> many = new java.util.HashMap<>();
    for (int i = 0; i <= Eviction.MAX_DISRUPTED_PODS; i++) many.put("x" + i, NOW);
    Budget crowded = new Budget(pdb(IntOrString.of(1), null, null), new PdbStatus(5, 1, 5, 4, many, true));
    assertThat(Eviction.evict(p, List.of(crowded), NOW).outcome()).isEqualTo(Outcome.FORBIDDEN);
  }

  @Test
  void twoMatchingBudgetsAnswer500AndNoneMeansDelete() {
    Pod p = web("p0", "web-a").readySince(1).build();
    Budget a = budget(1, 5, 4, null);
    Budget b = new Budget(pdb("other", LabelSelector.matchLabels(Map.of("app", "web")), IntOrString.of(1), null, null), a.status());
    assertThat(Eviction.evict(p, List.of(a, b), NOW).outcome()).isEqualTo(Outcome.MULTIPLE_PDBS);
    assertThat(Eviction.evict(p, List.of(), NOW).outcome()).isEqualTo(Outcome.EVICTED);
    Budget everything = new Budget(pdb("all", LabelSelector.EMPTY, IntOrString.of(5), null, null), new PdbStatus(5, 5, 5, 0, Map.of(), true));
    assertThat(Eviction.evict(p, List.of(everything), NOW).outcome()).as("an empty selector matches nothing for eviction").isEqualTo(Outcome.EVICTED);
  }

  @Test
  void unhealthyPodsUnderIfHealthyBudgetGoFreelyOnlyWhileTheBudgetIsMet() {
    Pod unready = web("p0", "web-a").running().notReady().build();
    var met = Eviction.evict(unready, List.of(budget(3, 3, 0, null)), NOW);
    assertThat(met.outcome()).isEqualTo(Outcome.EVICTED);
    assertThat(met.updatedStatus()).as("budget untouched").isNull();
    assertThat(Eviction.evict(unready, List.of(budget(3, 2, 0, Eviction.IF_HEALTHY_BUDGET)), NOW).outcome()).isEqualTo(Outcome.TOO_MANY_REQUESTS);
    assertThat(Eviction.evict(unready, List.of(budget(0, 0, 0, null)), NOW).outcome()).as("desiredHealthy 0 is not 'met'")
        .isEqualTo(Outcome.TOO_MANY_REQUESTS);
  }

  @Test
  void alwaysAllowEvictsUnhealthyPodsRegardlessOfTheBudget() {
    Pod unready = web("p0", "web-a").running().notReady().build();
    assertThat(Eviction.evict(unready, List.of(budget(3, 2, 0, Eviction.ALWAYS_ALLOW)), NOW).outcome()).isEqualTo(Outcome.EVICTED);
  }

  @Test
  void aDrainWaitsForTheReplacementToBecomeReady() {
    PodDisruptionBudget budget = pdb(IntOrString.of(4), null, null);
    List<Pod> pods = fiveReady();
    PdbStatus status = DisruptionController.sync(budget, PdbStatus.UNSYNCED, pods, FINDER, NOW).status();
    assertThat(status.disruptionsAllowed()).isEqualTo(1);
    var first = Eviction.evict(pods.get(0), List.of(new Budget(budget, status)), NOW);
    assertThat(first.evicted()).isTrue();
    var second = Eviction.evict(pods.get(1), List.of(new Budget(budget, first.updatedStatus())), NOW + 10);
    assertThat(second.outcome()).isEqualTo(Outcome.TOO_MANY_REQUESTS);
    // p0 is now terminating, a replacement exists but is not ready: still no budget
    List<Pod> after = new ArrayList<>(pods.subList(1, 5));
    after.add(web("p0", "web-a").readySince(10).deleting(NOW / 1000).build());
    after.add(web("p5", "web-a").running().notReady().build());
    PdbStatus resynced = DisruptionController.sync(budget, first.updatedStatus(), after, FINDER, NOW + 1000).status();
    assertThat(resynced.disruptionsAllowed()).isZero();
    after.set(5, web("p5", "web-a").readySince(NOW / 1000 + 5).build());
    assertThat(DisruptionController.sync(budget, resynced, after, FINDER, NOW + 6000).status().disruptionsAllowed()).isEqualTo(1);
  }
}
