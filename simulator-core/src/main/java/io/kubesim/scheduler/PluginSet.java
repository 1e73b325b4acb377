package io.kubesim.scheduler;

import java.util.List;
import java.util.Map;

/**
 * Which plugins a profile runs (upstream {@code KubeSchedulerProfile.plugins.multiPoint} with
 * {@code pluginConfig}): plugin names in order, score weights, and args per plugin.
 *
 * @param weights score weight per plugin; a scoring plugin without an entry gets 1
 * @param args plugin name to its args record (e.g. {@code PodTopologySpreadArgs})
 */
public record PluginSet(List<String> enabled, Map<String, Integer> weights, Map<String, Object> args) {
  public PluginSet {
    enabled = List.copyOf(enabled);
    weights = Map.copyOf(weights);
    args = Map.copyOf(args);
  }

  public int weight(String plugin) {
    return weights.getOrDefault(plugin, 1);
  }
}
