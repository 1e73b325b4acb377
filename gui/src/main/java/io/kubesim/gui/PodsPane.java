package io.kubesim.gui;

import io.kubesim.gui.model.Frame;
import io.kubesim.gui.model.PodStory;
import io.kubesim.gui.model.PodView;
import io.kubesim.gui.model.Replay;
import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Orientation;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextArea;
import javafx.scene.layout.BorderPane;
import javafx.scene.text.Font;

/** The pods tab: pending pods first, then the selected node's; the picked pod's {@link PodStory} below. */
final class PodsPane extends BorderPane {
  private static final String SEPARATOR = "  ";

  private final ListView<String> list = new ListView<>();
  private final TextArea story = new TextArea();
  private Replay replay;
  private long time;

  PodsPane() {
    list.setId("pods");
    story.setId("story");
    story.setEditable(false);
    story.setFont(Font.font("Monospaced", 12));
    story.setWrapText(false);
    SplitPane split = new SplitPane(list, story);
    split.setOrientation(Orientation.VERTICAL);
    split.setDividerPositions(0.35);
    setCenter(split);
    setTop(new Label(" Pending pods first, then the selected node's; pick one to see why."));
    list.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> showStory());
  }

  /** Lists the pods at the moment, keeping the picked pod picked while it is still listed. */
  void show(Replay r, long timeMs, String node) {
    replay = r;
    time = timeMs;
    Frame f = r.frameAt(timeMs);
    String picked = list.getSelectionModel().getSelectedItem();
    List<String> items = new ArrayList<>();
    for (PodView p : f.pending()) items.add(p.key() + SEPARATOR + "(pending)");
    if (node != null) for (PodView p : f.podsOn(node)) items.add(p.key() + SEPARATOR + "on " + node);
    list.getItems().setAll(items);
    if (picked != null && items.contains(picked)) list.getSelectionModel().select(picked);
    showStory();
  }

  private void showStory() {
    String item = list.getSelectionModel().getSelectedItem();
    if (replay == null || item == null) {
      story.setText(replay == null || !replay.frameAt(time).pending().isEmpty() ? "" : "No pod is pending at this moment.");
      return;
    }
    story.setText(String.join("\n", PodStory.of(replay, time, item.substring(0, item.indexOf(SEPARATOR)))));
  }
}
