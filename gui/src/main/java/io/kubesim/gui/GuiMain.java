package io.kubesim.gui;

import java.util.Arrays;
import picocli.CommandLine;

/**
 * {@code ./sim gui}: the explorer's entry point. Not a JavaFX {@code Application} itself, so it
 * starts with JavaFX on the class path; the window is {@link ExplorerApp}.
 */
public final class GuiMain {
  private GuiMain() {}

  public static void main(String[] args) {
    System.exit(execute(args));
  }

  /** Runs the command; the launcher passes the subcommand name first, which is dropped. */
  public static int execute(String... args) {
    String[] rest = args.length > 0 && args[0].equals("gui") ? Arrays.copyOfRange(args, 1, args.length) : args;
    return new CommandLine(new GuiCommand()).execute(rest);
  }
}
