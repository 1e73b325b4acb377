package io.kubesim.reports.plan.solver;

import io.kubesim.api.Pod;
import java.util.BitSet;
import java.util.List;
import org.optaplanner.core.api.domain.entity.PlanningEntity;
import org.optaplanner.core.api.domain.entity.PlanningPin;
import org.optaplanner.core.api.domain.lookup.PlanningId;
import org.optaplanner.core.api.domain.variable.PlanningVariable;

/**
 * A pod to place (the planning entity); its node is the planning variable. Pods already bound
 * in the scenario are pinned. Extra pods (a headroom question) may stay unassigned.
 */
@PlanningEntity
public class PodSlot {
  @PlanningId private String id;
  private Pod pod;
  private long milliCpu;
  private long memory;
  private int exclusiveCpus;
  private boolean extra;
  private BitSet eligible;
  private List<SpreadGroup> groups;
  @PlanningPin private boolean pinned;

  @PlanningVariable(nullable = true)
  private NodeSlot node;

  public PodSlot() {}

  public PodSlot(Pod pod, long milliCpu, long memory, int exclusiveCpus, boolean extra, BitSet eligible, List<SpreadGroup> groups,
      NodeSlot pinnedTo) {
    this.id = pod.key();
    this.pod = pod;
    this.milliCpu = milliCpu;
    this.memory = memory;
    this.exclusiveCpus = exclusiveCpus;
    this.extra = extra;
    this.eligible = eligible;
    this.groups = groups;
    this.pinned = pinnedTo != null;
    this.node = pinnedTo;
  }

  public String getId() {
    return id;
  }

  public Pod pod() {
    return pod;
  }

  public long milliCpu() {
    return milliCpu;
  }

  public long memory() {
    return memory;
  }

  /** CPUs the kubelet pins for it (a Guaranteed pod's integer CPUs), 0 otherwise. */
  public int exclusiveCpus() {
    return exclusiveCpus;
  }

  public boolean extra() {
    return extra;
  }

  public boolean isPinned() {
    return pinned;
  }

  public boolean eligibleFor(NodeSlot n) {
    return eligible.get(n.index());
  }

  public List<SpreadGroup> groups() {
    return groups;
  }

  public NodeSlot getNode() {
    return node;
  }

  public void setNode(NodeSlot node) {
    this.node = node;
  }

  @Override
  public String toString() {
    return id + "->" + node;
  }
}
