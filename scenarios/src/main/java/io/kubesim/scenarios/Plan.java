package io.kubesim.scenarios;

import io.kubesim.yaml.Mark;
import java.util.List;

/**
 * The sizing questions of a scenario's {@code plan:} section, answered by {@code sim plan} (module
 * reports); {@code sim run} ignores them.
 *
 * @param timeLimitMs how long the solver may search per question (and per variant)
 * @param stepLimit how many solver steps per question, or null for no step limit; a step limit
 *     makes the answer independent of the machine's speed
 */
public record Plan(long timeLimitMs, Long stepLimit, List<Question> questions) {

  public Plan {
    questions = List.copyOf(questions);
  }

  /** One question; {@code name} is unique in the plan. */
  public sealed interface Question permits FewestNodes, Headroom {
    String name();

    Mark mark();
  }

  /** What {@link FewestNodes} counts. */
  public enum Per {
    /** Nodes in the whole pool. */
    pool,
    /** Nodes in each of the pool's zones (the same number in every zone). */
    zone
  }

  /** Which alignment every Guaranteed pod's exclusive CPUs need. */
  public enum Alignment {
    none,
    numa,
    socket
  }

  /**
   * The fewest nodes of {@code pool} such that every workload's pods schedule (resources,
   * constraints, {@code minDomains}) and, with {@code aligned}, are admitted aligned by the kubelet.
   *
   * @param max the most nodes tried (per zone with {@code per: zone})
   * @param zonesLost zones of the pool lost (the first ones in its list, which hold the most nodes)
   * @param nodesDown nodes of the pool down for maintenance at once (the first ones, by number)
   */
  public record FewestNodes(Mark mark, String name, String pool, Per per, int max, int zonesLost, int nodesDown, Alignment aligned)
      implements Question {}

  /** How many more replicas of {@code workload} fit on the cluster as it is (at most {@code max}). */
  public record Headroom(Mark mark, String name, ObjectRef workload, int max) implements Question {}
}
