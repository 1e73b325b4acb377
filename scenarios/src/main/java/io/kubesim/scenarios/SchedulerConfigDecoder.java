package io.kubesim.scenarios;

import io.kubesim.api.TopologySpreadConstraint;
import io.kubesim.manifest.ManifestDecoder;
import io.kubesim.scheduler.PluginSet;
import io.kubesim.scheduler.Registry;
import io.kubesim.scheduler.SchedulingQueue;
import io.kubesim.scheduler.framework.Features;
import io.kubesim.scheduler.plugins.interpodaffinity.InterPodAffinity;
import io.kubesim.scheduler.plugins.interpodaffinity.InterPodAffinityArgs;
import io.kubesim.scheduler.plugins.nodeaffinity.NodeAffinity;
import io.kubesim.scheduler.plugins.nodeaffinity.NodeAffinityArgs;
import io.kubesim.scheduler.plugins.noderesources.BalancedAllocation;
import io.kubesim.scheduler.plugins.noderesources.Fit;
import io.kubesim.scheduler.plugins.noderesources.NodeResourcesBalancedAllocationArgs;
import io.kubesim.scheduler.plugins.noderesources.NodeResourcesFitArgs;
import io.kubesim.scheduler.plugins.noderesources.ResourceSpec;
import io.kubesim.scheduler.plugins.podtopologyspread.PodTopologySpread;
import io.kubesim.scheduler.plugins.podtopologyspread.PodTopologySpreadArgs;
import io.kubesim.yaml.InputError;
import io.kubesim.yaml.YamlNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The {@code scheduler} section: a {@code KubeSchedulerConfiguration} ({@code kubescheduler.config.k8s.io/v1})
 * subset under its Kubernetes field names. One profile; plugins under {@code multiPoint} (merged
 * with the default profile as upstream's v1 defaulting does) and score weights under
 * {@code score.enabled}; {@code pluginConfig} args for the modelled plugins. Fields of a real
 * configuration that do not change scheduling decisions (leader election, client connection,
 * parallelism, ...) are accepted and ignored.
 */
final class SchedulerConfigDecoder {
  private SchedulerConfigDecoder() {}

  static final String API_VERSION = "kubescheduler.config.k8s.io/v1";
  static final String DEFAULT_SCHEDULER = "default-scheduler";

  private static final Set<String> FIELDS = Set.of("apiVersion", "kind", "percentageOfNodesToScore", "podInitialBackoffSeconds",
      "podMaxBackoffSeconds", "profiles", "parallelism", "leaderElection", "clientConnection", "healthzBindAddress",
      "metricsBindAddress", "enableProfiling", "enableContentionProfiling", "delayCacheUntilActive", "extenders", "featureGates");
  private static final Set<String> EXTENSION_POINTS = Set.of("queueSort", "preEnqueue", "preFilter", "filter", "postFilter",
      "preScore", "score", "reserve", "permit", "preBind", "bind", "postBind", "multiPoint");
  /** Upstream plugins the simulator does not model (volumes, images, DRA, preemption) or runs implicitly. */
  private static final Set<String> NOT_MODELLED = Set.of("PrioritySort", "DefaultBinder", "SchedulingGates", "DefaultPreemption",
      "VolumeRestrictions", "NodeVolumeLimits", "VolumeBinding", "VolumeZone", "DynamicResources", "ImageLocality",
      "NodeDeclaredFeatures", "GangScheduling");
  private static final Set<String> IMPLICIT = Set.of("PrioritySort", "DefaultBinder", "SchedulingGates");

  static SchedulerSettings defaults() {
    return new SchedulerSettings(DEFAULT_SCHEDULER, Registry.defaultPlugins(), 0, SchedulingQueue.DEFAULT_INITIAL_BACKOFF_MS,
        SchedulingQueue.DEFAULT_MAX_BACKOFF_MS);
  }

  static SchedulerSettings decode(YamlNode node, Features features) {
    YamlNode.Map m = node.asMap().allowOnly(FIELDS);
    m.opt("apiVersion", n -> n.asEnum(List.of(API_VERSION)), null);
    m.opt("kind", n -> n.asEnum(List.of("KubeSchedulerConfiguration")), null);
    YamlNode extenders = m.opt("extenders");
    if (extenders != null && !extenders.asSeq().items().isEmpty()) throw extenders.error("scheduler extenders are not supported");
    if (m.opt("featureGates") != null) throw m.get("featureGates").error("write feature gates in the scenario's top-level featureGates");
    int percentage = m.opt("percentageOfNodesToScore", SchedulerConfigDecoder::percentage, 0);
    long initial = m.opt("podInitialBackoffSeconds", n -> positiveSeconds(n), SchedulingQueue.DEFAULT_INITIAL_BACKOFF_MS / 1000);
    long max = m.opt("podMaxBackoffSeconds", n -> positiveSeconds(n), SchedulingQueue.DEFAULT_MAX_BACKOFF_MS / 1000);
    if (max < initial) {
      YamlNode at = m.opt("podMaxBackoffSeconds") != null ? m.get("podMaxBackoffSeconds") : m.get("podInitialBackoffSeconds");
      throw at.error("podMaxBackoffSeconds (" + max + ") must be greater than or equal to podInitialBackoffSeconds (" + initial + ")");
    }
    String schedulerName = DEFAULT_SCHEDULER;
    PluginSet plugins = Registry.defaultPlugins();
    YamlNode profiles = m.opt("profiles");
    if (profiles != null) {
      List<YamlNode> items = profiles.asSeq().items();
      if (items.size() > 1) throw items.get(1).error("only one profile is supported");
      if (items.size() == 1) {
        YamlNode.Map p = items.get(0).asMap().allowOnly("schedulerName", "plugins", "pluginConfig", "percentageOfNodesToScore");
        schedulerName = p.opt("schedulerName", YamlNode::asString, DEFAULT_SCHEDULER);
        if (p.opt("percentageOfNodesToScore") != null) percentage = percentage(p.get("percentageOfNodesToScore"));
        plugins = plugins(p, features);
      }
    }
    return new SchedulerSettings(schedulerName, plugins, percentage, initial * 1000, max * 1000);
  }

  private static int percentage(YamlNode n) {
    int v = n.asInt();
    if (v < 0 || v > 100) throw n.error("not in valid range [0-100]");
    return v;
  }

  private static long positiveSeconds(YamlNode n) {
    long v = n.asLong();
    if (v <= 0) throw n.error("must be greater than 0");
    return v;
  }

  // ---------------------------------------------------------------- plugins

  private static PluginSet plugins(YamlNode.Map profile, Features features) {
    PluginSet defaults = Registry.defaultPlugins();
    List<String> enabled = new ArrayList<>(defaults.enabled());
    Map<String, Integer> weights = new HashMap<>(defaults.weights());
    YamlNode pluginsNode = profile.opt("plugins");
    if (pluginsNode != null) {
      YamlNode.Map points = pluginsNode.asMap().allowOnly(EXTENSION_POINTS);
      for (Map.Entry<String, YamlNode> e : points.fields().entrySet()) {
        if (!e.getKey().equals("multiPoint") && !e.getKey().equals("score")) {
          throw e.getValue().error("plugins per extension point are not supported, except score weights: the simulator runs a plugin at "
              + "every extension point it implements; enable or disable plugins under multiPoint");
        }
      }
      YamlNode multi = points.opt("multiPoint");
      if (multi != null) {
        YamlNode.Map set = multi.asMap().allowOnly("enabled", "disabled");
        Set<String> disabled = new TreeSet<>();
        for (YamlNode d : set.opt("disabled", YamlNode::asSeq, new YamlNode.Seq(multi.mark(), "", List.of())).items()) {
          YamlNode.Map dm = d.asMap().allowOnly("name", "weight");
          String name = dm.require("name").asString();
          if (!name.equals("*") && !NOT_MODELLED.contains(name)) name = dm.get("name").asEnum(Registry.names());
          disabled.add(name);
        }
        List<String> merged = new ArrayList<>();
        Map<String, Integer> customWeights = new LinkedHashMap<>();
        List<String> custom = new ArrayList<>();
        for (YamlNode en : set.opt("enabled", YamlNode::asSeq, new YamlNode.Seq(multi.mark(), "", List.of())).items()) {
          YamlNode.Map em = en.asMap().allowOnly("name", "weight");
          YamlNode nameNode = em.require("name");
          String name = nameNode.asString();
          if (IMPLICIT.contains(name)) continue;
          if (NOT_MODELLED.contains(name)) throw nameNode.error("plugin \"" + name + "\" is not modelled by the simulator");
          name = nameNode.asEnum(Registry.names());
          if (custom.contains(name)) throw nameNode.error("plugin \"" + name + "\" is enabled twice");
          custom.add(name);
          YamlNode w = em.opt("weight");
          if (w != null) customWeights.put(name, weight(w));
        }
        // Upstream mergePluginSet: defaults minus disabled (all with "*"), re-configured ones in place, then the rest.
        if (!disabled.contains("*")) {
          for (String d : enabled) if (!disabled.contains(d)) merged.add(d);
        }
        for (String c : custom) if (!merged.contains(c)) merged.add(c);
        Map<String, Integer> mergedWeights = new HashMap<>();
        for (String p : merged) {
          Integer w = custom.contains(p) ? customWeights.get(p) : defaults.weights().get(p);
          if (w != null) mergedWeights.put(p, w);
        }
        weights = mergedWeights;
        enabled = merged;
      }
      YamlNode score = points.opt("score");
      if (score != null) {
        YamlNode.Map set = score.asMap().allowOnly("enabled", "disabled");
        if (set.opt("disabled") != null && !set.get("disabled").asSeq().items().isEmpty()) {
          throw set.get("disabled").error("disabling a plugin's score alone is not supported; disable the plugin under multiPoint");
        }
        for (YamlNode en : set.opt("enabled", YamlNode::asSeq, new YamlNode.Seq(score.mark(), "", List.of())).items()) {
          YamlNode.Map em = en.asMap().allowOnly("name", "weight");
          String name = em.require("name").asEnum(Registry.names());
          if (!enabled.contains(name)) throw em.get("name").error("plugin \"" + name + "\" is not enabled (enable it under multiPoint)");
          if (em.opt("weight") != null) weights.put(name, weight(em.get("weight")));
        }
      }
    }
    Map<String, Object> args = new LinkedHashMap<>();
    YamlNode config = profile.opt("pluginConfig");
    Map<String, YamlNode> argsNodes = new HashMap<>();
    if (config != null) {
      for (YamlNode item : config.asSeq().items()) {
        YamlNode.Map c = item.asMap().allowOnly("name", "args");
        YamlNode nameNode = c.require("name");
        String name = nameNode.asEnum(Registry.names());
        if (argsNodes.containsKey(name)) {
          throw nameNode.error("duplicate pluginConfig for \"" + name + "\" (first at line " + argsNodes.get(name).mark().line() + ")");
        }
        argsNodes.put(name, nameNode);
        YamlNode a = c.opt("args");
        if (a != null) args.put(name, args(name, a));
      }
    }
    PluginSet set = new PluginSet(enabled, weights, args);
    try {
      Registry.framework(set, features);
    } catch (IllegalArgumentException e) {
      throw profile.error(e.getMessage());
    }
    return set;
  }

  private static int weight(YamlNode n) {
    int w = n.asInt();
    if (w < 0 || w > 100) throw n.error("plugin weight must be in [0, 100] (0 means 1)");
    return w == 0 ? 1 : w;
  }

  // ---------------------------------------------------------------- args

  private static Object args(String plugin, YamlNode node) {
    YamlNode.Map m = node.asMap();
    String kind = plugin + "Args";
    m.opt("apiVersion", n -> n.asEnum(List.of(API_VERSION)), null);
    m.opt("kind", n -> n.asEnum(List.of(kind)), null);
    try {
      switch (plugin) {
        case PodTopologySpread.NAME -> {
          m.allowOnly("apiVersion", "kind", "defaultingType", "defaultConstraints");
          PodTopologySpreadArgs.DefaultingType type = m.opt("defaultingType",
              n -> PodTopologySpreadArgs.DefaultingType.valueOf(n.asEnum(List.of("System", "List"))), null);
          List<TopologySpreadConstraint> constraints =
              m.opt("defaultConstraints", n -> n.asSeq().map(ManifestDecoder.asWritten()::topologySpreadConstraint), List.of());
          return new PodTopologySpreadArgs(type, constraints).validate();
        }
        case Fit.NAME -> {
          m.allowOnly("apiVersion", "kind", "ignoredResources", "ignoredResourceGroups", "scoringStrategy");
          NodeResourcesFitArgs a = new NodeResourcesFitArgs(
              m.opt("ignoredResources", YamlNode::asStringList, null),
              m.opt("ignoredResourceGroups", YamlNode::asStringList, null),
              m.opt("scoringStrategy", SchedulerConfigDecoder::scoringStrategy, null)).withV1Defaults();
          a.validate();
          return a;
        }
        case BalancedAllocation.NAME -> {
          m.allowOnly("apiVersion", "kind", "resources");
          NodeResourcesBalancedAllocationArgs a =
              new NodeResourcesBalancedAllocationArgs(m.opt("resources", SchedulerConfigDecoder::resources, null)).withV1Defaults();
          a.validate();
          return a;
        }
        case InterPodAffinity.NAME -> {
          m.allowOnly("apiVersion", "kind", "hardPodAffinityWeight", "ignorePreferredTermsOfExistingPods");
          InterPodAffinityArgs a = new InterPodAffinityArgs(m.opt("hardPodAffinityWeight", YamlNode::asInt, null),
              m.opt("ignorePreferredTermsOfExistingPods", YamlNode::asBoolean, false));
          a.validate();
          return a;
        }
        case NodeAffinity.NAME -> {
          m.allowOnly("apiVersion", "kind", "addedAffinity");
          NodeAffinityArgs a = new NodeAffinityArgs(m.opt("addedAffinity", ManifestDecoder.apiServer()::nodeAffinity, null));
          a.validate();
          return a;
        }
        default -> throw node.error("plugin " + plugin + " takes no args");
      }
    } catch (InputError e) {
      throw e;
    } catch (IllegalArgumentException e) {
      throw node.error("invalid " + kind + ": " + e.getMessage());
    }
  }

  private static NodeResourcesFitArgs.ScoringStrategy scoringStrategy(YamlNode node) {
    YamlNode.Map m = node.asMap().allowOnly("type", "resources", "requestedToCapacityRatio");
    String type = m.opt("type", n -> n.asEnum(List.of(NodeResourcesFitArgs.LEAST_ALLOCATED, NodeResourcesFitArgs.MOST_ALLOCATED,
        NodeResourcesFitArgs.REQUESTED_TO_CAPACITY_RATIO)), NodeResourcesFitArgs.LEAST_ALLOCATED);
    NodeResourcesFitArgs.RequestedToCapacityRatioParam ratio = m.opt("requestedToCapacityRatio", n -> {
      YamlNode.Map r = n.asMap().allowOnly("shape");
      return new NodeResourcesFitArgs.RequestedToCapacityRatioParam(r.opt("shape", s -> s.asSeq().map(p -> {
        YamlNode.Map pm = p.asMap().allowOnly("utilization", "score");
        return new NodeResourcesFitArgs.UtilizationShapePoint(pm.require("utilization").asInt(), pm.require("score").asInt());
      }), null));
    }, null);
    if (type.equals(NodeResourcesFitArgs.REQUESTED_TO_CAPACITY_RATIO) && ratio == null) {
      throw node.error("type RequestedToCapacityRatio needs requestedToCapacityRatio.shape");
    }
    if (!type.equals(NodeResourcesFitArgs.REQUESTED_TO_CAPACITY_RATIO) && ratio != null) {
      throw m.get("requestedToCapacityRatio").error("only allowed with type RequestedToCapacityRatio");
    }
    return new NodeResourcesFitArgs.ScoringStrategy(type, m.opt("resources", SchedulerConfigDecoder::resources, null), ratio);
  }

  private static List<ResourceSpec> resources(YamlNode node) {
    return node.asSeq().map(r -> {
      YamlNode.Map rm = r.asMap().allowOnly("name", "weight");
      return new ResourceSpec(rm.require("name").asString(), rm.opt("weight", YamlNode::asLong, 0L));
    });
  }

}
