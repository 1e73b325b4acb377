package io.kubesim.gui.model;

import io.kubesim.gui.model.FrameRecorder.TimedDecision;
import io.kubesim.kubelet.cm.topology.CpuTopology;
import io.kubesim.scenarios.Scenario;
import io.kubesim.scenarios.run.VariantResult;
import java.util.List;
import java.util.Map;

/**
 * One variant run to its end, kept for looking at: the frames in time order, every scheduling
 * decision, and the CPU topology of each pinning node. Immutable.
 */
public record Replay(Scenario scenario, VariantResult result, List<Frame> frames, List<TimedDecision> decisions, Map<String, CpuTopology> topologies,
    boolean detailed) {
  public Replay {
    frames = List.copyOf(frames);
    decisions = List.copyOf(decisions);
    topologies = Map.copyOf(topologies);
  }

  public String variant() {
    return scenario.variant();
  }

  /** The index of the last frame at or before {@code timeMs} (the first frame when earlier than all). */
  public int indexAt(long timeMs) {
    int lo = 0, hi = frames.size() - 1, found = 0;
    while (lo <= hi) {
      int mid = (lo + hi) >>> 1;
      if (frames.get(mid).time() <= timeMs) {
        found = mid;
        lo = mid + 1;
      } else {
        hi = mid - 1;
      }
    }
    return found;
  }

  public Frame frameAt(long timeMs) {
    return frames.get(indexAt(timeMs));
  }

  /** The latest decision about the pod at or before {@code timeMs}, or null. */
  public TimedDecision lastDecision(String podKey, long timeMs) {
    TimedDecision found = null;
    for (TimedDecision d : decisions) {
      if (d.time() > timeMs) break;
      if (d.decision().pod().key().equals(podKey)) found = d;
    }
    return found;
  }
}
