package io.kubesim.testing;

import io.kubesim.api.Affinity;
import io.kubesim.api.Container;
import io.kubesim.api.ContainerPort;
import io.kubesim.api.LabelSelector;
import io.kubesim.api.NodeAffinity;
import io.kubesim.api.NodeSelector;
import io.kubesim.api.NodeSelectorTerm;
import io.kubesim.api.ObjectMeta;
import io.kubesim.api.OwnerReference;
import io.kubesim.api.Pod;
import io.kubesim.api.PodAffinity;
import io.kubesim.api.PodAffinityTerm;
import io.kubesim.api.PodSpec;
import io.kubesim.api.PodStatus;
import io.kubesim.api.PreferredSchedulingTerm;
import io.kubesim.api.Quantity;
import io.kubesim.api.ResourceRequirements;
import io.kubesim.api.TaintEffect;
import io.kubesim.api.Toleration;
import io.kubesim.api.TopologySpreadConstraint;
import io.kubesim.api.WeightedPodAffinityTerm;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Pending pods, after upstream's {@code st.MakePod()}:
 * {@code Pods.pod("p").namespace("shop").label("app", "web").node("node-a").requests("cpu", "1").build()},
 * and the pod affinity terms their {@code affinity} holds.
 */
public final class Pods {
  private Pods() {}

  /** The deletion timestamp {@link Builder#terminating()} sets. */
  public static final String DELETION_TIMESTAMP = "2025-01-01T00:00:00Z";

  /** A pod named {@code name} in namespace {@code default}, unbound, with no containers. */
  public static Builder pod(String name) {
    return new Builder(name);
  }

  /** A pod without a name, as upstream's {@code st.MakePod().Obj()}. */
  public static Builder pod() {
    return new Builder("");
  }

  /** A pod (anti-)affinity term over the pod's own namespace. */
  public static PodAffinityTerm podAffinityTerm(LabelSelector labelSelector, String topologyKey) {
    return new PodAffinityTerm(labelSelector, List.of(), topologyKey, null, List.of(), List.of());
  }

  /** A pod (anti-)affinity term over the named {@code namespaces}. */
  public static PodAffinityTerm podAffinityTerm(LabelSelector labelSelector, String topologyKey, List<String> namespaces) {
    return new PodAffinityTerm(labelSelector, namespaces, topologyKey, null, List.of(), List.of());
  }

  /** A pod (anti-)affinity term over the namespaces whose labels match {@code namespaceSelector}. */
  public static PodAffinityTerm podAffinityTerm(LabelSelector labelSelector, String topologyKey, LabelSelector namespaceSelector) {
    return new PodAffinityTerm(labelSelector, List.of(), topologyKey, namespaceSelector, List.of(), List.of());
  }

  /** A pod under construction. */
  public static final class Builder {
    private final String name;
    private String namespace = "default";
    private String uid;
    private final Map<String, String> labels = new LinkedHashMap<>();
    private final List<OwnerReference> ownerReferences = new ArrayList<>();
    private String deletionTimestamp;
    private String nodeName;
    private Integer priority;
    private final Map<String, String> nodeSelector = new LinkedHashMap<>();
    private NodeSelector requiredNodeAffinity;
    private final List<PreferredSchedulingTerm> preferredNodeAffinity = new ArrayList<>();
    private final List<PodAffinityTerm> requiredAffinity = new ArrayList<>();
    private final List<WeightedPodAffinityTerm> preferredAffinity = new ArrayList<>();
    private final List<PodAffinityTerm> requiredAntiAffinity = new ArrayList<>();
    private final List<WeightedPodAffinityTerm> preferredAntiAffinity = new ArrayList<>();
    private final List<Toleration> tolerations = new ArrayList<>();
    private final List<TopologySpreadConstraint> spreadConstraints = new ArrayList<>();
    private final List<Container> initContainers = new ArrayList<>();
    private final List<Container> containers = new ArrayList<>();
    private final Map<String, Quantity> overhead = new LinkedHashMap<>();

    private Builder(String name) {
      this.name = name;
    }

    // ------------------------------------------------------------------ metadata

    public Builder namespace(String namespace) {
      this.namespace = namespace;
      return this;
    }

    public Builder uid(String uid) {
      this.uid = uid;
      return this;
    }

    public Builder label(String key, String value) {
      labels.put(key, value);
      return this;
    }

    public Builder labels(Map<String, String> labels) {
      this.labels.putAll(labels);
      return this;
    }

    /** Adds an owner reference with {@code controller: true} (upstream {@code OwnerReference}). */
    public Builder ownerReference(String apiVersion, String kind, String name) {
      ownerReferences.add(new OwnerReference(apiVersion, kind, name, "", true));
      return this;
    }

