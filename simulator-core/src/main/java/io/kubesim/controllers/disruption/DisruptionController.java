package io.kubesim.controllers.disruption;

import io.kubesim.api.IntOrString;
import io.kubesim.api.OwnerReference;
import io.kubesim.api.Pod;
import io.kubesim.api.PodDisruptionBudget;
import io.kubesim.api.labels.Selector;
import io.kubesim.controllers.PodState;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Upstream {@code DisruptionController.trySync}: recompute a PDB's status.
 *
 * <ul>
 *   <li>{@code expectedPods}: with {@code maxUnavailable} or a percentage {@code minAvailable}, the
 *       summed scale of the pods' controllers ({@link ScaleFinder}; pods without a controller are
 *       "unmanaged" and ignored); with an integer {@code minAvailable}, the number of matching pods.
 *   <li>{@code desiredHealthy}: integer minAvailable as is; percentage minAvailable
 *       {@code ceil(p × expected / 100)}; maxUnavailable (int or %, % rounded <em>up</em>) gives
 *       {@code max(expected − maxUnavailable, 0)}.
 *   <li>{@code currentHealthy}: matching pods that are Ready, not terminating and not in
 *       {@code disruptedPods} (entries younger than 2 minutes).
 *   <li>{@code disruptionsAllowed = max(currentHealthy − desiredHealthy, 0)}, and 0 when
 *       {@code expectedPods} is 0.
 * </ul>
 *
 * A pod whose controller cannot be found makes the sync fail; upstream then only sets
 * {@code disruptionsAllowed} to 0 ("fail safe").
 */
public final class DisruptionController {
  /** Upstream {@code DeletionTimeout}: how long an approved eviction keeps a pod out of the healthy count. */
  public static final long DELETION_TIMEOUT_MS = 120_000;

  private DisruptionController() {}

  /**
   * The result of one sync.
   *
   * @param recheckAtMs when the oldest {@code disruptedPods} entry expires (the controller re-syncs then)
   * @param unmanagedPods matching pods without a controllerRef
   * @param error the failure that triggered fail-safe, or null
   */
  public record Result(PdbStatus status, OptionalLong recheckAtMs, List<String> unmanagedPods, String error) {}

  /**
   * The pods a PDB selects in its namespace: a null selector selects none, {@code {}} selects all
   * (the controller lists pods with {@code LabelSelectorAsSelector}).
   */
  public static List<Pod> selectedPods(PodDisruptionBudget pdb, List<Pod> pods) {
    Selector selector;
    try {
      selector = Selector.of(pdb.spec().selector());
    } catch (IllegalArgumentException e) {
      return List.of();
    }
    List<Pod> out = new ArrayList<>();
    for (Pod p : pods) {
      if (p.namespace().equals(pdb.metadata().namespace()) && selector.matches(p.labels())) out.add(p);
    }
    return out;
  }

  /**
   * @param previous the PDB's current status (for {@code disruptedPods})
   * @param pods pods of the PDB's namespace (or just those it selects)
   */
  public static Result sync(PodDisruptionBudget pdb, PdbStatus previous, List<Pod> pods, ScaleFinder finder, long nowMs) {
    List<Pod> selected = selectedPods(pdb, pods);
    List<String> unmanaged = new ArrayList<>();
    int expected;
    int desired;
    IntOrString maxUnavailable = pdb.spec().maxUnavailable();
    IntOrString minAvailable = pdb.spec().minAvailable();
    try {
      if (maxUnavailable != null) {
        expected = expectedScale(selected, finder, unmanaged);
        desired = Math.max(expected - maxUnavailable.scaledValue(expected, true), 0);
      } else if (minAvailable != null && !minAvailable.isPercent()) {
        desired = minAvailable.intValue();
        expected = selected.size();
      } else if (minAvailable != null) {
        expected = expectedScale(selected, finder, unmanaged);
        desired = minAvailable.scaledValue(expected, true);
      } else {
        expected = 0;
        desired = 0;
      }
    } catch (IllegalArgumentException | IllegalStateException e) {
      PdbStatus p = previous == null ? PdbStatus.UNSYNCED : previous;
      PdbStatus failSafe = new PdbStatus(p.expectedPods(), p.desiredHealthy(), p.currentHealthy(), 0, p.disruptedPods(), p.observed());
      return new Result(failSafe, OptionalLong.empty(), unmanaged, e.getMessage());
    }
    Map<String, Long> disrupted = new LinkedHashMap<>();
    OptionalLong recheck = buildDisruptedPodMap(selected, previous == null ? Map.of() : previous.disruptedPods(), nowMs, disrupted);
    int healthy = currentHealthy(selected, disrupted, nowMs);
    int allowed = healthy - desired;
    if (expected <= 0 || allowed <= 0) allowed = 0;
    return new Result(new PdbStatus(expected, desired, healthy, allowed, disrupted, true), recheck, unmanaged, null);
  }

  /** Upstream {@code getExpectedScale}: Σ scale over the distinct controllers of the pods. */
  static int expectedScale(List<Pod> pods, ScaleFinder finder, List<String> unmanaged) {
    Map<String, Integer> scales = new HashMap<>();
    for (Pod p : pods) {
      OwnerReference ref = p.metadata().controllerRef();
      if (ref == null) {
        unmanaged.add(p.name());
        continue;
      }
      if (scales.containsKey(ref.uid())) continue;
      Optional<ScaleFinder.Scale> scale = finder.find(ref, p.namespace());
      if (scale.isEmpty()) throw new IllegalStateException("found no controllers for pod \"" + p.name() + "\"");
      scales.put(scale.get().controllerUid(), scale.get().replicas());
    }
    return scales.values().stream().mapToInt(Integer::intValue).sum();
  }

  /**
   * Upstream {@code countHealthyPods}: Ready pods that are not terminating and not in
   * {@code disruptedPods} with an entry whose 2-minute timeout is still ahead.
   */
  public static int currentHealthy(List<Pod> pods, Map<String, Long> disruptedPods, long nowMs) {
    int n = 0;
    for (Pod p : pods) {
      if (p.isTerminating()) continue;
      Long t = disruptedPods.get(p.name());
      if (t != null && t + DELETION_TIMEOUT_MS > nowMs) continue;
      if (PodState.isReady(p)) n++;
    }
    return n;
  }

  /**
   * Upstream {@code buildDisruptedPodMap}: keeps entries of pods that still exist, are not yet
   * terminating and whose timeout has not passed; returns the earliest timeout among them.
   */
  static OptionalLong buildDisruptedPodMap(List<Pod> pods, Map<String, Long> previous, long nowMs, Map<String, Long> out) {
    long recheck = Long.MAX_VALUE;
    for (Pod p : pods) {
      if (p.isTerminating()) continue;
      Long t = previous.get(p.name());
      if (t == null) continue;
      long expectedDeletion = t + DELETION_TIMEOUT_MS;
      if (expectedDeletion < nowMs) continue;
      recheck = Math.min(recheck, expectedDeletion);
      out.put(p.name(), t);
    }
    return recheck == Long.MAX_VALUE ? OptionalLong.empty() : OptionalLong.of(recheck);
  }
}
