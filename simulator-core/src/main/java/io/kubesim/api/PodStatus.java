package io.kubesim.api;

import java.util.List;

/**
 * @param phase Pending, Running, Succeeded, Failed (null = Pending)
 * @param reason for a Failed pod, e.g. the kubelet's admission error ({@code TopologyAffinityError})
 */
public record PodStatus(String phase, String nominatedNodeName, List<PodCondition> conditions, String reason, String message) {
  public static final PodStatus PENDING = new PodStatus("Pending", null, List.of(), null, null);

  public PodStatus {
    conditions = conditions == null ? List.of() : List.copyOf(conditions);
  }

  public PodStatus(String phase, String nominatedNodeName) {
    this(phase, nominatedNodeName, List.of(), null, null);
  }

  /** The condition of that type, or null. */
  public PodCondition condition(String type) {
    // Indexed, not for-each: the controllers ask every pod of a workload on each sync, and the
    // iterator of an immutable list is not always scalarised.
    for (int i = 0, n = conditions.size(); i < n; i++) {
      PodCondition c = conditions.get(i);
      if (c.type().equals(type)) return c;
    }
    return null;
  }

  public boolean isReady() {
    PodCondition ready = condition("Ready");
    return ready != null && "True".equals(ready.status());
  }

  /** Succeeded or Failed: the pod will not run again. */
  public boolean isTerminal() {
    return "Succeeded".equals(phase) || "Failed".equals(phase);
  }
}
