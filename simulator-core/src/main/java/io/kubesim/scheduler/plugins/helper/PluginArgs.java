package io.kubesim.scheduler.plugins.helper;

/** Typed access to the untyped args a {@link io.kubesim.scheduler.framework.PluginFactory} receives. */
public final class PluginArgs {
  private PluginArgs() {}

  /**
   * {@code args} as {@code type}; null stays null (the plugin's defaults).
   *
   * @throws IllegalArgumentException {@code want args to be of type <type>, got <class>}, as upstream's factories say it
   */
  public static <T> T cast(Object args, Class<T> type) {
    if (args == null || type.isInstance(args)) return type.cast(args);
    throw new IllegalArgumentException("want args to be of type " + type.getSimpleName() + ", got " + args.getClass().getName());
  }

  /** For plugins without args: anything but null is a mistake. */
  public static void none(Object args, String plugin) {
    if (args != null) throw new IllegalArgumentException(plugin + " takes no args, got " + args.getClass().getName());
  }
}
