package io.kubesim.gui.view;

import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.layout.Region;

/**
 * A region holding one canvas that fills it and is redrawn when it resizes or its content
 * changes: drawing thousands of tiles on a canvas is far cheaper than thousands of scene nodes.
 */
public abstract class CanvasView extends Region {
  protected final Canvas canvas = new Canvas();
  private long lastDrawNanos;

  protected CanvasView() {
    getChildren().add(canvas);
    setMinSize(200, 150);
  }

  @Override
  protected void layoutChildren() {
    double w = getWidth(), h = getHeight();
    if (canvas.getWidth() != w || canvas.getHeight() != h) {
      canvas.setWidth(w);
      canvas.setHeight(h);
      redraw();
    }
  }

  @Override
  protected double computePrefWidth(double height) {
    return 900;
  }

  @Override
  protected double computePrefHeight(double width) {
    return 600;
  }

  /** Draws everything again from the current state. */
  public final void redraw() {
    long start = System.nanoTime();
    GraphicsContext g = canvas.getGraphicsContext2D();
    g.setFill(Palette.BACKGROUND);
    g.fillRect(0, 0, canvas.getWidth(), canvas.getHeight());
    if (canvas.getWidth() > 0 && canvas.getHeight() > 0) draw(g, canvas.getWidth(), canvas.getHeight());
    lastDrawNanos = System.nanoTime() - start;
  }

  /** How long the last redraw took to issue its drawing commands (what a frame costs on the JavaFX thread). */
  public long lastDrawNanos() {
    return lastDrawNanos;
  }

  protected abstract void draw(GraphicsContext g, double w, double h);

  /** The width of {@code text} in {@code font}, for placing labels. */
  static double textWidth(String text, javafx.scene.text.Font font) {
    javafx.scene.text.Text t = new javafx.scene.text.Text(text);
    t.setFont(font);
    return t.getLayoutBounds().getWidth();
  }
}
