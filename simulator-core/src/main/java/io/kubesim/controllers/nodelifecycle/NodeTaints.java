package io.kubesim.controllers.nodelifecycle;

import io.kubesim.api.Taint;
import io.kubesim.api.TaintEffect;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The taint keys Kubernetes manages, and taint-list helpers (upstream {@code taintutils}). */
public final class NodeTaints {
  public static final String NOT_READY = "node.kubernetes.io/not-ready";
  public static final String UNREACHABLE = "node.kubernetes.io/unreachable";
  public static final String UNSCHEDULABLE = "node.kubernetes.io/unschedulable";
  public static final String MEMORY_PRESSURE = "node.kubernetes.io/memory-pressure";
  public static final String DISK_PRESSURE = "node.kubernetes.io/disk-pressure";
  public static final String PID_PRESSURE = "node.kubernetes.io/pid-pressure";
  public static final String NETWORK_UNAVAILABLE = "node.kubernetes.io/network-unavailable";

  /** The NoExecute taints of {@code doNoExecuteTaintingPass} ({@code timeAdded} is set when added). */
  public static final Taint NOT_READY_NO_EXECUTE = new Taint(NOT_READY, "", TaintEffect.NoExecute);
  public static final Taint UNREACHABLE_NO_EXECUTE = new Taint(UNREACHABLE, "", TaintEffect.NoExecute);

  /** Upstream {@code nodeConditionToTaintKeyStatusMap}: condition type → status → NoSchedule taint key. */
  public static final Map<String, Map<String, String>> CONDITION_TAINTS = Map.of(
      "Ready", Map.of("False", NOT_READY, "Unknown", UNREACHABLE),
      "MemoryPressure", Map.of("True", MEMORY_PRESSURE),
      "DiskPressure", Map.of("True", DISK_PRESSURE),
      "NetworkUnavailable", Map.of("True", NETWORK_UNAVAILABLE),
      "PIDPressure", Map.of("True", PID_PRESSURE));

  static final Set<String> CONDITION_TAINT_KEYS = Set.of(NOT_READY, UNREACHABLE, MEMORY_PRESSURE, DISK_PRESSURE, PID_PRESSURE, NETWORK_UNAVAILABLE);

  private NodeTaints() {}

  /** Upstream {@code Taint.MatchTaint}: same key and effect. */
  public static boolean matches(Taint a, Taint b) {
    return a.key().equals(b.key()) && a.effect() == b.effect();
  }

  public static boolean exists(List<Taint> taints, Taint t) {
    for (Taint x : taints) {
      if (matches(x, t)) return true;
    }
    return false;
  }

  /** The NoExecute taints of a taint list. */
  public static List<Taint> noExecute(List<Taint> taints) {
    List<Taint> out = new ArrayList<>();
    for (Taint t : taints) {
      if (t.effect() == TaintEffect.NoExecute) out.add(t);
    }
    return out;
  }

  /**
   * A change to one node's taints: remove those matching {@code remove} (key and effect), then add
   * {@code add} (replacing a taint with the same key and effect).
   */
  public record Change(String node, List<Taint> add, List<Taint> remove) {
    public Change {
      add = List.copyOf(add);
      remove = List.copyOf(remove);
    }

    /** {@code taints} after this change. */
    public List<Taint> applyTo(List<Taint> taints) {
      List<Taint> out = new ArrayList<>();
      for (Taint t : taints) {
        if (!exists(remove, t) && !exists(add, t)) out.add(t);
      }
      out.addAll(add);
      return out;
    }
  }
}
