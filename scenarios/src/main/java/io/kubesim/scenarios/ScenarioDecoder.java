package io.kubesim.scenarios;

import io.kubesim.api.Deployment;
import io.kubesim.api.Node;
import io.kubesim.api.ObjectMeta;
import io.kubesim.api.Pod;
import io.kubesim.api.PodDisruptionBudget;
import io.kubesim.api.PodTemplateSpec;
import io.kubesim.api.Quantity;
import io.kubesim.api.ReplicaSet;
import io.kubesim.api.ReplicationController;
import io.kubesim.api.ResourceNames;
import io.kubesim.api.Service;
import io.kubesim.api.StatefulSet;
import io.kubesim.api.Taint;
import io.kubesim.api.TaintEffect;
import io.kubesim.api.TopologySpreadConstraint;
import io.kubesim.api.labels.Selector;
import io.kubesim.kubelet.KubeletConfiguration;
import io.kubesim.kubelet.KubeletConfigurationException;
import io.kubesim.kubelet.NodeCpuAdmission;
import io.kubesim.kubelet.cm.topology.CpuTopologies;
import io.kubesim.kubelet.cm.topology.CpuTopology;
import io.kubesim.kubelet.cm.topologymanager.TopologyManagerPolicyName;
import io.kubesim.manifest.ManifestDecoder;
import io.kubesim.scenarios.hardware.ExplicitTopology;
import io.kubesim.scenarios.hardware.LscpuImport;
import io.kubesim.scheduler.framework.Features;
import io.kubesim.sim.PodTiming;
import io.kubesim.yaml.Mark;
import io.kubesim.yaml.Suggest;
import io.kubesim.yaml.YamlLoader;
import io.kubesim.yaml.YamlNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Decodes one variant's tree into a {@link Scenario}, strictly: unknown fields and enum values
 * are errors with the closest valid name, durations and quantities are checked, and every name
 * the timeline and the expectations use must exist at that point (nodes, pools, zones,
 * workloads, containers, spread constraints). Every error names file:line:column and the field
 * path.
 */
final class ScenarioDecoder {
  static final String API_VERSION = "kubesim.io/v1alpha1";

  static final List<String> TOP_FIELDS = List.of("apiVersion", "kind", "name", "description", "seed", "duration", "sampleInterval", "sampleOn",
      "podTiming", "scheduler", "featureGates", "nodePools", "manifests", "include", "snapshot", "timeline", "expectations",
      "variants", "matrix", "plan");
  static final List<String> ACTIONS = List.of("apply", "delete", "scale", "rollout", "addNodes", "removeNodes", "taint", "untaint",
      "cordon", "uncordon", "drain", "failNodes", "recoverNodes", "reboot");
  static final List<String> EXPECTATIONS = List.of("skew", "pending", "pendingDuration", "minDomains", "aligned", "admissionFailures");
  static final String GATE_NODE_INCLUSION = "NodeInclusionPolicyInPodTopologySpread";
  static final String GATE_MATCH_LABEL_KEYS = "MatchLabelKeysInPodTopologySpread";
  static final String GATE_COMPARISON_OPERATORS = "TaintTolerationComparisonOperators";

  private static final Pattern DNS_LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?");
  private static final Pattern DNS_SUBDOMAIN = Pattern.compile("[a-z0-9]([-a-z0-9.]*[a-z0-9])?");
  private static final List<String> TAINT_EFFECTS = Arrays.stream(TaintEffect.values()).map(Enum::name).toList();
  private static final List<String> DELETABLE = List.of("Deployment", "StatefulSet", "ReplicaSet", "PodDisruptionBudget", "Pod",
      "Service");
  /** Nodes one pool entry or addNodes may create: far above real clusters (upstream supports 5,000), far below what exhausts memory. */
  static final int MAX_POOL_NODES = 100_000;
  private static final List<String> SELECTION = List.of("nodes", "pool", "zone", "selector", "count");
  private static final int DEFAULT_MAX_PODS = 110;

  private final Path file;
  private final Set<String> variantNames;
  private final Map<Path, List<YamlNode>> fileCache;
  private final ManifestDecoder manifests = ManifestDecoder.apiServer();

  private final Map<String, NodePool> pools = new LinkedHashMap<>();
  private final Map<String, Integer> poolNext = new HashMap<>();
  private final Map<String, Node> nodes = new LinkedHashMap<>();
  private final Map<String, Mark> nodeMarks = new HashMap<>();
  private final Map<String, NodePool> poolOfNode = new LinkedHashMap<>();
  private final Map<String, Tracked> objects = new LinkedHashMap<>();
  /** Every workload the scenario ever has, with every pod template it ever runs. */
  private final Map<String, List<PodTemplateSpec>> everWorkloads = new LinkedHashMap<>();
  private final Map<String, ObjectRef> everRefs = new LinkedHashMap<>();
  private long durationMs;

  /** An object the decoder keeps track of, with where it was written. */
  private record Tracked(ObjectRef ref, Object object, Mark mark, YamlNode doc) {}

  ScenarioDecoder(Path file, Set<String> variantNames, Map<Path, List<YamlNode>> fileCache) {
    this.file = file;
    this.variantNames = variantNames;
    this.fileCache = fileCache;
  }

