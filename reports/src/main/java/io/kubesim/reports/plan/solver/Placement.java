package io.kubesim.reports.plan.solver;

import java.util.List;
import org.optaplanner.core.api.domain.solution.PlanningEntityCollectionProperty;
import org.optaplanner.core.api.domain.solution.PlanningScore;
import org.optaplanner.core.api.domain.solution.PlanningSolution;
import org.optaplanner.core.api.domain.solution.ProblemFactCollectionProperty;
import org.optaplanner.core.api.domain.valuerange.ValueRangeProvider;
import org.optaplanner.core.api.score.buildin.hardmediumsoft.HardMediumSoftScore;

/** Pods on candidate nodes: the planning solution. */
@PlanningSolution
public class Placement {
  @ProblemFactCollectionProperty
  @ValueRangeProvider
  private List<NodeSlot> nodes;

  @ProblemFactCollectionProperty private List<SpreadGroup> groups;

  @PlanningEntityCollectionProperty private List<PodSlot> pods;

  @PlanningScore private HardMediumSoftScore score;

  public Placement() {}

  public Placement(List<NodeSlot> nodes, List<SpreadGroup> groups, List<PodSlot> pods) {
    this.nodes = nodes;
    this.groups = groups;
    this.pods = pods;
  }

  public List<NodeSlot> getNodes() {
    return nodes;
  }

  public List<SpreadGroup> getGroups() {
    return groups;
  }

  public List<PodSlot> getPods() {
    return pods;
  }

  public HardMediumSoftScore getScore() {
    return score;
  }

  public void setScore(HardMediumSoftScore score) {
    this.score = score;
  }
}
