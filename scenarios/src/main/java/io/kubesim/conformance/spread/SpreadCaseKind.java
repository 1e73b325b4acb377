package io.kubesim.conformance.spread;

import io.kubesim.api.Node;
import io.kubesim.api.Pod;
import io.kubesim.api.ReplicaSet;
import io.kubesim.api.ReplicationController;
import io.kubesim.api.Service;
import io.kubesim.api.StatefulSet;
import io.kubesim.api.TopologySpreadConstraint;
import io.kubesim.cluster.Cluster;
import io.kubesim.conformance.CaseKind;
import io.kubesim.manifest.ManifestDecoder;
import io.kubesim.scheduler.framework.Features;
import io.kubesim.scheduler.framework.PodInfo;
import io.kubesim.scheduler.plugins.podtopologyspread.PodTopologySpread;
import io.kubesim.scheduler.plugins.podtopologyspread.PodTopologySpreadArgs;
import io.kubesim.yaml.InputError;
import io.kubesim.yaml.YamlNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Runs {@code spread-filter} and {@code spread-score} cases (see {@code shared/conformance/FORMAT.md}):
 * builds a {@link Cluster} from the case, the {@link PodTopologySpread} plugin from its feature gates
 * and default constraints, and compares what the plugin does with {@code expect}.
 *
 * <p>Pods are decoded {@link ManifestDecoder#asWritten() as written}: upstream's unit tests, where
 * the cases come from, build pods the API server would reject.
 */
public final class SpreadCaseKind implements CaseKind {

  static final String FILTER = "spread-filter";
  static final String SCORE = "spread-score";

  private static final Set<String> COMMON_KEYS =
      Set.of("name", "source", "kind", "featureGates", "defaultConstraints", "objects", "nodes", "existingPods", "pod", "expect");

  private static final Set<String> TERMINAL_PHASES = Set.of("Succeeded", "Failed");

  private static final String GATE_NODE_INCLUSION = "NodeInclusionPolicyInPodTopologySpread";
  private static final String GATE_MATCH_LABEL_KEYS = "MatchLabelKeysInPodTopologySpread";
  private static final String GATE_COMPARISON_OPERATORS = "TaintTolerationComparisonOperators";

  @Override
  public Set<String> kinds() {
    return Set.of(FILTER, SCORE);
  }

  @Override
  public List<String> run(YamlNode.Map doc) {
    String kind = doc.require("kind").asEnum(List.of(FILTER, SCORE));
    Set<String> allowed = new java.util.HashSet<>(COMMON_KEYS);
    allowed.add(kind.equals(FILTER) ? "preFilterExtension" : "scoredNodes");
    doc.allowOnly(allowed);

    ManifestDecoder decoder = ManifestDecoder.asWritten();
    SpreadCase c = new SpreadCase(
        doc,
        plugin(doc, decoder),
        cluster(doc, decoder),
        PodInfo.of(decoder.pod(doc.require("pod"))),
        decoder);
    return kind.equals(FILTER) ? new FilterRun(c).run() : new ScoreRun(c).run();
  }

  /** What both kinds of run need. */
  record SpreadCase(YamlNode.Map doc, PodTopologySpread plugin, Cluster cluster, PodInfo pod, ManifestDecoder decoder) {
    /** The case's nodes, in the order written. */
    List<String> nodeNames() {
      YamlNode nodes = doc.opt("nodes");
      if (nodes == null) return List.of();
      return nodes.asSeq().map(n -> n.asMap().require("metadata").asMap().require("name").asString());
    }
  }

  private static PodTopologySpread plugin(YamlNode.Map doc, ManifestDecoder decoder) {
    Features features = features(doc.opt("featureGates"));
    YamlNode defaults = doc.get("defaultConstraints");
    PodTopologySpreadArgs args = PodTopologySpreadArgs.SYSTEM;
    if (defaults != null) {
      List<TopologySpreadConstraint> list = defaults.isNull() ? List.of() : defaults.asSeq().map(decoder::topologySpreadConstraint);
      args = PodTopologySpreadArgs.list(list);
    }
    try {
      return new PodTopologySpread(args, features);
    } catch (IllegalArgumentException e) {
      throw defaults.error("invalid PodTopologySpread args: " + e.getMessage());
    }
  }

  /** Omitted gates keep their upstream default ({@link Features#DEFAULTS}). */
  static Features features(YamlNode gates) {
    Features f = Features.DEFAULTS;
    if (gates == null) return f;
    YamlNode.Map m = gates.asMap().allowOnly(GATE_NODE_INCLUSION, GATE_MATCH_LABEL_KEYS, GATE_COMPARISON_OPERATORS);
    if (m.opt(GATE_NODE_INCLUSION) != null) f = f.withNodeInclusionPolicy(m.get(GATE_NODE_INCLUSION).asBoolean());
    if (m.opt(GATE_MATCH_LABEL_KEYS) != null) f = f.withMatchLabelKeys(m.get(GATE_MATCH_LABEL_KEYS).asBoolean());
    if (m.opt(GATE_COMPARISON_OPERATORS) != null) {
      f = new Features(f.nodeInclusionPolicyInPodTopologySpread(), f.matchLabelKeysInPodTopologySpread(),
          m.get(GATE_COMPARISON_OPERATORS).asBoolean());
    }
    return f;
  }

  private static Cluster cluster(YamlNode.Map doc, ManifestDecoder decoder) {
    Cluster cluster = new Cluster();
    YamlNode objects = doc.opt("objects");
    if (objects != null) {
      for (YamlNode item : objects.asSeq().items()) {
        Object o = decoder.object(item);
        if (o instanceof Service s) {
          cluster.addService(s);
        } else if (o instanceof ReplicationController rc) {
          cluster.addReplicationController(rc);
        } else if (o instanceof ReplicaSet rs) {
          cluster.putReplicaSet(rs);
        } else if (o instanceof StatefulSet ss) {
          cluster.putStatefulSet(ss);
        } else {
          throw item.error("objects holds Services, ReplicationControllers, ReplicaSets and StatefulSets; nodes and pods have their own lists");
        }
      }
    }
    YamlNode nodes = doc.opt("nodes");
    if (nodes != null) {
      for (YamlNode n : nodes.asSeq().items()) {
        Node node = decoder.node(n);
        if (cluster.node(node.name()) != null) throw n.error("duplicate node \"" + node.name() + "\"");
        cluster.addNode(node);
      }
    }
    YamlNode pods = doc.opt("existingPods");
    if (pods != null) {
      for (YamlNode p : pods.asSeq().items()) {
        Pod pod = decoder.pod(p);
        if (cluster.pod(pod.key()) != null) throw p.error("duplicate pod \"" + pod.key() + "\"");
        // The scheduler's pod informer excludes Succeeded and Failed pods: they are in no node's pod list.
        if (TERMINAL_PHASES.contains(pod.status().phase())) continue;
        cluster.addPod(pod);
      }
    }
    return cluster;
  }

  static InputError unknownNode(YamlNode at, String name) {
    return at.error("no node \"" + name + "\" in nodes");
  }

  static List<String> sorted(java.util.Collection<String> names) {
    List<String> out = new ArrayList<>(names);
    out.sort(null);
    return out;
  }
}