    /** Sets {@code metadata.deletionTimestamp} to {@link #DELETION_TIMESTAMP}: the pod is terminating. */
    public Builder terminating() {
      deletionTimestamp = DELETION_TIMESTAMP;
      return this;
    }

    // ------------------------------------------------------------------ where it runs

    /** Sets {@code spec.nodeName}: the pod is bound to that node. */
    public Builder node(String nodeName) {
      this.nodeName = nodeName;
      return this;
    }

    /** Sets {@code spec.priority} (unset means 0). */
    public Builder priority(int priority) {
      this.priority = priority;
      return this;
    }

    public Builder nodeSelector(String key, String value) {
      nodeSelector.put(key, value);
      return this;
    }

    public Builder nodeSelector(Map<String, String> selector) {
      nodeSelector.putAll(selector);
      return this;
    }

    /** Adds a required node affinity term with the one expression {@code key In (values)} (upstream {@code NodeAffinityIn}). */
    public Builder nodeAffinityIn(String key, String... values) {
      return requiredNodeAffinityTerm(NodeSelectors.matchExpressions(NodeSelectors.requirement(key, "In", values)));
    }

    /** Adds a required node affinity term with the one expression {@code key NotIn (values)}. */
    public Builder nodeAffinityNotIn(String key, String... values) {
      return requiredNodeAffinityTerm(NodeSelectors.matchExpressions(NodeSelectors.requirement(key, "NotIn", values)));
    }

    /** Adds a term to {@code requiredDuringSchedulingIgnoredDuringExecution} of the node affinity (terms are ORed). */
    public Builder requiredNodeAffinityTerm(NodeSelectorTerm term) {
      List<NodeSelectorTerm> terms = new ArrayList<>(requiredNodeAffinity == null ? List.of() : requiredNodeAffinity.nodeSelectorTerms());
      terms.add(term);
      requiredNodeAffinity = new NodeSelector(terms);
      return this;
    }

    /** Sets the required node affinity as given (a selector without terms matches no node). */
    public Builder requiredNodeAffinity(NodeSelector selector) {
      requiredNodeAffinity = selector;
      return this;
    }

    /** Adds a term to {@code preferredDuringSchedulingIgnoredDuringExecution} of the node affinity. */
    public Builder preferredNodeAffinity(int weight, NodeSelectorTerm preference) {
      preferredNodeAffinity.add(new PreferredSchedulingTerm(weight, preference));
      return this;
    }

    /** Adds a required pod affinity term. */
    public Builder podAffinity(PodAffinityTerm term) {
      requiredAffinity.add(term);
      return this;
    }

    /** Adds a required pod anti-affinity term. */
    public Builder podAntiAffinity(PodAffinityTerm term) {
      requiredAntiAffinity.add(term);
      return this;
    }

    /** Adds a preferred pod affinity term. */
    public Builder preferredPodAffinity(int weight, PodAffinityTerm term) {
      preferredAffinity.add(new WeightedPodAffinityTerm(weight, term));
      return this;
    }

    /** Adds a preferred pod anti-affinity term. */
    public Builder preferredPodAntiAffinity(int weight, PodAffinityTerm term) {
      preferredAntiAffinity.add(new WeightedPodAffinityTerm(weight, term));
      return this;
    }

    /** Required affinity to pods with label {@code key} in {@code values}, per {@code topologyKey} (upstream {@code PodAffinityIn}). */
    public Builder podAffinityIn(String key, String topologyKey, String... values) {
      return podAffinity(podAffinityTerm(LabelSelectors.matchExpressions(LabelSelectors.in(key, values)), topologyKey));
    }

    /** Required affinity to pods that have label {@code key}, per {@code topologyKey}. */
    public Builder podAffinityExists(String key, String topologyKey) {
      return podAffinity(podAffinityTerm(LabelSelectors.matchExpressions(LabelSelectors.exists(key)), topologyKey));
    }

    /** Required anti-affinity to pods with label {@code key} in {@code values}, per {@code topologyKey}. */
    public Builder podAntiAffinityIn(String key, String topologyKey, String... values) {
      return podAntiAffinity(podAffinityTerm(LabelSelectors.matchExpressions(LabelSelectors.in(key, values)), topologyKey));
    }

    /** Required anti-affinity to pods that have label {@code key}, per {@code topologyKey}. */
    public Builder podAntiAffinityExists(String key, String topologyKey) {
      return podAntiAffinity(podAffinityTerm(LabelSelectors.matchExpressions(LabelSelectors.exists(key)), topologyKey));
    }

