package io.kubesim.gui;

import java.util.Arrays;
import picocli.CommandLine;

/**
 * {@code ./sim gui}: the explorer's entry point. Not a JavaFX {@code Application} itself, so it
 * starts with JavaFX on the class path; the window is {@link ExplorerApp}.
 */
public final class GuiMain {
  /**
   * JavaFX warns on every start that it runs from the class path ("Unsupported JavaFX
   * configuration"), which is how the launcher runs it; kept referenced so the level sticks.
   */
  private static final java.util.logging.Logger JAVAFX_LOG = java.util.logging.Logger.getLogger("javafx");

  private GuiMain() {}

  public static void main(String[] args) {
    JAVAFX_LOG.setLevel(java.util.logging.Level.SEVERE);
    System.exit(execute(args));
  }

  /** Runs the command; the launcher passes the subcommand name first, which is dropped. */
  public static int execute(String... args) {
    String[] rest = args.length > 0 && args[0].equals("gui") ? Arrays.copyOfRange(args, 1, args.length) : args;
    return new CommandLine(new GuiCommand()).execute(rest);
  }
}
