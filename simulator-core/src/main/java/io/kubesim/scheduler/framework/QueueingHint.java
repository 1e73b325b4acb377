package io.kubesim.scheduler.framework;

public enum QueueingHint {
  /** The event may make the pod schedulable: retry it. */
  QUEUE,
  /** The event cannot help this pod: leave it parked. */
  SKIP
}
