package io.kubesim.gui;

/**
 * Switches JavaFX to Monocle's headless platform with software rendering, so views render with
 * no display (snapshots from a terminal, tests in CI). Must run before the toolkit starts.
 */
public final class Headless {
  private Headless() {}

  public static void enable() {
    System.setProperty("glass.platform", "Monocle");
    System.setProperty("monocle.platform", "Headless");
    System.setProperty("headless.geometry", "1600x1000-32");
    System.setProperty("prism.order", "sw");
    System.setProperty("prism.text", "t2k");
    System.setProperty("java.awt.headless", "true");
    System.setProperty("testfx.robot", "glass");
    System.setProperty("testfx.headless", "true");
  }
}