    public Builder toleration(Toleration toleration) {
      tolerations.add(toleration);
      return this;
    }

    /** Tolerates every taint with {@code key} (operator Exists, any effect). */
    public Builder toleration(String key) {
      return toleration(new Toleration(key, "Exists", null, null, null));
    }

    /** Tolerates the taint {@code key=value:effect} (operator Equal). */
    public Builder toleration(String key, String value, TaintEffect effect) {
      return toleration(new Toleration(key, "Equal", value, effect, null));
    }

    /** A toleration with any operator (Equal, Exists, or the alpha Lt/Gt); a null effect matches every effect. */
    public Builder toleration(String key, String operator, String value, TaintEffect effect) {
      return toleration(new Toleration(key, operator, value, effect, null));
    }

    /** Adds an entry to {@code spec.topologySpreadConstraints}. */
    public Builder spreadConstraint(TopologySpreadConstraint constraint) {
      spreadConstraints.add(constraint);
      return this;
    }

    /** Adds an entry to {@code spec.topologySpreadConstraints}. */
    public Builder spreadConstraint(TopologySpreadConstraints.Builder constraint) {
      return spreadConstraint(constraint.build());
    }

    // ------------------------------------------------------------------ containers

    /** Adds an app container whose {@code resources.requests} are {@code name, quantity, ...} (upstream {@code Req}). */
    public Builder requests(String... nameQuantityPairs) {
      return requests(ResourceLists.pairs(nameQuantityPairs));
    }

    /** Adds an app container whose {@code resources.requests} are {@code requests} (upstream {@code Req}). */
    public Builder requests(Map<String, String> requests) {
      containers.add(new Container("c" + containers.size(), null,
          new ResourceRequirements(ResourceLists.of(requests), Map.of()), List.of(), null));
      return this;
    }

    /** Adds an app container that states no requests at all. */
    public Builder container() {
      containers.add(new Container("c" + containers.size(), null, ResourceRequirements.NONE, List.of(), null));
      return this;
    }

    /** Adds an app container exposing {@code ports}. */
    public Builder containerPorts(ContainerPort... ports) {
      containers.add(new Container("c" + containers.size(), null, ResourceRequirements.NONE, List.of(ports), null));
      return this;
    }

    /** Adds an app container with TCP host port {@code port} on every address (upstream {@code HostPort}). */
    public Builder hostPort(int port) {
      return containerPorts(new ContainerPort(port, port, "TCP", ""));
    }

    /** Adds a (non-restartable) init container whose {@code resources.requests} are {@code requests} (upstream {@code InitReq}). */
    public Builder initContainerRequests(Map<String, String> requests) {
      initContainers.add(new Container("i" + initContainers.size(), null,
          new ResourceRequirements(ResourceLists.of(requests), Map.of()), List.of(), null));
      return this;
    }

    /** Adds a sidecar container (an init container with {@code restartPolicy: Always}) exposing {@code ports}. */
    public Builder sidecarContainer(ContainerPort... ports) {
      initContainers.add(new Container("s" + initContainers.size(), null, ResourceRequirements.NONE, List.of(ports), "Always"));
      return this;
    }

    /** Adds to {@code spec.overhead}, the pod's RuntimeClass overhead. */
    public Builder overhead(Map<String, String> overhead) {
      this.overhead.putAll(ResourceLists.of(overhead));
      return this;
    }

    public Pod build() {
      ObjectMeta meta = new ObjectMeta(name, namespace, uid, labels, null, ownerReferences, null, deletionTimestamp);
      NodeAffinity nodeAffinity = requiredNodeAffinity == null && preferredNodeAffinity.isEmpty()
          ? null : new NodeAffinity(requiredNodeAffinity, preferredNodeAffinity);
      PodAffinity affinity = requiredAffinity.isEmpty() && preferredAffinity.isEmpty()
          ? null : new PodAffinity(requiredAffinity, preferredAffinity);
      PodAffinity antiAffinity = requiredAntiAffinity.isEmpty() && preferredAntiAffinity.isEmpty()
          ? null : new PodAffinity(requiredAntiAffinity, preferredAntiAffinity);
      Affinity a = nodeAffinity == null && affinity == null && antiAffinity == null
          ? null : new Affinity(nodeAffinity, affinity, antiAffinity);
      PodSpec spec = new PodSpec(nodeName, nodeSelector, a, tolerations, spreadConstraints, initContainers, containers, overhead,
          priority, null, null, null);
      return new Pod(meta, spec, PodStatus.PENDING);
    }
  }
}
