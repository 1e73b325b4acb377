package io.kubesim.gui;

import io.kubesim.gui.model.Charts;
import io.kubesim.gui.model.Frame;
import io.kubesim.gui.model.Replay;
import io.kubesim.gui.view.CanvasView;
import io.kubesim.gui.view.ChartsView;
import io.kubesim.gui.view.ClusterView;
import io.kubesim.gui.view.NodeCpuView;
import io.kubesim.gui.view.Palette;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.Scene;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/** Views of a replay at a moment, laid out at a fixed size on their own (what snapshots render). Call on the JavaFX thread. */
final class StandaloneViews {
  static final double WIDTH = 1400, HEIGHT = 860;

  private StandaloneViews() {}

  static CanvasView build(Replay r, ViewSpec spec, long time) {
    Frame f = r.frameAt(time);
    Palette palette = new Palette(r.frames());
    CanvasView view = switch (spec.kind()) {
      case cluster -> {
        ClusterView v = new ClusterView();
        v.show(title(r), f, palette, time);
        yield v;
      }
      case node -> {
        NodeCpuView v = new NodeCpuView();
        v.show(f, palette, spec.node(), r.topologies().get(spec.node()), time);
        yield v;
      }
      case charts -> charts(r, title(r), time);
    };
    laidOut(new StackPane(view), List.of(view));
    return view;
  }

  /** Two variants' charts one above the other, time axes aligned. */
  static VBox stacked(Replay top, Replay bottom, long time) {
    ChartsView a = charts(top, title(top), time), b = charts(bottom, bottom.variant(), time);
    for (ChartsView v : List.of(a, b)) v.setPrefHeight((HEIGHT - 6) / 2);
    return laidOut(new VBox(6, a, b), List.of(a, b));
  }

  /** Two variants' cluster views side by side at the same moment, sharing one palette. */
  static HBox sideBySide(Replay left, Replay right, long time) {
    List<Frame> both = new ArrayList<>(left.frames());
    both.addAll(right.frames());
    Palette palette = new Palette(both);
    ClusterView a = new ClusterView(), b = new ClusterView();
    a.show(title(left), left.frameAt(time), palette, time);
    b.show(right.variant(), right.frameAt(time), palette, time);
    for (ClusterView v : List.of(a, b)) v.setPrefWidth((WIDTH - 8) / 2);
    return laidOut(new HBox(8, a, b), List.of(a, b));
  }

  private static String title(Replay r) {
    return r.scenario().name() + " / " + r.variant();
  }

  private static ChartsView charts(Replay r, String title, long time) {
    ChartsView v = new ChartsView();
    v.show(title, Charts.of(r), r.result().marks(), r.scenario().durationMs(), time);
    return v;
  }

  /**
   * Lays the views out at the snapshot size and draws them; cluster views of a small cluster do
   * not fill the height their tiles are sized for, so the picture is cropped to what they use.
   */
  private static <P extends Pane> P laidOut(P root, List<? extends CanvasView> views) {
    root.setStyle("-fx-background-color: white;");
    new Scene(root, WIDTH, HEIGHT);
    resize(root, views, HEIGHT);
    double used = 0;
    for (CanvasView v : views) used = Math.max(used, v instanceof ClusterView c ? c.contentHeight() : HEIGHT);
    if (used < HEIGHT - 40) resize(root, views, Math.max(300, used));
    return root;
  }

  private static void resize(Pane root, List<? extends CanvasView> views, double height) {
    root.resize(WIDTH, height);
    root.layout();
    views.forEach(CanvasView::redraw);
  }
}
