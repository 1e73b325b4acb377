package io.kubesim.gui.view;

import javafx.beans.binding.Bindings;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.scene.control.ScrollPane;

/**
 * A cluster view in a scroll pane that zooms: at zoom z the view is z times the viewport's height,
 * so tiles grow (and stop aggregating) until the width limits them. Ctrl + mouse wheel zooms.
 */
public final class Zoomable extends ScrollPane {
  public static final double MAX_ZOOM = 8;

  private final DoubleProperty zoom = new SimpleDoubleProperty(this, "zoom", 1);

  public Zoomable(ClusterView view) {
    super(view);
    setFitToWidth(true);
    setHbarPolicy(ScrollBarPolicy.NEVER);
    view.minHeightProperty().bind(Bindings.createDoubleBinding(() -> Math.max(150, getViewportBounds().getHeight() * zoom.get() - 2),
        viewportBoundsProperty(), zoom));
    view.prefHeightProperty().bind(view.minHeightProperty());
    view.maxHeightProperty().bind(view.minHeightProperty());
    view.addEventFilter(javafx.scene.input.ScrollEvent.SCROLL, e -> {
      if (!e.isControlDown() || e.getDeltaY() == 0) return;
      zoomBy(e.getDeltaY() > 0 ? 1.25 : 0.8);
      e.consume();
    });
  }

  public DoubleProperty zoomProperty() {
    return zoom;
  }

  public void zoomBy(double factor) {
    zoom.set(Math.max(1, Math.min(MAX_ZOOM, zoom.get() * factor)));
  }
}
