package io.kubesim.gui.view;

import io.kubesim.gui.model.Frame;
import io.kubesim.gui.model.PodView;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import javafx.scene.paint.Color;

/**
 * Colours: one hue per workload (golden-angle steps, so neighbours differ), the workload's newest
 * revision solid and older revisions pale, so a rollout in progress shows as two tones.
 */
public final class Palette {
  public static final Color BACKGROUND = Color.WHITE;
  public static final Color TILE = Color.rgb(236, 239, 244);
  public static final Color TILE_BORDER = Color.rgb(150, 160, 175);
  public static final Color SELECTED = Color.rgb(20, 90, 220);
  public static final Color CORDONED = Color.rgb(230, 140, 0);
  public static final Color NOT_READY = Color.rgb(210, 30, 30);
  public static final Color TAINTED = Color.rgb(130, 60, 170);
  public static final Color SHARED_POOL = Color.rgb(245, 236, 200);
  public static final Color RESERVED = Color.rgb(90, 90, 90);
  public static final Color TEXT = Color.rgb(30, 30, 40);
  public static final Color MUTED = Color.rgb(110, 115, 125);

  private final Map<String, Color> byWorkload = new HashMap<>();
  private final Map<String, Integer> newestRevision = new HashMap<>();

  /** Hues assigned in workload name order, so both sides of a comparison agree. */
  public Palette(List<Frame> frames) {
    TreeSet<String> workloads = new TreeSet<>();
    for (Frame f : List.of(frames.get(0), frames.get(frames.size() - 1))) for (PodView p : f.pods()) workloads.add(p.workload());
    int i = 0;
    for (String w : workloads) byWorkload.put(w, w.isEmpty() ? Color.GRAY : Color.hsb((i++ * 137.508) % 360, 0.75, 0.85));
  }

  /** Which revision is "new" at this frame: per workload, the latest one any of its pods has. */
  public void follow(Frame f) {
    newestRevision.clear();
    for (PodView p : f.pods()) newestRevision.merge(p.workload(), p.revisionOrdinal(), Math::max);
  }

  public Color workload(String workload) {
    return byWorkload.computeIfAbsent(workload, w -> Color.hsb((byWorkload.size() * 137.508) % 360, 0.75, 0.85));
  }

  public boolean isNewest(PodView p) {
    return p.revisionOrdinal() >= newestRevision.getOrDefault(p.workload(), 0);
  }

  /** Fill for a pod: solid for the newest revision, pale for older ones, paler still while it starts. */
  public Color pod(PodView p) {
    Color c = workload(p.workload());
    if (!isNewest(p)) c = c.deriveColor(0, 0.35, 1.15, 1);
    if (!p.ready() || p.terminating()) c = c.deriveColor(0, 0.6, 1.1, 0.55);
    return c;
  }

  public Map<String, Color> workloads() {
    return Map.copyOf(byWorkload);
  }
}