  Scenario decode(YamlNode.Map root, VariantSpec variant) {
    root.allowOnly(Set.copyOf(TOP_FIELDS));
    root.require("apiVersion").asEnum(List.of(API_VERSION));
    root.require("kind").asEnum(List.of("Scenario"));
    YamlNode nameNode = root.require("name");
    String name = nameNode.asString();
    if (!DNS_LABEL.matcher(name).matches() || name.length() > 63) {
      throw nameNode.error("invalid name \"" + name + "\": use lower case letters, digits and '-', starting and ending with a letter or "
          + "digit (it names the output directory)");
    }
    String description = root.opt("description", YamlNode::asString, "");
    long seed = root.opt("seed", YamlNode::asLong, 1L);
    durationMs = Durations.positive(root.require("duration"));
    long interval = root.opt("sampleInterval", Durations::positive, 30_000L);
    Scenario.SampleOn sampleOn = root.opt("sampleOn", n -> Scenario.SampleOn.valueOf(n.asEnum(List.of("changes", "events"))),
        Scenario.SampleOn.changes);
    PodTiming timing = root.opt("podTiming", ScenarioDecoder::podTiming, PodTiming.DEFAULT);
    Features features = root.opt("featureGates", ScenarioDecoder::features, Features.DEFAULTS);
    SchedulerSettings scheduler = root.opt("scheduler", n -> SchedulerConfigDecoder.decode(n, features), SchedulerConfigDecoder.defaults());

    YamlNode poolsNode = root.opt("nodePools");
    if (poolsNode != null) {
      Map<String, YamlNode> names = new HashMap<>();
      for (YamlNode item : poolsNode.asSeq().items()) {
        NodePool pool = pool(item);
        YamlNode at = item.asMap().get("name");
        if (names.containsKey(pool.name())) {
          throw at.error("duplicate node pool \"" + pool.name() + "\" (first at line " + names.get(pool.name()).mark().line() + ")");
        }
        names.put(pool.name(), at);
        pools.put(pool.name(), pool);
        for (int i = 0; i < pool.count(); i++) addPoolNode(pool, at);
      }
    }
    YamlNode manifestsNode = root.opt("manifests");
    if (manifestsNode != null) for (YamlNode doc : manifestsNode.asSeq().items()) addDocument(doc, null);
    YamlNode snapshot = root.opt("snapshot");
    if (snapshot != null) {
      Path p = ScenarioLoader.resolveInside(file, snapshot, "snapshot");
      for (YamlNode doc : fileCache.computeIfAbsent(p, f -> new YamlLoader().loadAll(f))) addDocument(doc, null);
    }
    List<Node> initialNodes = List.copyOf(nodes.values());
    List<Object> initialObjects = new ArrayList<>();
    for (Tracked t : objects.values()) {
      initialObjects.add(t.object());
      if (t.object() instanceof Pod p && p.isBound() && !nodes.containsKey(p.spec().nodeName())) {
        throw child(t.doc(), "spec", "nodeName").error("pod " + p.key() + " is bound to node \"" + p.spec().nodeName()
            + "\", which is not in the scenario" + Suggest.closest(p.spec().nodeName(), nodes.keySet()));
      }
    }
    List<String> initialKeys = List.copyOf(objects.keySet());
    List<TimelineEvent> timeline = root.opt("timeline", this::timeline, List.of());
    List<Expectation> expectations = root.opt("expectations", n -> n.asSeq().map(this::expectation), List.of());
    Plan plan = root.opt("plan", n -> new PlanDecoder(pools, initialKeys).decode(n), null);

    Map<String, String> settings = new LinkedHashMap<>();
    for (VariantSpec.Set s : variant.sets()) settings.put(s.path(), render(s.value()));
    String variantDescription = variant.description() == null ? "" : variant.description();
    return new Scenario(file, name, description, variant.name(), variantDescription, settings, seed, durationMs, interval, sampleOn, timing,
        scheduler, features, List.copyOf(pools.values()), initialNodes, Map.copyOf(poolOfNode), List.copyOf(initialObjects), timeline, expectations, plan);
  }

  // ---------------------------------------------------------------- small sections

  private static PodTiming podTiming(YamlNode node) {
    YamlNode.Map m = node.asMap().allowOnly("startup", "startupJitter", "readiness", "readinessJitter", "termination");
    PodTiming d = PodTiming.DEFAULT;
    return new PodTiming(
        m.opt("startup", Durations::parse, d.startupMs()),
        m.opt("startupJitter", Durations::parse, d.startupJitterMs()),
        m.opt("readiness", Durations::parse, d.readinessMs()),
        m.opt("readinessJitter", Durations::parse, d.readinessJitterMs()),
        m.opt("termination", Durations::parse, d.terminationMs()));
  }

  /** Omitted gates keep their upstream default ({@link Features#DEFAULTS}). */
  static Features features(YamlNode node) {
    YamlNode.Map m = node.asMap().allowOnly(GATE_NODE_INCLUSION, GATE_MATCH_LABEL_KEYS, GATE_COMPARISON_OPERATORS);
    Features f = Features.DEFAULTS;
    return new Features(
        m.opt(GATE_NODE_INCLUSION, YamlNode::asBoolean, f.nodeInclusionPolicyInPodTopologySpread()),
        m.opt(GATE_MATCH_LABEL_KEYS, YamlNode::asBoolean, f.matchLabelKeysInPodTopologySpread()),
        m.opt(GATE_COMPARISON_OPERATORS, YamlNode::asBoolean, f.taintTolerationComparisonOperators()));
  }

  // ---------------------------------------------------------------- node pools

