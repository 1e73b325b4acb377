package io.kubesim.scheduler.framework;

/**
 * A plugin's queueing hint (upstream {@code EnqueueExtensions}): whether an event may make a pod
 * this plugin rejected schedulable. Plugins without it are asked nothing and always requeue.
 */
public interface EnqueueExtensions {
  QueueingHint isSchedulableAfter(ClusterEvent event, io.kubesim.api.Pod pod);
}
