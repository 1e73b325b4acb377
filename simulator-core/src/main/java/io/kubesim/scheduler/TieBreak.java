package io.kubesim.scheduler;

/** How the scheduler picks among nodes with the same highest total score. */
public enum TieBreak {
  /** Uniformly at random with the seeded source (upstream up to 1.34, and 1.35+ in practice). */
  RANDOM,
  /** The first such node in scan order (deterministic without a seed). */
  FIRST
}
