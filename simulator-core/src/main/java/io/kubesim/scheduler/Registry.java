package io.kubesim.scheduler;

import io.kubesim.scheduler.framework.Features;
import io.kubesim.scheduler.framework.Plugin;
import io.kubesim.scheduler.framework.PluginFactory;
import io.kubesim.scheduler.plugins.interpodaffinity.InterPodAffinity;
import io.kubesim.scheduler.plugins.nodeaffinity.NodeAffinity;
import io.kubesim.scheduler.plugins.nodename.NodeName;
import io.kubesim.scheduler.plugins.nodeports.NodePorts;
import io.kubesim.scheduler.plugins.noderesources.BalancedAllocation;
import io.kubesim.scheduler.plugins.noderesources.Fit;
import io.kubesim.scheduler.plugins.nodeunschedulable.NodeUnschedulable;
import io.kubesim.scheduler.plugins.podtopologyspread.PodTopologySpread;
import io.kubesim.scheduler.plugins.tainttoleration.TaintToleration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The in-tree plugins by name (upstream {@code plugins.NewInTreeRegistry}), and the default
 * profile of v1.35: plugins in upstream's order with their score weights.
 *
 * <p>Not modelled, because they only act on volumes, images or DRA claims, which the simulator's
 * pods do not carry: VolumeRestrictions, NodeVolumeLimits, VolumeBinding, VolumeZone,
 * DynamicResources, ImageLocality. DefaultPreemption is not modelled either (see README).
 */
public final class Registry {
  private Registry() {}

  private static final Map<String, PluginFactory> IN_TREE = new LinkedHashMap<>();

  static {
    IN_TREE.put(NodeUnschedulable.NAME, NodeUnschedulable.FACTORY);
    IN_TREE.put(NodeName.NAME, NodeName.FACTORY);
    IN_TREE.put(TaintToleration.NAME, TaintToleration.FACTORY);
    IN_TREE.put(NodeAffinity.NAME, NodeAffinity.FACTORY);
    IN_TREE.put(NodePorts.NAME, NodePorts.FACTORY);
    IN_TREE.put(Fit.NAME, Fit.FACTORY);
    IN_TREE.put(PodTopologySpread.NAME, PodTopologySpread.factory());
    IN_TREE.put(InterPodAffinity.NAME, InterPodAffinity.FACTORY);
    IN_TREE.put(BalancedAllocation.NAME, BalancedAllocation.FACTORY);
  }

  /** Plugin names the registry knows, in the default profile's order. */
  public static List<String> names() {
    return List.copyOf(IN_TREE.keySet());
  }

  /** The default profile: every in-tree plugin, with upstream's score weights. */
  public static PluginSet defaultPlugins() {
    Map<String, Integer> weights = Map.of(
        TaintToleration.NAME, 3,
        NodeAffinity.NAME, 2,
        Fit.NAME, 1,
        PodTopologySpread.NAME, 2,
        InterPodAffinity.NAME, 2,
        BalancedAllocation.NAME, 1);
    return new PluginSet(names(), weights, Map.of());
  }

  /**
   * Builds a profile's plugins with their args.
   *
   * @throws IllegalArgumentException for an unknown plugin name or invalid args
   */
  public static Framework framework(PluginSet set, Features features) {
    List<Plugin> plugins = new ArrayList<>();
    for (String name : set.enabled()) {
      PluginFactory factory = IN_TREE.get(name);
      if (factory == null) throw new IllegalArgumentException("plugin \"" + name + "\" does not exist; known: " + String.join(", ", IN_TREE.keySet()));
      plugins.add(factory.create(set.args().get(name), features));
    }
    for (String name : set.args().keySet()) {
      if (!IN_TREE.containsKey(name)) throw new IllegalArgumentException("pluginConfig: plugin \"" + name + "\" does not exist; known: " + String.join(", ", IN_TREE.keySet()));
    }
    return new Framework(plugins, set.weights());
  }
}
