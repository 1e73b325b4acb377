package io.kubesim.controllers.replicaset;

import io.kubesim.api.Pod;

/**
 * Container restart counts, which the pod records do not carry (upstream reads
 * {@code status.containerStatuses[].restartCount}). The engine supplies them if it models
 * restarts; {@link #NONE} reports 0 everywhere.
 */
public interface RestartCounts {
  /** The highest restart count of the pod's regular containers. */
  int maxContainerRestarts(Pod pod);

  /** The highest restart count of the pod's restartable init (sidecar) containers. */
  default int maxSidecarRestarts(Pod pod) {
    return 0;
  }

  RestartCounts NONE = pod -> 0;
}
