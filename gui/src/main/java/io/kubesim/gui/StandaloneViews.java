package io.kubesim.gui;

import io.kubesim.gui.model.Charts;
import io.kubesim.gui.model.Frame;
import io.kubesim.gui.model.Replay;
import io.kubesim.gui.view.CanvasView;
import io.kubesim.gui.view.ChartsView;
import io.kubesim.gui.view.ClusterView;
import io.kubesim.gui.view.NodeCpuView;
import io.kubesim.gui.view.Palette;
import java.util.List;
import javafx.scene.Scene;
import javafx.scene.layout.StackPane;

/** One view of a replay at a moment, laid out at a fixed size on its own (what snapshots render). Call on the JavaFX thread. */
final class StandaloneViews {
  static final double WIDTH = 1400, HEIGHT = 860;

  private StandaloneViews() {}

  static CanvasView build(Replay r, ViewSpec spec, long time) {
    Frame f = r.frameAt(time);
    Palette palette = new Palette(r.frames());
    String title = r.scenario().name() + " / " + r.variant();
    CanvasView view = switch (spec.kind()) {
      case cluster -> {
        ClusterView v = new ClusterView();
        v.show(title, f, palette, time);
        yield v;
      }
      case node -> {
        NodeCpuView v = new NodeCpuView();
        v.show(f, palette, spec.node(), r.topologies().get(spec.node()), time);
        yield v;
      }
      case charts -> {
        ChartsView v = new ChartsView();
        v.show(title, Charts.of(r), r.result().marks(), r.scenario().durationMs(), time);
        yield v;
      }
    };
    StackPane root = new StackPane(view);
    new Scene(root, WIDTH, HEIGHT);
    root.resize(WIDTH, HEIGHT);
    root.layout();
    view.redraw();
    if (view instanceof ClusterView c && c.contentHeight() < HEIGHT - 40) {
      // A small cluster does not fill the height its tiles are sized for: crop the picture to it.
      double h = Math.max(300, c.contentHeight());
      root.resize(WIDTH, h);
      root.layout();
      view.redraw();
    }
    return view;
  }

  /** Two variants' charts one above the other, time axes aligned. */
  static javafx.scene.layout.VBox stacked(Replay top, Replay bottom, long time) {
    ChartsView a = new ChartsView(), b = new ChartsView();
    a.show(top.scenario().name() + " / " + top.variant(), Charts.of(top), top.result().marks(), top.scenario().durationMs(), time);
    b.show(bottom.variant(), Charts.of(bottom), bottom.result().marks(), bottom.scenario().durationMs(), time);
    javafx.scene.layout.VBox root = new javafx.scene.layout.VBox(6, a, b);
    root.setStyle("-fx-background-color: white;");
    new Scene(root, WIDTH, HEIGHT);
    for (ChartsView v : List.of(a, b)) v.setPrefHeight((HEIGHT - 6) / 2);
    root.resize(WIDTH, HEIGHT);
    root.layout();
    a.redraw();
    b.redraw();
    return root;
  }

  /** Two variants' cluster views side by side at the same moment, sharing one palette. */
  static javafx.scene.layout.HBox sideBySide(Replay left, Replay right, long time) {
    List<Frame> both = new java.util.ArrayList<>(left.frames());
    both.addAll(right.frames());
    Palette palette = new Palette(both);
    ClusterView a = new ClusterView(), b = new ClusterView();
    a.show(left.scenario().name() + " / " + left.variant(), left.frameAt(time), palette, time);
    b.show(right.variant(), right.frameAt(time), palette, time);
    javafx.scene.layout.HBox root = new javafx.scene.layout.HBox(8, a, b);
    root.setStyle("-fx-background-color: white;");
    new Scene(root, WIDTH, HEIGHT);
    for (ClusterView v : List.of(a, b)) v.setPrefWidth((WIDTH - 8) / 2);
    root.resize(WIDTH, HEIGHT);
    root.layout();
    a.redraw();
    b.redraw();
    double h = Math.max(300, Math.max(a.contentHeight(), b.contentHeight()));
    if (h < HEIGHT - 40) {
      root.resize(WIDTH, h);
      root.layout();
      a.redraw();
      b.redraw();
    }
    return root;
  }
}