  private NodePool pool(YamlNode item) {
    YamlNode.Map m = item.asMap().allowOnly("name", "count", "zones", "region", "labels", "taints", "allocatable", "hardware", "kubelet");
    YamlNode nameNode = m.require("name");
    String name = nameNode.asString();
    if (!DNS_SUBDOMAIN.matcher(name).matches() || name.length() > 200) {
      throw nameNode.error("invalid pool name \"" + name + "\": use lower case letters, digits, '-' and '.' (it starts node names)");
    }
    YamlNode countNode = m.require("count");
    int count = countNode.asInt();
    if (count < 0) throw countNode.error("must be greater than or equal to 0");
    if (count > MAX_POOL_NODES) throw countNode.error("must be at most " + MAX_POOL_NODES + " (the simulator's limit of nodes per pool)");
    List<String> zones = new ArrayList<>();
    YamlNode zonesNode = m.opt("zones");
    if (zonesNode != null) {
      for (YamlNode z : zonesNode.asSeq().items()) {
        String zone = z.asString();
        if (zone.isEmpty()) throw z.error("empty zone name");
        if (zones.contains(zone)) throw z.error("zone \"" + zone + "\" is listed twice");
        zones.add(zone);
      }
    }
    String region = m.opt("region", YamlNode::asString, null);
    Map<String, String> labels = m.opt("labels", YamlNode::asStringMap, Map.of());
    for (String own : List.of(ResourceNames.LABEL_HOSTNAME, NodeSelection.POOL_LABEL)) {
      if (labels.containsKey(own)) throw m.get("labels").error("label " + own + " is set by the pool for each node");
    }
    if (!zones.isEmpty() && labels.containsKey(ResourceNames.LABEL_ZONE)) {
      throw m.get("labels").error("label " + ResourceNames.LABEL_ZONE + " conflicts with zones; write one of them");
    }
    if (region != null && labels.containsKey(ResourceNames.LABEL_REGION)) {
      throw m.get("labels").error("label " + ResourceNames.LABEL_REGION + " conflicts with region; write one of them");
    }
    List<Taint> taints = m.opt("taints", n -> n.asSeq().map(manifests::taint), List.of());
    CpuTopology hardware = null;
    String hardwareName = null;
    YamlNode hw = m.opt("hardware");
    if (hw != null) {
      if (hw instanceof YamlNode.Map hm && hm.has("cpus")) {
        hardwareName = "explicit";
        hardware = ExplicitTopology.read(hm);
      } else if (hw instanceof YamlNode.Map hm) {
        hm.allowOnly("lscpu", "cpus");
        YamlNode lscpu = hm.require("lscpu");
        hardwareName = lscpu.asString();
        hardware = LscpuImport.read(ScenarioLoader.resolveInside(file, lscpu, "lscpu"));
      } else {
        hardwareName = hw.asString();
        hardware = CpuTopologies.find(hardwareName).orElse(null);
        if (hardware == null) {
          throw hw.error("unknown CPU topology preset \"" + hardwareName + "\"" + Suggest.closest(hardwareName, CpuTopologies.names())
              + "; presets: " + String.join(", ", CpuTopologies.names()) + " (or lscpu: FILE, or cpus: [[cpu, core, socket, numa], ...])");
        }
      }
    }
    KubeletConfiguration kubelet = m.opt("kubelet", ScenarioDecoder::kubelet, KubeletConfiguration.DEFAULT);
    YamlNode kubeletNode = m.opt("kubelet");
    boolean needsHardware = kubelet.cpuManagerPolicy().equals(KubeletConfiguration.STATIC_POLICY)
        || !kubelet.topologyManagerPolicy().equals(TopologyManagerPolicyName.NONE.value());
    if (needsHardware && hardware == null) {
      throw kubeletNode.error("CPU pinning needs the pool's hardware: a CPU topology preset (" + String.join(", ", CpuTopologies.names())
          + "), lscpu: FILE, or cpus: [[cpu, core, socket, numa], ...]");
    }
    if (hardware != null && kubeletNode != null) {
      try {
        new NodeCpuAdmission(hardware, kubelet);
      } catch (KubeletConfigurationException e) {
        throw kubeletNode.error("the kubelet would not start on " + hardwareName + ": " + e.getMessage());
      }
    }
    Map<String, Quantity> allocatable = new LinkedHashMap<>();
    Map<String, Quantity> capacity = new LinkedHashMap<>();
    if (hardware != null) {
      long reservedMilli = kubelet.reservedSystemCPUs().isEmpty()
          ? KubeletConfiguration.parseCpuMillis(kubelet.kubeReserved().getOrDefault("cpu", "0"))
              + KubeletConfiguration.parseCpuMillis(kubelet.systemReserved().getOrDefault("cpu", "0"))
          : kubelet.numReservedCpus() * 1000L;
      long cpus = hardware.numCpus() * 1000L;
      if (reservedMilli >= cpus) throw kubeletNode.error("reserves all " + hardware.numCpus() + " CPUs of " + hardwareName);
      allocatable.put("cpu", Quantity.ofMilli(cpus - reservedMilli));
      capacity.put("cpu", Quantity.ofMilli(cpus));
    }
    allocatable.put("pods", Quantity.of(DEFAULT_MAX_PODS));
    YamlNode allocNode = m.opt("allocatable");
    if (allocNode != null) allocatable.putAll(manifests.resourceList(allocNode));
    for (Map.Entry<String, Quantity> e : allocatable.entrySet()) {
      if (e.getValue().signum() < 0) throw allocNode.asMap().get(e.getKey()).error("must not be negative");
      capacity.putIfAbsent(e.getKey(), e.getValue());
    }
    return new NodePool(name, count, zones, region, labels, taints, allocatable, capacity, hardware, hardwareName, kubelet);
  }

