package io.kubesim.reports.plan.solver;

import static org.optaplanner.core.api.score.stream.ConstraintCollectors.countDistinct;
import static org.optaplanner.core.api.score.stream.ConstraintCollectors.max;
import static org.optaplanner.core.api.score.stream.ConstraintCollectors.sumLong;
import static org.optaplanner.core.api.score.stream.ConstraintCollectors.toList;

import org.optaplanner.core.api.score.buildin.hardmediumsoft.HardMediumSoftScore;
import org.optaplanner.core.api.score.stream.Constraint;
import org.optaplanner.core.api.score.stream.ConstraintCollectors;
import org.optaplanner.core.api.score.stream.ConstraintFactory;
import org.optaplanner.core.api.score.stream.ConstraintProvider;
import org.optaplanner.core.api.score.stream.Joiners;

/**
 * Hard: every pod placed (extra pods of a headroom question may stay out), on a node the
 * scheduler's static filters admit it to (taints and tolerations, node affinity and selectors,
 * node name, ports, the spread constraints' keys), within the node's CPU, memory and pod count,
 * DoNotSchedule spread with {@code minDomains}, and exclusive CPUs packed into alignment cells.
 * Medium: the fullest zone, then nodes used (or extra pods left out). Soft: skew.
 */
public final class PlacementConstraints implements ConstraintProvider {
  private static final long GIB = 1L << 30;

  @Override
  public Constraint[] defineConstraints(ConstraintFactory f) {
    return new Constraint[] {
      f.forEachIncludingNullVars(PodSlot.class).filter(p -> p.getNode() == null && !p.extra())
          .penalize(HardMediumSoftScore.ONE_HARD).asConstraint("pod left out"),
      f.forEach(PodSlot.class).filter(p -> !p.isPinned() && !p.eligibleFor(p.getNode()))
          .penalize(HardMediumSoftScore.ONE_HARD).asConstraint("node filtered out"),
      f.forEach(PodSlot.class).groupBy(PodSlot::getNode, sumLong(PodSlot::milliCpu)).filter((n, cpu) -> cpu > n.milliCpu())
          .penalize(HardMediumSoftScore.ONE_HARD, (n, cpu) -> (int) (1 + (cpu - n.milliCpu()) / 1000)).asConstraint("cpu"),
      f.forEach(PodSlot.class).groupBy(PodSlot::getNode, sumLong(PodSlot::memory)).filter((n, mem) -> mem > n.memory())
          .penalize(HardMediumSoftScore.ONE_HARD, (n, mem) -> (int) (1 + (mem - n.memory()) / GIB)).asConstraint("memory"),
      f.forEach(PodSlot.class).groupBy(PodSlot::getNode, ConstraintCollectors.count()).filter((n, c) -> c > n.pods())
          .penalize(HardMediumSoftScore.ONE_HARD, (n, c) -> (int) (c - n.pods())).asConstraint("pods"),
      f.forEach(PodSlot.class).filter(p -> p.exclusiveCpus() > 0 && p.getNode().cellCapacity() != null)
          .groupBy(PodSlot::getNode, toList(PodSlot::exclusiveCpus)).filter((n, cpus) -> Packing.unplaced(n.cellCapacity(), cpus) > 0)
          .penalize(HardMediumSoftScore.ONE_HARD, (n, cpus) -> Packing.unplaced(n.cellCapacity(), cpus)).asConstraint("alignment"),
      f.forEach(SpreadGroup.class).join(PodSlot.class, Joiners.filtering((g, p) -> p.groups().contains(g)))
          .groupBy((g, p) -> g, toList((g, p) -> p.getNode())).filter((g, nodes) -> g.violation(nodes) > 0)
          .penalize(HardMediumSoftScore.ONE_HARD, SpreadGroup::violation).asConstraint("spread"),
      f.forEach(PodSlot.class).filter(p -> p.getNode().zone() != null && p.getNode().zone().weight() > 0)
          .groupBy(p -> p.getNode().zone(), countDistinct(PodSlot::getNode)).groupBy(max((NodeSlot.Zone z, Integer c) -> Integer.valueOf(c * z.weight())))
          .penalize(HardMediumSoftScore.ONE_MEDIUM, m -> m).asConstraint("fullest zone"),
      f.forEach(PodSlot.class).filter(p -> p.getNode().usedWeight() > 0).groupBy(PodSlot::getNode)
          .penalize(HardMediumSoftScore.ONE_MEDIUM, NodeSlot::usedWeight).asConstraint("nodes used"),
      f.forEachIncludingNullVars(PodSlot.class).filter(p -> p.getNode() == null && p.extra())
          .penalize(HardMediumSoftScore.ONE_MEDIUM).asConstraint("extra pod left out"),
      f.forEach(SpreadGroup.class).join(PodSlot.class, Joiners.filtering((g, p) -> p.groups().contains(g)))
          .groupBy((g, p) -> g, toList((g, p) -> p.getNode()))
          .penalize(HardMediumSoftScore.ONE_SOFT, SpreadGroup::skew).asConstraint("skew")
    };
  }
}
