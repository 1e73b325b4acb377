package io.kubesim.gui;

import io.kubesim.controllers.SimTime;
import io.kubesim.gui.model.Charts;
import io.kubesim.gui.model.Frame;
import io.kubesim.gui.model.Replay;
import io.kubesim.gui.model.ReplayRunner;
import io.kubesim.gui.view.ChartsView;
import io.kubesim.gui.view.ClusterView;
import io.kubesim.gui.view.NodeCpuView;
import io.kubesim.gui.view.Palette;
import io.kubesim.gui.view.Zoomable;
import io.kubesim.scenarios.ScenarioFile;
import io.kubesim.scenarios.ScenarioLoader;
import io.kubesim.scenarios.VariantSpec;
import io.kubesim.scenarios.run.ScenarioRunner;
import io.kubesim.yaml.InputError;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.ToolBar;
import javafx.scene.layout.BorderPane;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/**
 * The explorer: a toolbar (open, variant, comparison variant, export), the cluster view (two side
 * by side when comparing), tabs for the selected node, the charts and the pods, and the timeline
 * (previous/next change, play, pause, scrubber). Every view follows the selected moment.
 *
 * <p>Variants run on a background thread; the JavaFX thread only reads their immutable
 * {@link Replay}s. A replay is kept once run, so switching back is instant.
 */
public final class ExplorerPane extends BorderPane {
  static final String NONE = "(none)";

