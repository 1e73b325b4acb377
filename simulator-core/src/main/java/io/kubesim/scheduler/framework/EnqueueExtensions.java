package io.kubesim.scheduler.framework;

import io.kubesim.api.Pod;

/**
 * A plugin's queueing hint (upstream {@code EnqueueExtensions} + {@code QueueingHintFn}): whether
 * a cluster event may make a pod this plugin rejected schedulable. Plugins without it are asked
 * nothing and always requeue.
 */
public interface EnqueueExtensions {
  /**
   * @param pod the parked pod this plugin rejected
   * @param snapshot the cluster after the event (for lookups such as Services); may be null in tests
   */
  QueueingHint isSchedulableAfter(ClusterEvent event, Pod pod, Snapshot snapshot);
}
