package io.kubesim.scheduler.framework;

import java.util.Set;

/**
 * PreFilter's verdict.
 *
 * @param nodeNames when non-null, only these nodes can pass (upstream {@code PreFilterResult.NodeNames})
 */
public record PreFilterResult(Status status, Set<String> nodeNames) {
  public static PreFilterResult of(Status status) {
    return new PreFilterResult(status, null);
  }
}
