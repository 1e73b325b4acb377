package io.kubesim.reports.plan;

import io.kubesim.reports.plan.solver.Placement;
import io.kubesim.reports.plan.solver.PlacementConstraints;
import io.kubesim.reports.plan.solver.PodSlot;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import org.optaplanner.core.api.score.buildin.hardmediumsoft.HardMediumSoftScore;
import org.optaplanner.core.api.solver.Solver;
import org.optaplanner.core.api.solver.SolverFactory;
import org.optaplanner.core.config.constructionheuristic.ConstructionHeuristicPhaseConfig;
import org.optaplanner.core.config.localsearch.LocalSearchPhaseConfig;
import org.optaplanner.core.config.solver.EnvironmentMode;
import org.optaplanner.core.config.solver.SolverConfig;
import org.optaplanner.core.config.solver.termination.TerminationConfig;

/**
 * One OptaPlanner run: Constraint Streams on Bavet, reproducible environment mode with a fixed
 * seed, a construction heuristic for unplaced pods then local search, stopped by the time limit,
 * the step limit (local search steps) or once the score reaches the lower bound.
 */
public final class Solve {
  private Solve() {}

  public record Limits(long timeLimitMs, Long stepLimit, long seed) {}

  public record Outcome(Placement best, HardMediumSoftScore score, long millis) {}

  /** Progress lines ("best score so far") go to {@code progress}, at most a few per second. */
  public static Outcome run(Placement problem, Limits limits, HardMediumSoftScore bound, Consumer<String> progress) {
    TerminationConfig termination = new TerminationConfig().withSpentLimit(Duration.ofMillis(limits.timeLimitMs()));
    if (bound != null) termination.setBestScoreLimit(bound.toString());
    LocalSearchPhaseConfig localSearch = new LocalSearchPhaseConfig();
    if (limits.stepLimit() != null) localSearch.setTerminationConfig(new TerminationConfig().withStepCountLimit(limits.stepLimit().intValue()));
    SolverConfig config = new SolverConfig()
        .withSolutionClass(Placement.class)
        .withEntityClasses(PodSlot.class)
        .withConstraintProviderClass(PlacementConstraints.class)
        .withEnvironmentMode(EnvironmentMode.REPRODUCIBLE)
        .withRandomSeed(limits.seed())
        .withTerminationConfig(termination)
        .withPhases(new ConstructionHeuristicPhaseConfig(), localSearch);
    Solver<Placement> solver = SolverFactory.<Placement>create(config).buildSolver();
    long start = System.nanoTime();
    long[] last = {0};
    solver.addEventListener(e -> {
      long now = System.nanoTime();
      if (now - last[0] > 250_000_000L) {
        last[0] = now;
        progress.accept("best " + e.getNewBestScore() + " after " + e.getTimeMillisSpent() + " ms");
      }
    });
    Placement best = solver.solve(problem);
    long ms = (System.nanoTime() - start) / 1_000_000;
    progress.accept("done: " + best.getScore() + " in " + ms + " ms");
    return new Outcome(best, best.getScore(), ms);
  }

  static int assigned(List<PodSlot> pods) {
    return (int) pods.stream().filter(p -> p.getNode() != null).count();
  }
}
