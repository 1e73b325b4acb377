package io.kubesim.gui;

import io.kubesim.controllers.SimTime;
import java.util.List;
import java.util.function.IntConsumer;
import java.util.function.LongConsumer;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.util.Duration;

/**
 * The timeline controls: previous/next timeline event, previous/next change, play and pause (a
 * step every 120 ms), a scrubber over the run and the selected time. It only asks; the explorer
 * decides what the selected moment is and tells it back through {@link #show}.
 */
final class TimelineBar extends HBox {
  private final Button prevEvent = button("◀◀ event", "prev-event");
  private final Button prev = button("◀ prev", "prev");
  private final Button play = button("▶ play", "play");
  private final Button pause = button("❚❚ pause", "pause");
  private final Button next = button("next ▶", "next");
  private final Button nextEvent = button("event ▶▶", "next-event");
  private final Slider scrubber = new Slider(0, 1, 0);
  private final Label timeLabel = new Label("t=0s");
  private final Timeline player;
  private boolean showing;

  /**
   * @param step to the next (+1) or previous (−1) change
   * @param stepEvent to the next or previous timeline event
   * @param select to a time the scrubber picked
   */
  TimelineBar(IntConsumer step, IntConsumer stepEvent, LongConsumer select) {
    super(6);
    player = new Timeline(new KeyFrame(Duration.millis(120), e -> step.accept(1)));
    player.setCycleCount(Timeline.INDEFINITE);
    prev.setOnAction(e -> step.accept(-1));
    next.setOnAction(e -> step.accept(1));
    prevEvent.setOnAction(e -> stepEvent.accept(-1));
    nextEvent.setOnAction(e -> stepEvent.accept(1));
    play.setOnAction(e -> player.play());
    pause.setOnAction(e -> player.stop());
    scrubber.setId("scrubber");
    scrubber.valueProperty().addListener((o, a, b) -> {
      if (!showing) select.accept((long) b.doubleValue());
    });
    timeLabel.setId("time");
    timeLabel.setMinWidth(170);
    HBox.setHgrow(scrubber, Priority.ALWAYS);
    getChildren().addAll(prevEvent, prev, play, pause, next, nextEvent, scrubber, timeLabel);
    setPadding(new Insets(4));
  }

  private static Button button(String text, String id) {
    Button b = new Button(text);
    b.setId(id);
    return b;
  }

  void setDuration(long durationMs) {
    scrubber.setMax(durationMs);
    scrubber.setMajorTickUnit(Math.max(1, durationMs / 10.0));
  }

  /** Shows the selected moment: the scrubber's position and the time with the frame's number. */
  void show(long timeMs, int frame, int frames) {
    showing = true;
    try {
      scrubber.setValue(timeMs);
    } finally {
      showing = false;
    }
    timeLabel.setText("t=" + SimTime.human(timeMs) + "  (" + frame + "/" + frames + ")");
  }

  /** Stops playing (the run's end was reached). */
  void stop() {
    player.stop();
  }

  void setControlsDisabled(boolean disabled) {
    for (var c : List.of(prevEvent, prev, play, pause, next, nextEvent, scrubber)) c.setDisable(disabled);
  }
}
