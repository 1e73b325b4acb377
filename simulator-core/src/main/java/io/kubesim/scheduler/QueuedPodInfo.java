package io.kubesim.scheduler;

import io.kubesim.api.Pod;
import java.util.List;

/**
 * A pod in the scheduling queue with its attempt history (upstream {@code QueuedPodInfo}).
 * Times are simulated milliseconds.
 */
public final class QueuedPodInfo {
  Pod pod;
  /** The pod's namespace/name, which no update changes: worked out once, as maps are keyed by it. */
  final String key;
  /** {@code pod.spec.priority}, copied because the queue's order reads it at every heap step. */
  int priority;
  /** When the pod last entered the queue: initial add or its last failed attempt. */
  long timestamp;
  final long initialAttemptTimestamp;
  int attempts;
  int unschedulableCount;
  int consecutiveErrorsCount;
  List<String> rejectorPlugins = List.of();
  String lastFailureMessage = "";
  final long sequence;

  QueuedPodInfo(Pod pod, long now, long sequence) {
    this.pod = pod;
    this.key = pod.key();
    this.priority = pod.spec().priorityValue();
    this.timestamp = now;
    this.initialAttemptTimestamp = now;
    this.sequence = sequence;
  }

  public Pod pod() {
    return pod;
  }

  public String key() {
    return key;
  }

  public int attempts() {
    return attempts;
  }

  public long initialAttemptTimestamp() {
    return initialAttemptTimestamp;
  }

  public List<String> rejectorPlugins() {
    return rejectorPlugins;
  }

  /** The last failure's upstream-style message, "" before any failure. */
  public String lastFailureMessage() {
    return lastFailureMessage;
  }
}
