package io.kubesim.gui;

import java.nio.file.Path;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.stage.Stage;

/** The explorer's window. */
public final class ExplorerApp extends Application {
  /** What to open first: set by {@link GuiCommand} before launch (JavaFX constructs this class itself). */
  static volatile Initial initial = new Initial(null, null);

  record Initial(Path file, String variant) {}

  @Override
  public void start(Stage stage) {
    ExplorerPane pane = new ExplorerPane(stage);
    stage.setTitle("kubesim explorer");
    stage.setScene(new Scene(pane, 1500, 900));
    stage.show();
    Initial i = initial;
    if (i.file() != null) pane.open(i.file(), i.variant());
  }

  @Override
  public void stop() {
    // The replay thread is a daemon: nothing to wait for.
  }
}
