package io.kubesim.scheduler.framework;

/** Upstream {@code framework.Code}. */
public enum Code {
  /** The plugin ran and the pod may go ahead. */
  Success,
  /** Internal or input error; the cycle fails with an error, not a scheduling verdict. */
  Error,
  /** The node does not fit now; preemption may make it fit. */
  Unschedulable,
  /** The node does not fit and preemption cannot change that. */
  UnschedulableAndUnresolvable,
  /** The plugin has nothing to do for this pod; its later extension points are not called. */
  Skip
}
