package io.kubesim.scheduler.plugins.podtopologyspread;

/** Whether a spread constraint counts only nodes that pass the pod's node affinity / taint tolerations. */
public enum NodeInclusionPolicy {
  /** Only nodes the pod could be placed on (by that criterion) count. */
  Honor,
  /** Every node counts. */
  Ignore
}