  private static KubeletConfiguration kubelet(YamlNode node) {
    YamlNode.Map m = node.asMap().allowOnly("apiVersion", "kind", "cpuManagerPolicy", "cpuManagerPolicyOptions", "reservedSystemCPUs",
        "kubeReserved", "systemReserved", "topologyManagerPolicy", "topologyManagerScope", "topologyManagerPolicyOptions",
        "featureGates");
    m.opt("apiVersion", n -> n.asEnum(List.of("kubelet.config.k8s.io/v1beta1")), null);
    m.opt("kind", n -> n.asEnum(List.of("KubeletConfiguration")), null);
    Map<String, Boolean> gates = null;
    YamlNode g = m.opt("featureGates");
    if (g != null) {
      gates = new LinkedHashMap<>();
      for (Map.Entry<String, YamlNode> e : g.asMap().fields().entrySet()) gates.put(e.getKey(), e.getValue().asBoolean());
    }
    KubeletConfiguration c = new KubeletConfiguration(
        m.opt("cpuManagerPolicy", n -> n.asEnum(List.of(KubeletConfiguration.NONE_POLICY, KubeletConfiguration.STATIC_POLICY)), null),
        m.opt("cpuManagerPolicyOptions", YamlNode::asStringMap, null),
        m.opt("reservedSystemCPUs", YamlNode::asString, null),
        m.opt("kubeReserved", YamlNode::asStringMap, null),
        m.opt("systemReserved", YamlNode::asStringMap, null),
        m.opt("topologyManagerPolicy", n -> n.asEnum(TopologyManagerPolicyName.names()), null),
        m.opt("topologyManagerScope", n -> n.asEnum(List.of("container", "pod")), null),
        m.opt("topologyManagerPolicyOptions", YamlNode::asStringMap, null),
        gates);
    List<String> errors = c.validate();
    if (!errors.isEmpty()) throw node.error(String.join("; ", errors));
    return c;
  }

  private List<Node> addPoolNodes(NodePool pool, int count, YamlNode at) {
    List<Node> out = new ArrayList<>();
    for (int i = 0; i < count; i++) out.add(addPoolNode(pool, at));
    return out;
  }

  private Node addPoolNode(NodePool pool, YamlNode at) {
    int index = poolNext.merge(pool.name(), 1, Integer::sum) - 1;
    Node n = pool.node(index);
    addNode(n, at);
    poolOfNode.put(n.name(), pool);
    return n;
  }

  private void addNode(Node n, YamlNode at) {
    Mark first = nodeMarks.get(n.name());
    if (first != null) throw at.error("duplicate node name \"" + n.name() + "\" (first at " + first + ")");
    nodes.put(n.name(), n);
    nodeMarks.put(n.name(), at.mark());
  }

  // ---------------------------------------------------------------- manifests

  /** Adds a manifest (a List is flattened); {@code applied} collects what a timeline apply adds (null at the start). */
  private void addDocument(YamlNode doc, List<Object> applied) {
    YamlNode.Map m = doc.asMap();
    YamlNode kind = m.opt("kind");
    if (kind != null && kind.asString().equals("List")) {
      m.allowOnly("apiVersion", "kind", "items", "metadata");
      YamlNode items = m.opt("items");
      if (items != null) for (YamlNode item : items.asSeq().items()) addDocument(item, applied);
      return;
    }
    Object o = manifests.object(doc);
    YamlNode nameNode = child(doc, "metadata", "name");
    Mark at = nameNode.mark();
    if (o instanceof Node n) {
      if (applied != null && nodes.containsKey(n.name())) throw nameNode.error("node \"" + n.name() + "\" already exists");
      addNode(n, nameNode);
      if (applied != null) applied.add(n);
      return;
    }
    ObjectRef ref = refOf(o);
    Tracked previous = objects.get(ref.key());
    if (previous != null && applied == null) {
      throw nameNode.error("duplicate " + ref.kind() + " \"" + ref.name() + "\" in namespace " + ref.namespace() + " (first at "
          + previous.mark() + ")");
    }
    if (previous != null && ref.kind().equals("Pod")) throw nameNode.error("pod " + ref + " already exists; pods cannot be re-applied");
    objects.put(ref.key(), new Tracked(ref, o, at, doc));
    PodTemplateSpec template = template(o);
    if (template != null) {
      everWorkloads.computeIfAbsent(ref.key(), k -> new ArrayList<>()).add(template);
      everRefs.put(ref.key(), ref);
    }
    if (applied != null) {
      if (o instanceof Pod p && p.isBound() && !nodes.containsKey(p.spec().nodeName())) {
        throw child(doc, "spec", "nodeName").error("pod " + p.key() + " is bound to node \"" + p.spec().nodeName()
            + "\", which does not exist at this point" + Suggest.closest(p.spec().nodeName(), nodes.keySet()));
      }
      applied.add(o);
    }
  }

  /** The deepest of {@code keys} that is written, from {@code node}. */
  private static YamlNode child(YamlNode node, String... keys) {
    YamlNode at = node;
    for (String k : keys) {
      if (!(at instanceof YamlNode.Map m) || m.opt(k) == null) return at;
      at = m.get(k);
    }
    return at;
  }

