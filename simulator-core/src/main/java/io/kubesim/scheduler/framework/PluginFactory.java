package io.kubesim.scheduler.framework;

/**
 * Builds a plugin from its args (the plugin's own args record, or null for defaults) and the
 * feature gates. Throws {@link IllegalArgumentException} with upstream's validation message for
 * invalid args.
 */
@FunctionalInterface
public interface PluginFactory {
  Plugin create(Object args, Features features);
}
