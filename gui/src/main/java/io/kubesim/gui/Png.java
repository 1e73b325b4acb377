package io.kubesim.gui;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Node;
import javafx.scene.image.WritableImage;
import javax.imageio.ImageIO;

/** Writes a view as a PNG: to a temporary file next to the target, then moved over it, so no half-written PNG is left. */
public final class Png {
  private Png() {}

  /** Renders {@code view} (on the JavaFX thread) and writes it to {@code out}. */
  public static void write(Node view, Path out) throws IOException {
    WritableImage image = view.snapshot(null, null);
    Path dir = out.toAbsolutePath().getParent();
    Files.createDirectories(dir);
    Path tmp = Files.createTempFile(dir, ".snapshot-", ".png.tmp");
    try {
      if (!ImageIO.write(SwingFXUtils.fromFXImage(image, null), "png", tmp.toFile())) throw new IOException("no PNG writer");
      Files.move(tmp, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(tmp);
    }
  }
}
