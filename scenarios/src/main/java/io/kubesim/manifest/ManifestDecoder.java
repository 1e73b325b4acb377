package io.kubesim.manifest;

import io.kubesim.api.Affinity;
import io.kubesim.api.Container;
import io.kubesim.api.ContainerPort;
import io.kubesim.api.Deployment;
import io.kubesim.api.IntOrString;
import io.kubesim.api.PodDisruptionBudget;
import io.kubesim.api.LabelSelector;
import io.kubesim.api.LabelSelectorRequirement;
import io.kubesim.api.Node;
import io.kubesim.api.NodeAffinity;
import io.kubesim.api.NodeSelector;
import io.kubesim.api.NodeSelectorRequirement;
import io.kubesim.api.NodeSelectorTerm;
import io.kubesim.api.NodeSpec;
import io.kubesim.api.NodeStatus;
import io.kubesim.api.ObjectMeta;
import io.kubesim.api.OwnerReference;
import io.kubesim.api.Pod;
import io.kubesim.api.PodAffinity;
import io.kubesim.api.PodAffinityTerm;
import io.kubesim.api.PodSpec;
import io.kubesim.api.PodStatus;
import io.kubesim.api.PodTemplateSpec;
import io.kubesim.api.PreferredSchedulingTerm;
import io.kubesim.api.Quantity;
import io.kubesim.api.ReplicaSet;
import io.kubesim.api.ReplicationController;
import io.kubesim.api.ResourceRequirements;
import io.kubesim.api.Service;
import io.kubesim.api.StatefulSet;
import io.kubesim.api.Taint;
import io.kubesim.api.TaintEffect;
import io.kubesim.api.Toleration;
import io.kubesim.api.TopologySpreadConstraint;
import io.kubesim.api.WeightedPodAffinityTerm;
import io.kubesim.scheduler.plugins.podtopologyspread.ConstraintValidation;
import io.kubesim.yaml.InputError;
import io.kubesim.yaml.YamlLoader;
import io.kubesim.yaml.YamlNode;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Turns Kubernetes manifests (the located YAML tree of {@link YamlLoader}) into API records.
 *
 * <p>Real cluster output loads: fields that {@code kubectl get -o yaml} prints but the simulator does
 * not model ({@code status.conditions}, {@code managedFields}, container {@code command}, probes, ...)
 * are accepted and ignored. Any other field is taken for a misspelling and rejected with the closest
 * known name; enum values are checked the same way; every error names file:line:column and the
 * field path.
 *
 * <p>Namespaced objects without {@code metadata.namespace} get {@code default}, as {@code kubectl apply}
 * does. {@link #apiServer()} also rejects what the API server rejects in a pod's
 * {@code topologySpreadConstraints} ({@link ConstraintValidation}); {@link #asWritten()} does not,
 * for inputs that, like upstream's unit tests, build such pods directly.
 */
public final class ManifestDecoder {

  public static final String DEFAULT_NAMESPACE = "default";

  private static final List<String> SELECTOR_OPERATORS = List.of("In", "NotIn", "Exists", "DoesNotExist");
  private static final List<String> NODE_SELECTOR_OPERATORS = List.of("In", "NotIn", "Exists", "DoesNotExist", "Gt", "Lt");
  private static final List<String> TOLERATION_OPERATORS = List.of("Equal", "Exists", "Lt", "Gt");
  private static final List<String> TAINT_EFFECTS = Arrays.stream(TaintEffect.values()).map(Enum::name).toList();
  private static final List<String> ACTIONS = List.of(TopologySpreadConstraint.DO_NOT_SCHEDULE, TopologySpreadConstraint.SCHEDULE_ANYWAY);
  private static final List<String> POLICIES = List.of(TopologySpreadConstraint.HONOR, TopologySpreadConstraint.IGNORE);
  private static final List<String> PHASES = List.of("Pending", "Running", "Succeeded", "Failed", "Unknown");
  private static final List<String> PROTOCOLS = List.of("TCP", "UDP", "SCTP");
  private static final List<String> CONTAINER_RESTART_POLICIES = List.of("Always", "OnFailure", "Never");
  private static final List<String> KINDS = List.of("Pod", "Node", "Service", "ReplicationController", "ReplicaSet", "StatefulSet",
      "Deployment", "PodDisruptionBudget", "List");

  private static final ManifestDecoder API_SERVER = new ManifestDecoder(true);
  private static final ManifestDecoder AS_WRITTEN = new ManifestDecoder(false);

  private final boolean apiValidation;

  private ManifestDecoder(boolean apiValidation) {
    this.apiValidation = apiValidation;
  }

  /** Rejects pods whose topologySpreadConstraints the API server would reject. */
  public static ManifestDecoder apiServer() {
    return API_SERVER;
  }

  /** Decodes spread constraints as written, valid for the API server or not (conformance cases). */
  public static ManifestDecoder asWritten() {
    return AS_WRITTEN;
  }

  // ---------------------------------------------------------------- files and kinds

  /** Every object of a file (multi-document YAML; {@code kind: List} is flattened). */
  public List<Object> loadAll(Path file) {
    List<Object> out = new ArrayList<>();
    for (YamlNode doc : new YamlLoader().loadAll(file)) addObjects(doc, out);
    return out;
  }

  private void addObjects(YamlNode doc, List<Object> out) {
    YamlNode.Map m = doc.asMap();
    if ("List".equals(m.opt("kind", YamlNode::asString, null))) {
      YamlNode.Map list = Shapes.LIST.check(m);
      YamlNode items = list.opt("items");
      if (items != null) for (YamlNode item : items.asSeq().items()) addObjects(item, out);
    } else {
      out.add(object(doc));
    }
  }

  /**
   * One object by its {@code kind}: a {@link Pod}, {@link Node}, {@link Service}, {@link ReplicationController},
   * {@link ReplicaSet} or {@link StatefulSet}.
   */
  public Object object(YamlNode node) {
    String kind = node.asMap().require("kind").asEnum(KINDS);
    return switch (kind) {
      case "Pod" -> pod(node);
      case "Node" -> node(node);
      case "Service" -> service(node);
      case "ReplicationController" -> replicationController(node);
      case "ReplicaSet" -> replicaSet(node);
      case "StatefulSet" -> statefulSet(node);
      case "Deployment" -> deployment(node);
      case "PodDisruptionBudget" -> podDisruptionBudget(node);
      default -> throw node.asMap().get("kind").error("a List is only allowed at the top of a document");
    };
  }

  // ---------------------------------------------------------------- metadata

  public ObjectMeta objectMeta(YamlNode node) {
    YamlNode.Map m = Shapes.OBJECT_META.check(node);
    return new ObjectMeta(
        m.opt("name", YamlNode::asString, null),
        m.opt("namespace", YamlNode::asString, null),
        m.opt("uid", YamlNode::asString, null),
        m.opt("labels", YamlNode::asStringMap, null),
        m.opt("annotations", YamlNode::asStringMap, null),
        m.opt("ownerReferences", list(this::ownerReference), null),
        m.opt("creationTimestamp", ManifestDecoder::timestamp, null),
        m.opt("deletionTimestamp", ManifestDecoder::timestamp, null));
  }

  public OwnerReference ownerReference(YamlNode node) {
    YamlNode.Map m = Shapes.OWNER_REFERENCE.check(node);
    return new OwnerReference(
        m.require("apiVersion").asString(),
        m.require("kind").asString(),
        m.require("name").asString(),
        m.opt("uid", YamlNode::asString, null),
        m.opt("controller", YamlNode::asBoolean, false));
  }

  /** An RFC 3339 time, kept as written. */
  private static String timestamp(YamlNode node) {
    String text = node.asString();
    try {
      OffsetDateTime.parse(text);
      return text;
    } catch (DateTimeParseException e) {
      throw node.error("invalid time \"" + text + "\": expected RFC 3339, e.g. 2024-01-31T12:00:00Z");
    }
  }

  /** Metadata of a namespaced object: a name is required, the namespace defaults to {@value #DEFAULT_NAMESPACE}. */
  private ObjectMeta namespacedMeta(YamlNode.Map object) {
    ObjectMeta meta = objectMeta(object.require("metadata"));
    requireName(object, meta);
    if (!meta.namespace().isEmpty()) return meta;
    return new ObjectMeta(meta.name(), DEFAULT_NAMESPACE, meta.uid(), meta.labels(), meta.annotations(), meta.ownerReferences(),
        meta.creationTimestamp(), meta.deletionTimestamp());
  }

  private static void requireName(YamlNode.Map object, ObjectMeta meta) {
    if (meta.name() == null || meta.name().isEmpty()) throw object.get("metadata").error("missing required field \"name\"");
  }

  private static void expectKind(YamlNode.Map m, String kind) {
    YamlNode k = m.opt("kind");
    if (k != null && !k.asString().equals(kind)) throw k.error("expected kind " + kind + ", found \"" + k.asString() + "\"");
  }

  // ---------------------------------------------------------------- pods

  public Pod pod(YamlNode node) {
    YamlNode.Map m = Shapes.POD.check(node);
    expectKind(m, "Pod");
    ObjectMeta meta = namespacedMeta(m);
    PodSpec spec = m.opt("spec", this::podSpec, null);
    PodStatus status = m.opt("status", this::podStatus, null);
    return new Pod(meta, spec, status);
  }

  public PodStatus podStatus(YamlNode node) {
    YamlNode.Map m = Shapes.POD_STATUS.check(node);
    return new PodStatus(
        m.opt("phase", n -> n.asEnum(PHASES), "Pending"),
        m.opt("nominatedNodeName", YamlNode::asString, null));
  }

  public PodSpec podSpec(YamlNode node) {
    YamlNode.Map m = Shapes.POD_SPEC.check(node);
    return new PodSpec(
        m.opt("nodeName", YamlNode::asString, null),
        m.opt("nodeSelector", YamlNode::asStringMap, null),
        m.opt("affinity", this::affinity, null),
        m.opt("tolerations", list(this::toleration), null),
        m.opt("topologySpreadConstraints", this::topologySpreadConstraints, null),
        m.opt("initContainers", list(this::container), null),
        m.opt("containers", list(this::container), null),
        m.opt("overhead", this::resourceList, null),
        m.opt("priority", YamlNode::asInt, null),
        m.opt("priorityClassName", YamlNode::asString, null),
        m.opt("schedulerName", YamlNode::asString, null),
        m.opt("schedulingGates", list(g -> Shapes.SCHEDULING_GATE.check(g).require("name").asString()), null));
  }

  public Container container(YamlNode node) {
    YamlNode.Map m = Shapes.CONTAINER.check(node);
    return new Container(
        m.require("name").asString(),
        m.opt("image", YamlNode::asString, null),
        m.opt("resources", this::resources, null),
        m.opt("ports", list(this::containerPort), null),
        m.opt("restartPolicy", n -> n.asEnum(CONTAINER_RESTART_POLICIES), null));
  }

  public ResourceRequirements resources(YamlNode node) {
    YamlNode.Map m = Shapes.RESOURCES.check(node);
    return new ResourceRequirements(m.opt("requests", this::resourceList, null), m.opt("limits", this::resourceList, null));
  }

  /** Resource name to quantity; an invalid quantity is an error at its value, naming the field. */
  public Map<String, Quantity> resourceList(YamlNode node) {
    Map<String, Quantity> out = new LinkedHashMap<>();
    node.asMap().fields().forEach((name, value) -> out.put(name, quantity(value)));
    return out;
  }

  private static Quantity quantity(YamlNode node) {
    try {
      return Quantity.parse(node.asString());
    } catch (IllegalArgumentException e) {
      throw node.error(e.getMessage());
    }
  }

  public ContainerPort containerPort(YamlNode node) {
    YamlNode.Map m = Shapes.CONTAINER_PORT.check(node);
    return new ContainerPort(
        m.require("containerPort").asInt(),
        m.opt("hostPort", YamlNode::asInt, 0),
        m.opt("protocol", n -> n.asEnum(PROTOCOLS), null),
        m.opt("hostIP", YamlNode::asString, null));
  }

  // ---------------------------------------------------------------- tolerations, taints, spread

  public Toleration toleration(YamlNode node) {
    YamlNode.Map m = Shapes.TOLERATION.check(node);
    return new Toleration(
        m.opt("key", YamlNode::asString, null),
        m.opt("operator", n -> n.asString().isEmpty() ? "" : n.asEnum(TOLERATION_OPERATORS), null),
        m.opt("value", YamlNode::asString, null),
        m.opt("effect", n -> n.asString().isEmpty() ? null : TaintEffect.valueOf(n.asEnum(TAINT_EFFECTS)), null),
        m.opt("tolerationSeconds", YamlNode::asLong, null));
  }

  public Taint taint(YamlNode node) {
    YamlNode.Map m = Shapes.TAINT.check(node);
    return new Taint(
        m.require("key").asString(),
        m.opt("value", YamlNode::asString, null),
        TaintEffect.valueOf(m.require("effect").asEnum(TAINT_EFFECTS)),
        m.opt("timeAdded", ManifestDecoder::timestamp, null));
  }

  /**
   * A pod's constraint list; with {@link #apiServer()} validation the first problem the API server
   * would report is an error at that constraint (at the offending field when it is written).
   */
  public List<TopologySpreadConstraint> topologySpreadConstraints(YamlNode node) {
    YamlNode.Seq seq = node.asSeq();
    List<TopologySpreadConstraint> out = seq.map(this::topologySpreadConstraint);
    if (apiValidation) {
      List<ConstraintValidation.Violation> violations = ConstraintValidation.check(out, node.path());
      if (!violations.isEmpty()) {
        ConstraintValidation.Violation v = violations.get(0);
        YamlNode at = seq.items().get(v.index());
        String rest = v.field().substring(node.path().length());
        String field = rest.substring(rest.indexOf(']') + 1);
        if (field.startsWith(".")) {
          String name = field.substring(1).split("[.\\[]", 2)[0];
          YamlNode f = at.asMap().get(name);
          if (f != null) at = f;
        }
        throw new InputError(at.mark(), v.field(), v.message());
      }
    }
    return out;
  }

  public TopologySpreadConstraint topologySpreadConstraint(YamlNode node) {
    YamlNode.Map m = Shapes.TOPOLOGY_SPREAD_CONSTRAINT.check(node);
    return new TopologySpreadConstraint(
        m.opt("maxSkew", YamlNode::asInt, 0),
        m.opt("topologyKey", YamlNode::asString, ""), // Go decodes a missing string as ""
        m.opt("whenUnsatisfiable", n -> n.asEnum(ACTIONS), null),
        m.opt("labelSelector", this::labelSelector, null),
        m.opt("minDomains", YamlNode::asInt, null),
        m.opt("nodeAffinityPolicy", n -> n.asEnum(POLICIES), null),
        m.opt("nodeTaintsPolicy", n -> n.asEnum(POLICIES), null),
        m.opt("matchLabelKeys", YamlNode::asStringList, null));
  }

  // ---------------------------------------------------------------- selectors and affinity

  /** A LabelSelector; the caller decides what absence means (an absent or null selector is not decoded here). */
  public LabelSelector labelSelector(YamlNode node) {
    YamlNode.Map m = Shapes.LABEL_SELECTOR.check(node);
    return new LabelSelector(
        m.opt("matchLabels", YamlNode::asStringMap, null),
        m.opt("matchExpressions", list(this::labelSelectorRequirement), null));
  }

  public LabelSelectorRequirement labelSelectorRequirement(YamlNode node) {
    YamlNode.Map m = Shapes.LABEL_SELECTOR_REQUIREMENT.check(node);
    return new LabelSelectorRequirement(
        m.require("key").asString(),
        m.require("operator").asEnum(SELECTOR_OPERATORS),
        m.opt("values", YamlNode::asStringList, null));
  }

  public Affinity affinity(YamlNode node) {
    YamlNode.Map m = Shapes.AFFINITY.check(node);
    return new Affinity(
        m.opt("nodeAffinity", this::nodeAffinity, null),
        m.opt("podAffinity", this::podAffinity, null),
        m.opt("podAntiAffinity", this::podAffinity, null));
  }

  public NodeAffinity nodeAffinity(YamlNode node) {
    YamlNode.Map m = Shapes.NODE_AFFINITY.check(node);
    return new NodeAffinity(
        m.opt("requiredDuringSchedulingIgnoredDuringExecution", this::nodeSelector, null),
        m.opt("preferredDuringSchedulingIgnoredDuringExecution", list(this::preferredSchedulingTerm), null));
  }

  public NodeSelector nodeSelector(YamlNode node) {
    YamlNode.Map m = Shapes.NODE_SELECTOR.check(node);
    return new NodeSelector(m.opt("nodeSelectorTerms", list(this::nodeSelectorTerm), null));
  }

  public NodeSelectorTerm nodeSelectorTerm(YamlNode node) {
    YamlNode.Map m = Shapes.NODE_SELECTOR_TERM.check(node);
    return new NodeSelectorTerm(
        m.opt("matchExpressions", list(this::nodeSelectorRequirement), null),
        m.opt("matchFields", list(this::nodeSelectorRequirement), null));
  }

  public NodeSelectorRequirement nodeSelectorRequirement(YamlNode node) {
    YamlNode.Map m = Shapes.NODE_SELECTOR_REQUIREMENT.check(node);
    return new NodeSelectorRequirement(
        m.require("key").asString(),
        m.require("operator").asEnum(NODE_SELECTOR_OPERATORS),
        m.opt("values", YamlNode::asStringList, null));
  }

  public PreferredSchedulingTerm preferredSchedulingTerm(YamlNode node) {
    YamlNode.Map m = Shapes.PREFERRED_SCHEDULING_TERM.check(node);
    return new PreferredSchedulingTerm(m.require("weight").asInt(), nodeSelectorTerm(m.require("preference")));
  }

  public PodAffinity podAffinity(YamlNode node) {
    YamlNode.Map m = Shapes.POD_AFFINITY.check(node);
    return new PodAffinity(
        m.opt("requiredDuringSchedulingIgnoredDuringExecution", list(this::podAffinityTerm), null),
        m.opt("preferredDuringSchedulingIgnoredDuringExecution", list(this::weightedPodAffinityTerm), null));
  }

  public PodAffinityTerm podAffinityTerm(YamlNode node) {
    YamlNode.Map m = Shapes.POD_AFFINITY_TERM.check(node);
    return new PodAffinityTerm(
        m.opt("labelSelector", this::labelSelector, null),
        m.opt("namespaces", YamlNode::asStringList, null),
        m.opt("topologyKey", YamlNode::asString, null),
        m.opt("namespaceSelector", this::labelSelector, null),
        m.opt("matchLabelKeys", YamlNode::asStringList, null),
        m.opt("mismatchLabelKeys", YamlNode::asStringList, null));
  }

  public WeightedPodAffinityTerm weightedPodAffinityTerm(YamlNode node) {
    YamlNode.Map m = Shapes.WEIGHTED_POD_AFFINITY_TERM.check(node);
    return new WeightedPodAffinityTerm(m.require("weight").asInt(), podAffinityTerm(m.require("podAffinityTerm")));
  }

  // ---------------------------------------------------------------- nodes

  public Node node(YamlNode node) {
    YamlNode.Map m = Shapes.NODE.check(node);
    expectKind(m, "Node");
    ObjectMeta meta = objectMeta(m.require("metadata"));
    requireName(m, meta);
    return new Node(meta, m.opt("spec", this::nodeSpec, null), m.opt("status", this::nodeStatus, null));
  }

  public NodeSpec nodeSpec(YamlNode node) {
    YamlNode.Map m = Shapes.NODE_SPEC.check(node);
    return new NodeSpec(m.opt("unschedulable", YamlNode::asBoolean, false), m.opt("taints", list(this::taint), null));
  }

  public NodeStatus nodeStatus(YamlNode node) {
    YamlNode.Map m = Shapes.NODE_STATUS.check(node);
    return new NodeStatus(m.opt("capacity", this::resourceList, null), m.opt("allocatable", this::resourceList, null));
  }

  // ---------------------------------------------------------------- services and controllers

  public Service service(YamlNode node) {
    YamlNode.Map m = Shapes.SERVICE.check(node);
    expectKind(m, "Service");
    ObjectMeta meta = namespacedMeta(m);
    YamlNode.Map spec = m.opt("spec", Shapes.SERVICE_SPEC::check, null);
    // An absent selector is nil (selects nothing); {} selects everything.
    return new Service(meta, spec == null ? null : spec.opt("selector", YamlNode::asStringMap, null));
  }

  public ReplicationController replicationController(YamlNode node) {
    YamlNode.Map m = Shapes.WORKLOAD.check(node);
    expectKind(m, "ReplicationController");
    ObjectMeta meta = namespacedMeta(m);
    YamlNode.Map spec = m.opt("spec", Shapes.REPLICATION_CONTROLLER_SPEC::check, null);
    return new ReplicationController(meta, spec == null ? null : spec.opt("selector", YamlNode::asStringMap, null));
  }

  public ReplicaSet replicaSet(YamlNode node) {
    YamlNode.Map m = Shapes.WORKLOAD.check(node);
    expectKind(m, "ReplicaSet");
    ObjectMeta meta = namespacedMeta(m);
    YamlNode.Map spec = Shapes.REPLICA_SET_SPEC.check(m.require("spec"));
    return new ReplicaSet(meta, new ReplicaSet.Spec(
        spec.opt("replicas", YamlNode::asInt, 1),
        spec.opt("selector", this::labelSelector, null),
        spec.opt("template", this::podTemplateSpec, null),
        spec.opt("minReadySeconds", YamlNode::asInt, 0)));
  }

  public StatefulSet statefulSet(YamlNode node) {
    YamlNode.Map m = Shapes.WORKLOAD.check(node);
    expectKind(m, "StatefulSet");
    ObjectMeta meta = namespacedMeta(m);
    YamlNode.Map spec = Shapes.STATEFUL_SET_SPEC.check(m.require("spec"));
    return new StatefulSet(meta, new StatefulSet.Spec(
        spec.opt("replicas", YamlNode::asInt, 1),
        spec.opt("selector", this::labelSelector, null),
        spec.opt("template", this::podTemplateSpec, null),
        spec.opt("serviceName", YamlNode::asString, null),
        spec.opt("podManagementPolicy", n -> n.asEnum(List.of("OrderedReady", "Parallel")), "OrderedReady"),
        spec.opt("updateStrategy", this::statefulSetUpdateStrategy, null),
        spec.opt("minReadySeconds", ManifestDecoder::nonNegative, 0)));
  }

  private StatefulSet.UpdateStrategy statefulSetUpdateStrategy(YamlNode node) {
    YamlNode.Map m = Shapes.STATEFUL_SET_UPDATE_STRATEGY.check(node);
    String type = m.opt("type", n -> n.asEnum(List.of("RollingUpdate", "OnDelete")), "RollingUpdate");
    YamlNode.Map ru = m.opt("rollingUpdate", Shapes.STATEFUL_SET_ROLLING_UPDATE::check, null);
    if (ru != null && type.equals("OnDelete")) throw m.get("rollingUpdate").error("only allowed with type RollingUpdate");
    int partition = ru == null ? 0 : ru.opt("partition", ManifestDecoder::nonNegative, 0);
    IntOrString maxUnavailable = ru == null ? null : ru.opt("maxUnavailable", ManifestDecoder::intOrString, null);
    return new StatefulSet.UpdateStrategy(type, partition, maxUnavailable);
  }

  public Deployment deployment(YamlNode node) {
    YamlNode.Map m = Shapes.WORKLOAD.check(node);
    expectKind(m, "Deployment");
    ObjectMeta meta = namespacedMeta(m);
    YamlNode.Map spec = Shapes.DEPLOYMENT_SPEC.check(m.require("spec"));
    LabelSelector selector = labelSelector(spec.require("selector"));
    PodTemplateSpec template = podTemplateSpec(spec.require("template"));
    requireSelectorMatchesTemplate(spec, selector, template);
    return new Deployment(meta, new Deployment.Spec(
        spec.opt("replicas", ManifestDecoder::nonNegative, 1),
        selector,
        template,
        spec.opt("strategy", this::deploymentStrategy, null),
        spec.opt("minReadySeconds", ManifestDecoder::nonNegative, 0),
        spec.opt("revisionHistoryLimit", ManifestDecoder::nonNegative, null),
        spec.opt("paused", YamlNode::asBoolean, false),
        spec.opt("progressDeadlineSeconds", ManifestDecoder::nonNegative, null)));
  }

  private Deployment.Strategy deploymentStrategy(YamlNode node) {
    YamlNode.Map m = Shapes.DEPLOYMENT_STRATEGY.check(node);
    String type = m.opt("type", n -> n.asEnum(List.of("RollingUpdate", "Recreate")), "RollingUpdate");
    YamlNode.Map ru = m.opt("rollingUpdate", Shapes.DEPLOYMENT_ROLLING_UPDATE::check, null);
    if (type.equals("Recreate")) {
      if (ru != null) throw m.get("rollingUpdate").error("may not be specified when strategy `type` is 'Recreate'");
      return new Deployment.Strategy("Recreate", null, null);
    }
    IntOrString surge = ru == null ? null : ru.opt("maxSurge", ManifestDecoder::intOrString, null);
    IntOrString unavailable = ru == null ? null : ru.opt("maxUnavailable", ManifestDecoder::intOrString, null);
    surge = surge == null ? IntOrString.percent(25) : surge;
    unavailable = unavailable == null ? IntOrString.percent(25) : unavailable;
    if (surge.scaledValue(100, true) == 0 && unavailable.scaledValue(100, true) == 0) {
      throw m.get("rollingUpdate").error("maxUnavailable: may not be 0 when `maxSurge` is 0");
    }
    return new Deployment.Strategy("RollingUpdate", surge, unavailable);
  }

  public PodDisruptionBudget podDisruptionBudget(YamlNode node) {
    YamlNode.Map m = Shapes.WORKLOAD.check(node);
    expectKind(m, "PodDisruptionBudget");
    ObjectMeta meta = namespacedMeta(m);
    YamlNode.Map spec = Shapes.PDB_SPEC.check(m.require("spec"));
    IntOrString minAvailable = spec.opt("minAvailable", ManifestDecoder::intOrString, null);
    IntOrString maxUnavailable = spec.opt("maxUnavailable", ManifestDecoder::intOrString, null);
    if ((minAvailable == null) == (maxUnavailable == null)) {
      throw m.require("spec").error("exactly one of minAvailable and maxUnavailable must be set");
    }
    return new PodDisruptionBudget(meta, new PodDisruptionBudget.Spec(minAvailable, maxUnavailable,
        spec.opt("selector", this::labelSelector, null),
        spec.opt("unhealthyPodEvictionPolicy", n -> n.asEnum(List.of("IfHealthyBudget", "AlwaysAllow")), null)));
  }

  /** The API server's rule: a workload's selector must match its own template's labels. */
  private static void requireSelectorMatchesTemplate(YamlNode.Map spec, LabelSelector selector, PodTemplateSpec template) {
    java.util.Map<String, String> labels = template.metadata() == null ? java.util.Map.of() : template.metadata().labels();
    io.kubesim.api.labels.Selector compiled;
    try {
      compiled = io.kubesim.api.labels.Selector.of(selector);
    } catch (IllegalArgumentException e) {
      throw spec.require("selector").error(e.getMessage());
    }
    if (compiled.isEmpty() || !compiled.matches(labels)) {
      throw spec.require("template").error("metadata.labels: Invalid value: " + labels + ": `selector` does not match template `labels`");
    }
  }

  /** An int, or a percentage written {@code "25%"}. */
  static IntOrString intOrString(YamlNode node) {
    YamlNode.Scalar s = node.asScalar();
    if (s.type() == YamlNode.ScalarType.INT) {
      int v = node.asInt();
      if (v < 0) throw node.error("must be greater than or equal to 0");
      return IntOrString.of(v);
    }
    String text = s.text();
    if (!text.matches("[0-9]+%")) throw node.error("invalid value \"" + text + "\": expected an integer or a percentage like \"25%\"");
    int p = Integer.parseInt(text.substring(0, text.length() - 1));
    if (p > 100) throw node.error("must not be greater than 100%");
    return new IntOrString(null, text);
  }

  private static int nonNegative(YamlNode node) {
    int v = node.asInt();
    if (v < 0) throw node.error("must be greater than or equal to 0");
    return v;
  }

  public PodTemplateSpec podTemplateSpec(YamlNode node) {
    YamlNode.Map m = Shapes.POD_TEMPLATE_SPEC.check(node);
    return new PodTemplateSpec(m.opt("metadata", this::objectMeta, null), m.opt("spec", this::podSpec, null));
  }

  // ---------------------------------------------------------------- helpers

  private static <T> Function<YamlNode, List<T>> list(Function<YamlNode, T> item) {
    return node -> node.asSeq().map(item);
  }
}
