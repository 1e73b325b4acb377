package io.kubesim.gui.model;

import io.kubesim.api.Taint;
import java.util.List;

/**
 * One node at one moment.
 *
 * @param notReady the node lifecycle controller marked it unreachable or not ready (its taints say so)
 * @param cpuMilli allocatable CPU in millicores (0 when not given)
 */
public record NodeView(String name, String region, String zone, List<Taint> taints, boolean unschedulable, boolean notReady, long cpuMilli) {
  public NodeView {
    taints = List.copyOf(taints);
  }

  /** Taints other than the ones the cordon and the lifecycle controller add (those are shown as states). */
  public List<Taint> userTaints() {
    return taints.stream().filter(t -> !NodeStates.isStateTaint(t)).toList();
  }
}
