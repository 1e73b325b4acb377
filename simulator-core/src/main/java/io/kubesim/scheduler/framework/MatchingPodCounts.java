package io.kubesim.scheduler.framework;

/**
 * Per node, how many pods of one namespace match one selector, excluding terminating pods
 * (what PodTopologySpread counts). Kept up to date by the cluster state as pods come and go,
 * so a scheduling cycle reads counts instead of rescanning every pod.
 */
public interface MatchingPodCounts {
  int count(NodeInfo node);

  /**
   * The sum of {@link #count} over the nodes of domain {@code d} of {@code domains} (from the same
   * snapshot), or -1 when this implementation keeps no per-domain sums.
   */
  default int countInDomain(TopologyDomains domains, int d) {
    return -1;
  }
}
