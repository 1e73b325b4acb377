package io.kubesim.scheduler;

import io.kubesim.scheduler.framework.Status;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Upstream's {@code FitError.Error()}: the "0/N nodes are available: ..." message. */
final class FitError {
  private FitError() {}

  static final String NO_NODE_AVAILABLE = "0/%d nodes are available:";

  /**
   * @param preFilterMessage the rejecting PreFilter's message, or null when PreFilter passed
   * @param nodeStatuses one status per rejected node
   * @param absentNodes nodes never filtered because a PreFilter narrowed the list, with their status
   * @param postFilter PostFilter's status, or null
   */
  static String message(int allNodes, String preFilterMessage, Collection<Status> nodeStatuses, int absentNodes,
      Status absentStatus, Status postFilter) {
    StringBuilder msg = new StringBuilder(String.format(NO_NODE_AVAILABLE, allNodes));
    if (preFilterMessage != null) {
      msg.append(' ').append(preFilterMessage).append('.');
    } else {
      Map<String, Integer> histogram = new HashMap<>();
      for (Status s : nodeStatuses) {
        for (String r : s.reasons()) histogram.merge(r, 1, Integer::sum);
      }
      if (absentNodes > 0 && absentStatus != null) {
        for (String r : absentStatus.reasons()) histogram.merge(r, absentNodes, Integer::sum);
      }
      List<String> reasons = new ArrayList<>();
      histogram.forEach((reason, count) -> reasons.add(count + " " + reason));
      Collections.sort(reasons);
      if (!reasons.isEmpty()) msg.append(' ').append(String.join(", ", reasons)).append('.');
    }
    if (postFilter != null && !postFilter.reasons().isEmpty()) msg.append(' ').append(postFilter.message()).append('.');
    return msg.toString();
  }
}
