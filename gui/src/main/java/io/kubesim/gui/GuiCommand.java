package io.kubesim.gui;

import io.kubesim.gui.model.Frame;
import io.kubesim.gui.model.NodeView;
import io.kubesim.gui.model.Replay;
import io.kubesim.gui.model.ReplayRunner;
import io.kubesim.gui.view.CanvasView;
import io.kubesim.scenarios.Durations;
import io.kubesim.scenarios.Scenario;
import io.kubesim.scenarios.ScenarioFile;
import io.kubesim.scenarios.ScenarioLoader;
import io.kubesim.scenarios.run.ScenarioRunner;
import io.kubesim.yaml.InputError;
import io.kubesim.yaml.Suggest;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import javafx.application.Application;
import javafx.application.Platform;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
    name = "sim gui",
    mixinStandardHelpOptions = true,
    description = {
      "Opens the visual explorer on a scenario file (or an empty window to open one).",
      "With --snapshot, renders one view to a PNG without a display instead.",
      "Exit codes: 0 done, 2 bad input (file:line:column: path: message, or the bad option), 3 the simulation or rendering failed."
    })
final class GuiCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(paramLabel = "FILE", arity = "0..1", description = "The scenario file.")
  Path file;

  @Option(names = "--variant", paramLabel = "NAME", description = "The variant to show (default: the first).")
  String variant;

  @Option(names = "--snapshot", paramLabel = "OUT.png", description = "Render a view to this PNG and exit (headless).")
  Path snapshot;

  @Option(names = "--at", paramLabel = "TIME", description = "With --snapshot: the moment, a duration such as 12m or 90s (default: the end).")
  String at;

  @Option(names = "--view", paramLabel = "VIEW", description = "With --snapshot: cluster (default), node:NAME or charts.")
  String view = "cluster";

  @Option(names = "--compare", paramLabel = "NAME", description = "With --snapshot: another variant's cluster view beside the first, or its charts below.")
  String compare;

  @Override
  public Integer call() {
    PrintWriter err = spec.commandLine().getErr();
    try {
      if (snapshot == null) return openWindow(err);
      if (file == null) return usage(err, "--snapshot needs a scenario FILE");
      ViewSpec v;
      try {
        v = ViewSpec.parse(view);
      } catch (IllegalArgumentException e) {
        return usage(err, e.getMessage());
      }
      if (compare != null && v.kind() == ViewSpec.Kind.node) return usage(err, "--compare works with the cluster and charts views");
      ScenarioFile sf = new ScenarioLoader().load(file);
      Scenario s = sf.decode(variant == null ? sf.variants().get(0) : ScenarioLoader.find(sf.variants(), variant));
      Scenario other = compare == null ? null : sf.decode(ScenarioLoader.find(sf.variants(), compare));
      long time = s.durationMs();
      if (at != null) {
        Long t = Durations.parseOrNull(at);
        if (t == null) return usage(err, "--at: invalid time \"" + at + "\": expected a duration such as 90s, 12m or 1h30m");
        if (t > s.durationMs()) return usage(err, "--at: " + at + " is after the scenario's end (duration " + io.kubesim.controllers.SimTime.human(s.durationMs()) + ")");
        time = t;
      }
      Replay r = ReplayRunner.run(s, ScenarioRunner.Progress.NONE);
      if (v.kind() == ViewSpec.Kind.node) {
        Frame f = r.frameAt(time);
        if (f.node(v.node()) == null) {
          java.util.List<String> names = f.nodes().stream().map(NodeView::name).toList();
          return usage(err, "--view: no node \"" + v.node() + "\" at " + io.kubesim.controllers.SimTime.human(time)
              + Suggest.closest(v.node(), names) + "; nodes: " + preview(names));
        }
      }
      Replay second = other == null ? null : ReplayRunner.run(other, ScenarioRunner.Progress.NONE);
      long drawn = render(r, second, v, time, snapshot);
      spec.commandLine().getOut().printf("Wrote %s (%d moments replayed%s)%n", snapshot, r.frames().size(),
          second == null ? "; the view drew in " + drawn / 1_000_000 + " ms" : "");
      spec.commandLine().getOut().flush();
      return 0;
    } catch (InputError e) {
      err.println(e.getMessage());
      return 2;
    } catch (IllegalArgumentException e) {
      return usage(err, e.getMessage());
    } catch (IOException e) {
      err.println("sim gui: cannot write " + snapshot + ": " + e.getMessage());
      return 3;
    } catch (UnsupportedOperationException e) {
      // JavaFX's desktop toolkit on Linux needs GTK 3; without it glass cannot start a window.
      err.println("sim gui: cannot open a window: " + e.getMessage()
          + " (JavaFX needs GTK 3: on Debian or Ubuntu, apt-get install libgtk-3-0); --snapshot OUT.png works without it");
      return 3;
    } catch (RuntimeException e) {
      err.println("sim gui: failed: " + e);
      if (System.getenv("SIM_DEBUG") != null) e.printStackTrace(err);
      return 3;
    } finally {
      err.flush();
    }
  }

  /** On Linux the window needs X11 or Wayland, unless a headless glass platform was chosen. */
  static boolean noDisplay() {
    boolean linux = System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT).contains("linux");
    return linux && System.getProperty("glass.platform") == null && isBlank(System.getenv("DISPLAY")) && isBlank(System.getenv("WAYLAND_DISPLAY"));
  }

  private static boolean isBlank(String s) {
    return s == null || s.isBlank();
  }

  private static String preview(java.util.List<String> names) {
    return names.size() <= 8 ? String.join(", ", names) : String.join(", ", names.subList(0, 8)) + ", ... (" + names.size() + " in all)";
  }

  private int usage(PrintWriter err, String message) {
    err.println("sim gui: " + (file == null ? "" : file + ": ") + message);
    return 2;
  }

  /** Checks the file (so a bad one fails here, with its location), then hands over to the window. */
  private int openWindow(PrintWriter err) {
    if (file != null) {
      ScenarioFile sf = new ScenarioLoader().load(file);
      if (variant != null) ScenarioLoader.find(sf.variants(), variant);
    }
    if (noDisplay()) {
      err.println("sim gui: no display to open a window on (DISPLAY is not set); --snapshot OUT.png renders a view without one");
      return 2;
    }
    ExplorerApp.initial = new ExplorerApp.Initial(file, variant);
    Application.launch(ExplorerApp.class);
    return 0;
  }

  /** Renders and writes the view; returns how long its drawing took in nanoseconds. */
  private static long render(Replay r, Replay second, ViewSpec v, long time, Path out) throws IOException {
    Headless.enable();
    CompletableFuture<Long> done = new CompletableFuture<>();
    Runnable draw = () -> {
      try {
        if (second != null) {
          Png.write(v.kind() == ViewSpec.Kind.charts ? StandaloneViews.stacked(r, second, time) : StandaloneViews.sideBySide(r, second, time), out);
          done.complete(0L);
          return;
        }
        CanvasView view = StandaloneViews.build(r, v, time);
        Png.write(view, out);
        done.complete(view.lastDrawNanos());
      } catch (Throwable t) {
        done.completeExceptionally(t);
      }
    };
    try {
      // Left running: the process exits after the command, and a toolkit cannot start twice in one JVM.
      Platform.startup(draw);
    } catch (IllegalStateException alreadyRunning) {
      // In a JVM whose toolkit already runs (the tests), render there and leave it running.
      Platform.runLater(draw);
    }
    try {
      return done.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while rendering");
    } catch (ExecutionException e) {
      if (e.getCause() instanceof IOException io) throw io;
      throw new IllegalStateException("rendering failed: " + e.getCause(), e.getCause());
    }
  }
}