  static ObjectRef refOf(Object o) {
    ObjectMeta meta;
    if (o instanceof Pod p) meta = p.metadata();
    else if (o instanceof Deployment d) meta = d.metadata();
    else if (o instanceof StatefulSet st) meta = st.metadata();
    else if (o instanceof ReplicaSet r) meta = r.metadata();
    else if (o instanceof PodDisruptionBudget b) meta = b.metadata();
    else if (o instanceof Service sv) meta = sv.metadata();
    else if (o instanceof ReplicationController rc) meta = rc.metadata();
    else throw new IllegalArgumentException("not an object: " + o);
    return new ObjectRef(o.getClass().getSimpleName(), meta.namespace(), meta.name());
  }

  static PodTemplateSpec template(Object o) {
    if (o instanceof Deployment d) return d.spec().template();
    if (o instanceof StatefulSet st) return st.spec().template();
    if (o instanceof ReplicaSet r) return r.spec().template();
    return null;
  }

  // ---------------------------------------------------------------- timeline

  private List<TimelineEvent> timeline(YamlNode node) {
    List<TimelineEvent> out = new ArrayList<>();
    long previous = 0;
    YamlNode previousAt = null;
    Set<String> allowed = new LinkedHashSet<>(ACTIONS);
    allowed.add("at");
    allowed.add("label");
    for (YamlNode item : node.asSeq().items()) {
      YamlNode.Map m = item.asMap().allowOnly(allowed);
      YamlNode atNode = m.require("at");
      long at = Durations.parse(atNode);
      if (at > durationMs) {
        throw atNode.error("at " + Durations.format(at) + " is after the end of the scenario (duration " + Durations.format(durationMs) + ")");
      }
      if (previousAt != null && at < previous) {
        throw atNode.error("out of order: at " + Durations.format(at) + " comes before the previous entry (at " + Durations.format(previous)
            + ", line " + previousAt.mark().line() + "); list the timeline in time order");
      }
      previous = at;
      previousAt = atNode;
      List<String> verbs = m.fields().keySet().stream().filter(ACTIONS::contains).toList();
      if (verbs.isEmpty()) throw item.error("missing the action: one of " + String.join(", ", ACTIONS));
      if (verbs.size() > 1) {
        throw m.get(verbs.get(1)).error("one action per entry: found \"" + verbs.get(0) + "\" and \"" + verbs.get(1) + "\"");
      }
      YamlNode actionNode = m.require(verbs.get(0));
      TimelineEvent.Action action = action(verbs.get(0), actionNode);
      String label = m.opt("label", YamlNode::asString, action.describe());
      out.add(new TimelineEvent(at, label, actionNode.mark(), action));
    }
    return out;
  }

  private TimelineEvent.Action action(String verb, YamlNode v) {
    switch (verb) {
      case "apply": {
        List<YamlNode> docs = v instanceof YamlNode.Seq s ? s.items() : List.of(v);
        List<Object> applied = new ArrayList<>();
        for (YamlNode doc : docs) addDocument(doc, applied);
        if (applied.isEmpty()) throw v.error("applies nothing");
        List<String> names = applied.stream().map(o -> o instanceof Node n ? "Node/" + n.name() : refOf(o).toString()).toList();
        return new TimelineEvent.Apply(applied, names);
      }
      case "delete": {
        List<YamlNode> items = v instanceof YamlNode.Seq s ? s.items() : List.of(v);
        List<ObjectRef> refs = new ArrayList<>();
        for (YamlNode item : items) {
          ObjectRef ref = existing(item, DELETABLE);
          objects.remove(ref.key());
          refs.add(ref);
        }
        return new TimelineEvent.Delete(refs);
      }
      case "scale": {
        YamlNode.Map m = v.asMap().allowOnly("workload", "replicas");
        ObjectRef ref = existing(m.require("workload"), ObjectRef.WORKLOAD_KINDS);
        YamlNode r = m.require("replicas");
        int replicas = r.asInt();
        if (replicas < 0) throw r.error("must be greater than or equal to 0");
        return new TimelineEvent.Scale(ref, replicas);
      }
      case "rollout":
        return rollout(v);
      case "addNodes": {
        YamlNode.Map m = v.asMap().allowOnly("pool", "count");
        YamlNode poolNode = m.require("pool");
        NodePool pool = pools.get(poolNode.asString());
        if (pool == null) throw poolNode.error(unknownPool(poolNode.asString()));
        YamlNode c = m.opt("count");
        int count = c == null ? 1 : c.asInt();
        if (count < 1) throw c.error("must be at least 1");
        if (count > MAX_POOL_NODES) throw c.error("must be at most " + MAX_POOL_NODES + " (the simulator's limit of nodes per pool)");
        return new TimelineEvent.AddNodes(pool.name(), addPoolNodes(pool, count, v));
      }
      case "taint": {
        YamlNode.Map m = v.asMap();
        NodeSelection sel = selection(v, "key", "value", "effect");
        Taint t = new Taint(m.require("key").asString(), m.opt("value", YamlNode::asString, ""),
            TaintEffect.valueOf(m.require("effect").asEnum(TAINT_EFFECTS)));
        return new TimelineEvent.TaintNodes(sel, t);
      }
      case "untaint": {
        YamlNode.Map m = v.asMap();
        NodeSelection sel = selection(v, "key", "effect");
        return new TimelineEvent.Untaint(sel, m.require("key").asString(),
            m.opt("effect", n -> TaintEffect.valueOf(n.asEnum(TAINT_EFFECTS)), null));
      }
      case "reboot": {
        YamlNode.Map m = v.asMap();
        NodeSelection sel = selection(v, "by", "taint", "drain", "downFor");
        String by = m.opt("by", n -> n.asEnum(TimelineEvent.Reboot.BY), "node");
        Taint taint = m.opt("taint", n -> {
          YamlNode.Map t = n.asMap().allowOnly("key", "value", "effect");
          return new Taint(t.require("key").asString(), t.opt("value", YamlNode::asString, ""),
              TaintEffect.valueOf(t.require("effect").asEnum(TAINT_EFFECTS)));
        }, null);
        if (by.equals("zone")) {
          for (String n : sel.resolve(nodes.values())) {
            if (!nodes.get(n).labels().containsKey(ResourceNames.LABEL_ZONE)) {
              throw m.get("by").error("node " + n + " has no " + ResourceNames.LABEL_ZONE + " label to group by");
            }
          }
        }
        return new TimelineEvent.Reboot(sel, by, taint, m.opt("drain", YamlNode::asBoolean, true),
            m.opt("downFor", Durations::parse, 120_000L));
      }
      default: {
        NodeSelection sel = selection(v);
        if (verb.equals("removeNodes")) for (String n : sel.resolve(nodes.values())) nodes.remove(n);
        return new TimelineEvent.NodeOp(verb, sel);
      }
    }
  }

