package io.kubesim.gui;

import io.kubesim.gui.model.Charts;
import io.kubesim.gui.model.Frame;
import io.kubesim.gui.model.Replay;
import io.kubesim.gui.view.CanvasView;
import io.kubesim.gui.view.ChartsView;
import io.kubesim.gui.view.ClusterView;
import io.kubesim.gui.view.NodeCpuView;
import io.kubesim.gui.view.Palette;
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
    return view;
  }
}