  private final Window owner;
  private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
    Thread t = new Thread(r, "kubesim-replay");
    t.setDaemon(true);
    return t;
  });
  private final Map<String, Replay> replays = new HashMap<>();

  private final Label fileLabel = new Label("no scenario");
  private final ComboBox<String> variantBox = new ComboBox<>();
  private final ComboBox<String> compareBox = new ComboBox<>();
  private final Button exportButton = new Button("Export PNG…");
  private final TimelineBar timeline = new TimelineBar(this::step, this::stepEvent, this::select);
  private final Label status = new Label("Open a scenario file.");
  private final ClusterView clusterView = new ClusterView();
  private final ClusterView compareView = new ClusterView();
  private final NodeCpuView nodeView = new NodeCpuView();
  private final ChartsView chartsView = new ChartsView();
  private final ChartsView compareChartsView = new ChartsView();
  private final SplitPane chartsPane = new SplitPane(chartsView);
  private Charts compareCharts;
  private final PodsPane podsPane = new PodsPane();
  private final Zoomable clusterScroll = new Zoomable(clusterView);
  private final Zoomable compareScroll = new Zoomable(compareView);
  private final SplitPane clusters = new SplitPane(clusterScroll);

  private ScenarioFile scenarioFile;
  private Replay replay;
  private Replay compare;
  private Palette palette;
  private Charts charts;
  private long time;

  public ExplorerPane(Window owner) {
    this.owner = owner;
    setId("explorer");
    variantBox.setId("variant");
    compareBox.setId("compare");
    exportButton.setId("export");
    status.setId("status");
    compareView.setId("compare-view");

    Button open = new Button("Open…");
    open.setId("open");
    open.setOnAction(e -> chooseFile());
    exportButton.setOnAction(e -> chooseExport());
    variantBox.setOnAction(e -> {
      if (variantBox.getValue() != null) showVariant(variantBox.getValue());
    });
    compareBox.setOnAction(e -> {
      if (compareBox.getValue() != null) showCompare(compareBox.getValue());
    });
    Button zoomIn = new Button("zoom +");
    Button zoomOut = new Button("zoom −");
    zoomIn.setId("zoom-in");
    zoomOut.setId("zoom-out");
    zoomIn.setOnAction(e -> zoomBy(1.5));
    zoomOut.setOnAction(e -> zoomBy(1 / 1.5));
    // Both sides of a comparison zoom together.
    compareScroll.zoomProperty().bindBidirectional(clusterScroll.zoomProperty());
    setTop(new ToolBar(open, fileLabel, new Label("variant"), variantBox, new Label("compare with"), compareBox, zoomIn, zoomOut, exportButton));

    TabPane tabs = new TabPane(new Tab("Node", nodeView), new Tab("Charts", chartsPane), new Tab("Pods", podsPane));
    tabs.setId("tabs");
    tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
    SplitPane center = new SplitPane(clusters, tabs);
    center.setDividerPositions(0.55);
    setCenter(center);

    chartsView.setOnTimeClicked(this::select);
    compareChartsView.setOnTimeClicked(this::select);
    compareChartsView.setId("compare-charts-view");
    chartsPane.setOrientation(Orientation.VERTICAL);
    BorderPane bottom = new BorderPane(timeline);
    bottom.setBottom(status);
    bottom.setPadding(new Insets(0, 4, 2, 4));
    setBottom(bottom);

    clusterView.selectedNodeProperty().addListener((o, a, b) -> {
      compareView.selectedNodeProperty().set(b);
      refreshNode();
    });
    compareView.selectedNodeProperty().addListener((o, a, b) -> clusterView.selectedNodeProperty().set(b));
    setControlsDisabled(true);
  }

  // ------------------------------------------------------------------ opening and running

  private void chooseFile() {
    FileChooser chooser = new FileChooser();
    chooser.setTitle("Open a scenario");
    chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("Scenario files", "*.yaml", "*.yml"));
    File f = chooser.showOpenDialog(owner);
    if (f != null) open(f.toPath(), null);
  }

  /** Loads a scenario file and runs its first variant (or {@code variant}); errors go to a dialog and the status line. */
  public void open(Path file, String variant) {
    try {
      ScenarioFile sf = new ScenarioLoader().load(file);
      String first = variant != null ? ScenarioLoader.find(sf.variants(), variant).name() : sf.variants().get(0).name();
      scenarioFile = sf;
      replays.clear();
      replay = null;
      compare = null;
      clusters.getItems().setAll(clusterScroll);
      chartsPane.getItems().setAll(chartsView);
      fileLabel.setText(file.getFileName().toString());
      List<String> names = sf.variants().stream().map(VariantSpec::name).toList();
      variantBox.getItems().setAll(names);
      List<String> compareNames = new ArrayList<>(List.of(NONE));
      compareNames.addAll(names);
      compareBox.getItems().setAll(compareNames);
      compareBox.setValue(NONE);
      variantBox.setValue(first);
    } catch (InputError | IllegalArgumentException e) {
      status.setText(e.getMessage());
      if (owner != null && owner.isShowing()) new Alert(Alert.AlertType.ERROR, e.getMessage()).show();
    }
  }

  private CompletableFuture<Replay> replayOf(String variant) {
    Replay cached = replays.get(variant);
    if (cached != null) return CompletableFuture.completedFuture(cached);
    ScenarioFile sf = scenarioFile;
    status.setText("Running variant " + variant + "…");
    setControlsDisabled(true);
    ScenarioRunner.Progress progress = new ScenarioRunner.Progress() {
      private long shown = -1;

      @Override
      public void reached(long simulatedMs) {
        long minute = simulatedMs / 60_000;
        if (minute == shown) return;
        shown = minute;
        Platform.runLater(() -> status.setText("Running variant " + variant + "… simulated " + SimTime.human(simulatedMs)));
      }
    };
    return CompletableFuture.supplyAsync(() -> ReplayRunner.run(sf.decode(ScenarioLoader.find(sf.variants(), variant)), progress), worker)
        .whenComplete((r, e) -> Platform.runLater(() -> {
          setControlsDisabled(false);
          if (e != null) {
            status.setText("Variant " + variant + " failed: " + (e.getCause() == null ? e : e.getCause()).getMessage());
          } else if (sf == scenarioFile) {
            replays.put(variant, r);
          }
        }));
  }

  private void showVariant(String variant) {
    replayOf(variant).thenAcceptAsync(r -> {
      replay = r;
      palette = new Palette(r.frames());
      charts = Charts.of(r);
      timeline.setDuration(r.scenario().durationMs());
      status.setText(r.scenario().name() + " / " + variant + ": " + r.frames().size() + " moments, " + r.decisions().size() + " scheduling decisions"
          + (r.detailed() ? "" : " (per-node details off above " + ReplayRunner.DETAIL_NODE_LIMIT + " nodes)"));
      select(Math.min(time, r.scenario().durationMs()));
    }, Platform::runLater);
  }

  private void showCompare(String variant) {
    if (variant.equals(NONE)) {
      compare = null;
      clusters.getItems().setAll(clusterScroll);
      chartsPane.getItems().setAll(chartsView);
      return;
    }
    replayOf(variant).thenAcceptAsync(r -> {
      compare = r;
      compareCharts = Charts.of(r);
      if (!clusters.getItems().contains(compareScroll)) clusters.getItems().add(compareScroll);
      if (!chartsPane.getItems().contains(compareChartsView)) chartsPane.getItems().add(compareChartsView);
      refresh();
    }, Platform::runLater);
  }

  private void setControlsDisabled(boolean disabled) {
    timeline.setControlsDisabled(disabled);
    for (var c : List.of(exportButton, variantBox, compareBox)) c.setDisable(disabled);
  }

  // ------------------------------------------------------------------ the selected moment

  /** Moves every view to {@code timeMs}. */
  public void select(long timeMs) {
    if (replay == null) return;
    time = timeMs;
    refresh();
  }

  /** To the next (or previous) moment where anything changed. */
  public void step(int direction) {
    if (replay == null) return;
    List<Frame> frames = replay.frames();
    int i = replay.indexAt(time);
    int j = direction > 0 ? i + 1 : (frames.get(i).time() < time ? i : i - 1);
    if (j < 0 || j >= frames.size()) {
      timeline.stop();
      return;
    }
    select(frames.get(j).time());
  }

  /** To the next (or previous) timeline event of the scenario, e.g. "roll out web:v2". */
  public void stepEvent(int direction) {
    if (replay == null) return;
    Long target = null;
    for (io.kubesim.metrics.Recorder.TimelineMark m : replay.result().marks()) {
      if (direction > 0 && m.time() > time && (target == null || m.time() < target)) target = m.time();
      if (direction < 0 && m.time() < time && (target == null || m.time() > target)) target = m.time();
    }
    if (target != null) select(target);
  }

  public long time() {
    return time;
  }

  public Replay replay() {
    return replay;
  }

  public ClusterView clusterView() {
    return clusterView;
  }

  private void refresh() {
    if (replay == null) return;
    Frame f = replay.frameAt(time);
    timeline.show(time, replay.indexAt(time) + 1, replay.frames().size());
    clusterView.show(replay.variant(), f, palette, time);
    if (compare != null) compareView.show(compare.variant(), compare.frameAt(time), palette, time);
    chartsView.show(replay.scenario().name() + " / " + replay.variant(), charts, replay.result().marks(), replay.scenario().durationMs(), time);
    if (compare != null) {
      compareChartsView.show(compare.variant(), compareCharts, compare.result().marks(), compare.scenario().durationMs(), time);
    }
    refreshNode();
  }

  private void refreshNode() {
    if (replay == null) return;
    Frame f = replay.frameAt(time);
    String node = clusterView.selectedNodeProperty().get();
    if (node != null && f.node(node) == null) node = null;
    nodeView.show(f, palette, node, node == null ? null : replay.topologies().get(node), time);
    podsPane.show(replay, time, node);
  }

  /** Zooms the cluster views (ctrl + mouse wheel does the same). */
  public void zoomBy(double factor) {
    clusterScroll.zoomBy(factor);
  }

  // ------------------------------------------------------------------ export

  private void chooseExport() {
    FileChooser chooser = new FileChooser();
    chooser.setTitle("Export the current view as PNG");
    chooser.setInitialFileName("kubesim-" + SimTime.human(time) + ".png");
    File f = chooser.showSaveDialog(owner);
    if (f != null) export(f.toPath());
  }

  /** Writes the cluster views and the open tab, as shown, to a PNG. */
  public void export(Path out) {
    try {
      Png.write(getCenter(), out);
      status.setText("Wrote " + out);
    } catch (IOException e) {
      status.setText("Cannot write " + out + ": " + e.getMessage());
    }
  }
}