  private TimelineEvent.Rollout rollout(YamlNode v) {
    YamlNode.Map m = v.asMap().allowOnly("workload", "image", "container", "labels", "annotations", "template", "restart");
    ObjectRef ref = existing(m.require("workload"), List.of("Deployment", "StatefulSet"));
    Tracked tracked = objects.get(ref.key());
    PodTemplateSpec current = template(tracked.object());
    YamlNode templateNode = m.opt("template");
    PodTemplateSpec template = null;
    if (templateNode != null) {
      for (String other : List.of("image", "container", "labels", "annotations", "restart")) {
        if (m.opt(other) != null) throw m.get(other).error("write either template or " + other + ", not both");
      }
      template = manifests.podTemplateSpec(templateNode);
    } else if (m.opt("image") == null && m.opt("labels") == null && m.opt("annotations") == null
        && !m.opt("restart", YamlNode::asBoolean, false)) {
      throw v.error("nothing to roll out: write image, labels, annotations, restart: true or template");
    }
    String image = m.opt("image", YamlNode::asString, null);
    YamlNode containerNode = m.opt("container");
    String container = containerNode == null ? null : containerNode.asString();
    if (container != null) {
      if (image == null) throw containerNode.error("container needs image");
      List<String> names = current.spec() == null ? List.of() : current.spec().containers().stream().map(c -> c.name()).toList();
      if (!names.contains(container)) {
        throw containerNode.error("no container \"" + container + "\" in " + ref + "'s pod template" + Suggest.closest(container, names)
            + "; containers: " + String.join(", ", names));
      }
    }
    TimelineEvent.Rollout r = new TimelineEvent.Rollout(ref, template, image, container,
        m.opt("labels", YamlNode::asStringMap, Map.of()), m.opt("annotations", YamlNode::asStringMap, Map.of()),
        m.opt("restart", YamlNode::asBoolean, false));
    PodTemplateSpec next = r.apply(current, "");
    if (tracked.object() instanceof Deployment d) {
      Map<String, String> labels = next.metadata() == null ? Map.of() : next.metadata().labels();
      if (!Selector.of(d.spec().selector()).matches(labels)) {
        throw v.error("the new template's labels " + new java.util.TreeMap<>(labels) + " do not match the selector of " + ref);
      }
      Deployment updated = d.withSpec(new Deployment.Spec(d.spec().replicas(), d.spec().selector(), next, d.spec().strategy(),
          d.spec().minReadySeconds(), d.spec().revisionHistoryLimit(), d.spec().paused(), d.spec().progressDeadlineSeconds()));
      objects.put(ref.key(), new Tracked(ref, updated, tracked.mark(), tracked.doc()));
    } else if (tracked.object() instanceof StatefulSet s) {
      objects.put(ref.key(), new Tracked(ref, s.withSpec(new StatefulSet.Spec(s.spec().replicas(), s.spec().selector(), next,
          s.spec().serviceName(), s.spec().podManagementPolicy(), s.spec().updateStrategy(), s.spec().minReadySeconds())), tracked.mark(),
          tracked.doc()));
    }
    everWorkloads.computeIfAbsent(ref.key(), k -> new ArrayList<>()).add(next);
    return r;
  }

  /** A reference to an object that exists at this point of the timeline. */
  private ObjectRef existing(YamlNode node, List<String> kinds) {
    ObjectRef ref = ObjectRef.parse(node, kinds);
    if (!objects.containsKey(ref.key())) {
      List<String> same = new ArrayList<>();
      for (Tracked t : objects.values()) if (t.ref().kind().equals(ref.kind())) same.add(t.ref().toString());
      throw node.error("no " + ref.kind() + " \"" + ref.name() + "\" in namespace " + ref.namespace() + " at this point"
          + Suggest.closest(ref.toString(), same) + (same.isEmpty() ? "" : "; " + ref.kind() + "s: " + String.join(", ", same)));
    }
    return ref;
  }

  private String unknownPool(String name) {
    return "no node pool \"" + name + "\"" + Suggest.closest(name, pools.keySet())
        + (pools.isEmpty() ? "; the scenario has no nodePools" : "; pools: " + String.join(", ", pools.keySet()));
  }

  private NodeSelection selection(YamlNode v, String... extra) {
    Set<String> allowed = new LinkedHashSet<>(SELECTION);
    allowed.addAll(List.of(extra));
    YamlNode.Map m = v.asMap().allowOnly(allowed);
    YamlNode namesNode = m.opt("nodes");
    List<String> names = null;
    if (namesNode != null) {
      for (String other : List.of("pool", "zone", "selector")) {
        if (m.opt(other) != null) throw m.get(other).error("select nodes either by name (nodes) or by pool, zone and selector, not both");
      }
      names = new ArrayList<>();
      for (YamlNode n : namesNode.asSeq().items()) {
        String name = n.asString();
        if (!nodes.containsKey(name)) {
          throw n.error("no node \"" + name + "\" at this point" + Suggest.closest(name, nodes.keySet()));
        }
        if (names.contains(name)) throw n.error("node \"" + name + "\" is listed twice");
        names.add(name);
      }
      if (names.isEmpty()) throw namesNode.error("lists no nodes");
    }
    String pool = null;
    if (m.opt("pool") != null) {
      pool = m.get("pool").asString();
      if (!pools.containsKey(pool)) throw m.get("pool").error(unknownPool(pool));
    }
    String zone = null;
    if (m.opt("zone") != null) {
      zone = m.get("zone").asString();
      Set<String> zones = new TreeSet<>();
      for (Node n : nodes.values()) {
        String z = n.labels().get(ResourceNames.LABEL_ZONE);
        if (z != null) zones.add(z);
      }
      if (!zones.contains(zone)) {
        throw m.get("zone").error("no node in zone \"" + zone + "\" at this point" + Suggest.closest(zone, zones)
            + (zones.isEmpty() ? "" : "; zones: " + String.join(", ", zones)));
      }
    }
    Map<String, String> selector = m.opt("selector", YamlNode::asStringMap, null);
    Integer count = null;
    if (m.opt("count") != null) {
      count = m.get("count").asInt();
      if (count < 1) throw m.get("count").error("must be at least 1");
    }
    if (names == null && pool == null && zone == null && selector == null) {
      throw v.error("select the nodes: nodes: [...], pool:, zone: and/or selector: {label: value}");
    }
    NodeSelection sel = new NodeSelection(names, pool, zone, selector, count);
    if (sel.resolve(nodes.values()).isEmpty()) throw v.error("selects no nodes at this point (" + sel.describe() + ")");
    return sel;
  }

  // ---------------------------------------------------------------- expectations

  private Expectation expectation(YamlNode item) {
    Set<String> allowed = new LinkedHashSet<>(EXPECTATIONS);
    allowed.add("variants");
    YamlNode.Map m = item.asMap().allowOnly(allowed);
    List<String> variants = m.opt("variants", n -> n.asSeq().map(x -> x.asEnum(List.copyOf(variantNames))), List.of());
    List<String> kinds = m.fields().keySet().stream().filter(EXPECTATIONS::contains).toList();
    if (kinds.isEmpty()) throw item.error("missing the check: one of " + String.join(", ", EXPECTATIONS));
    if (kinds.size() > 1) throw m.get(kinds.get(1)).error("one check per entry: found \"" + kinds.get(0) + "\" and \"" + kinds.get(1) + "\"");
    String kind = kinds.get(0);
    YamlNode v = m.require(kind);
    Mark mark = v.mark();
    switch (kind) {
      case "skew": {
        YamlNode.Map e = v.asMap().allowOnly("workload", "topologyKey", "whenUnsatisfiable", "view", "at", "from", "atMost", "atLeast");
        ObjectRef ref = everWorkload(e.require("workload"));
        String whenUnsatisfiable = e.opt("whenUnsatisfiable", n -> n.asEnum(List.of(TopologySpreadConstraint.DO_NOT_SCHEDULE,
            TopologySpreadConstraint.SCHEDULE_ANYWAY)), null);
        String key = topologyKey(e, ref, whenUnsatisfiable);
        Expectation.View view = e.opt("view", n -> Expectation.View.valueOf(n.asEnum(names(Expectation.View.values()))),
            Expectation.View.scheduler);
        Expectation.At at = e.opt("at", n -> Expectation.At.valueOf(n.asEnum(names(Expectation.At.values()))), Expectation.At.end);
        long from = from(e, at);
        return new Expectation.Skew(mark, variants, ref, key, whenUnsatisfiable, view, at, from, bound(v, ScenarioDecoder::number));
      }
      case "pending": {
        YamlNode.Map e = v.asMap().allowOnly("at", "from", "atMost", "atLeast");
        Expectation.At at = e.opt("at", n -> Expectation.At.valueOf(n.asEnum(names(Expectation.At.values()))), Expectation.At.end);
        return new Expectation.Pending(mark, variants, at, from(e, at), bound(v, ScenarioDecoder::number));
      }
      case "pendingDuration": {
        v.asMap().allowOnly("atMost", "atLeast");
        return new Expectation.PendingDuration(mark, variants, bound(v, n -> (double) Durations.parse(n)));
      }
      case "minDomains": {
        YamlNode.Map e = v.asMap().allowOnly("workload", "topologyKey", "whenUnsatisfiable", "met");
        ObjectRef ref = everWorkload(e.require("workload"));
        String whenUnsatisfiable = e.opt("whenUnsatisfiable", n -> n.asEnum(List.of(TopologySpreadConstraint.DO_NOT_SCHEDULE,
            TopologySpreadConstraint.SCHEDULE_ANYWAY)), null);
        String key = topologyKey(e, ref, whenUnsatisfiable);
        return new Expectation.MinDomains(mark, variants, ref, key, whenUnsatisfiable, e.require("met").asBoolean());
      }
      case "aligned": {
        YamlNode.Map e = v.asMap().allowOnly("level", "atLeast", "atMost");
        if (pools.values().stream().noneMatch(NodePool::pinsCpus)) {
          throw v.error("needs a node pool whose kubelet pins CPUs (cpuManagerPolicy: static)");
        }
        Expectation.Level level = e.opt("level", n -> Expectation.Level.valueOf(n.asEnum(names(Expectation.Level.values()))),
            Expectation.Level.numa);
        return new Expectation.Aligned(mark, variants, level, bound(v, n -> {
          double d = number(n);
          if (d < 0 || d > 1) throw n.error("a share between 0 and 1, e.g. 0.95");
          return d;
        }));
      }
      default: {
        YamlNode.Map e = v.asMap().allowOnly("reason", "atMost", "atLeast");
        return new Expectation.AdmissionFailures(mark, variants,
            e.opt("reason", n -> n.asEnum(Expectation.AdmissionFailures.REASONS), null), bound(v, ScenarioDecoder::number));
      }
    }
  }

  private long from(YamlNode.Map e, Expectation.At at) {
    YamlNode f = e.opt("from");
    if (f == null) return 0;
    if (at != Expectation.At.peak) throw f.error("from only applies to at: peak");
    long ms = Durations.parse(f);
    if (ms > durationMs) throw f.error("after the end of the scenario (duration " + Durations.format(durationMs) + ")");
    return ms;
  }

  private ObjectRef everWorkload(YamlNode node) {
    ObjectRef ref = ObjectRef.parse(node, ObjectRef.WORKLOAD_KINDS);
    if (!everWorkloads.containsKey(ref.key())) {
      List<String> all = everRefs.values().stream().map(ObjectRef::toString).toList();
      throw node.error("no " + ref.kind() + " \"" + ref.name() + "\" in namespace " + ref.namespace() + " in the scenario"
          + Suggest.closest(ref.toString(), all) + (all.isEmpty() ? "; it has no workloads" : "; workloads: " + String.join(", ", all)));
    }
    return ref;
  }

  /** The constraint's topologyKey: as written (it must exist), or the workload's only one. */
  private String topologyKey(YamlNode.Map e, ObjectRef ref, String whenUnsatisfiable) {
    Set<String> keys = new TreeSet<>();
    for (PodTemplateSpec t : everWorkloads.get(ref.key())) {
      if (t.spec() == null) continue;
      for (TopologySpreadConstraint c : t.spec().topologySpreadConstraints()) {
        if (whenUnsatisfiable == null || whenUnsatisfiable.equals(c.whenUnsatisfiable())) keys.add(c.topologyKey());
      }
    }
    String which = whenUnsatisfiable == null ? "" : " " + whenUnsatisfiable;
    YamlNode keyNode = e.opt("topologyKey");
    if (keyNode == null) {
      if (keys.size() == 1) return keys.iterator().next();
      if (keys.isEmpty()) throw e.get("workload").error(ref + " has no" + which + " topology spread constraints");
      throw e.error("missing required field \"topologyKey\": " + ref + " has" + which + " constraints on " + String.join(", ", keys));
    }
    String key = keyNode.asString();
    if (!keys.contains(key)) {
      throw keyNode.error(ref + " has no" + which + " spread constraint with topologyKey \"" + key + "\"" + Suggest.closest(key, keys)
          + (keys.isEmpty() ? "" : "; its keys: " + String.join(", ", keys)));
    }
    return key;
  }

  private static Expectation.Bound bound(YamlNode v, java.util.function.Function<YamlNode, Double> reader) {
    YamlNode.Map m = v.asMap();
    Double atLeast = m.opt("atLeast", reader, null);
    Double atMost = m.opt("atMost", reader, null);
    if (atLeast == null && atMost == null) throw v.error("needs atMost or atLeast");
    if (atLeast != null && atMost != null && atLeast > atMost) throw m.get("atLeast").error("atLeast is greater than atMost");
    return new Expectation.Bound(atLeast, atMost);
  }

  private static double number(YamlNode n) {
    YamlNode.Scalar s = n.asScalar();
    if (s.type() != YamlNode.ScalarType.INT && s.type() != YamlNode.ScalarType.FLOAT) throw n.error("expected a number, found " + n.kind());
    double v;
    try {
      v = Double.parseDouble(s.text());
    } catch (NumberFormatException e) {
      throw n.error("invalid number " + s.text());
    }
    if (!Double.isFinite(v)) throw n.error("invalid number " + s.text() + ": must be finite");
    return v;
  }

  private static List<String> names(Enum<?>[] values) {
    return Arrays.stream(values).map(Enum::name).toList();
  }

  /** A value as compact flow YAML, for the summary's variant settings. */
  static String render(YamlNode n) {
    if (n instanceof YamlNode.Map m) {
      List<String> parts = new ArrayList<>();
      m.fields().forEach((k, v) -> parts.add(k + ": " + render(v)));
      return "{" + String.join(", ", parts) + "}";
    }
    if (n instanceof YamlNode.Seq s) return "[" + String.join(", ", s.map(ScenarioDecoder::render)) + "]";
    return n.isNull() ? "null" : ((YamlNode.Scalar) n).text();
  }
}
