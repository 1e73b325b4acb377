package io.kubesim.scheduler.testing;

import io.kubesim.api.Affinity;
import io.kubesim.api.Container;
import io.kubesim.api.ContainerPort;
import io.kubesim.api.LabelSelector;
import io.kubesim.api.LabelSelectorRequirement;
import io.kubesim.api.NodeAffinity;
import io.kubesim.api.NodeSelector;
import io.kubesim.api.NodeSelectorRequirement;
import io.kubesim.api.NodeSelectorTerm;
import io.kubesim.api.ObjectMeta;
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
import io.kubesim.api.WeightedPodAffinityTerm;
import io.kubesim.scheduler.framework.PodInfo;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Fluent pod builders for tests, after upstream's {@code st.MakePod()}:
 * {@code pod("p").label("foo", "").node("n1").req(Map.of("cpu", "1"))...obj()}.
 */
public final class TestPods {
  private TestPods() {}

  public static Builder pod(String name) {
    return new Builder(name);
  }

  /** A pod with no name, as upstream's {@code st.MakePod().Obj()}. */
  public static Builder pod() {
    return new Builder("");
  }

  /** Resource quantities by name, parsed with Kubernetes' rules. */
  public static Map<String, Quantity> resources(Map<String, String> list) {
    Map<String, Quantity> out = new LinkedHashMap<>();
    list.forEach((k, v) -> out.put(k, Quantity.parse(v)));
    return out;
  }

  /** A label selector from {@code key, value} pairs. */
  public static LabelSelector matchLabels(String... keyValues) {
    Map<String, String> m = new LinkedHashMap<>();
    for (int i = 0; i < keyValues.length; i += 2) m.put(keyValues[i], keyValues[i + 1]);
    return LabelSelector.matchLabels(m);
  }

  public static LabelSelector selector(LabelSelectorRequirement... requirements) {
    return new LabelSelector(Map.of(), List.of(requirements));
  }

  public static LabelSelectorRequirement in(String key, String... values) {
    return new LabelSelectorRequirement(key, "In", List.of(values));
  }

  public static LabelSelectorRequirement notIn(String key, String... values) {
    return new LabelSelectorRequirement(key, "NotIn", List.of(values));
  }

  public static LabelSelectorRequirement doesNotExistSelector(String key) {
    return new LabelSelectorRequirement(key, "DoesNotExist", List.of());
  }

  public static LabelSelectorRequirement exists(String key) {
    return new LabelSelectorRequirement(key, "Exists", List.of());
  }

  /** A pod (anti-)affinity term over the owner's namespace. */
  public static PodAffinityTerm term(LabelSelector selector, String topologyKey) {
    return new PodAffinityTerm(selector, List.of(), topologyKey, null, List.of(), List.of());
  }

  /** A pod (anti-)affinity term over the named namespaces. */
  public static PodAffinityTerm term(LabelSelector selector, String topologyKey, List<String> namespaces) {
    return new PodAffinityTerm(selector, namespaces, topologyKey, null, List.of(), List.of());
  }

  /** A pod (anti-)affinity term over the namespaces whose labels match {@code namespaceSelector}. */
  public static PodAffinityTerm termWithNamespaceSelector(LabelSelector selector, String topologyKey, LabelSelector namespaceSelector) {
    return new PodAffinityTerm(selector, List.of(), topologyKey, namespaceSelector, List.of(), List.of());
  }

  public static NodeSelectorRequirement nodeIn(String key, String... values) {
    return new NodeSelectorRequirement(key, "In", List.of(values));
  }

  public static NodeSelectorRequirement nodeReq(String key, String operator, String... values) {
    return new NodeSelectorRequirement(key, operator, List.of(values));
  }

  public static NodeSelectorTerm nodeTerm(NodeSelectorRequirement... matchExpressions) {
    return new NodeSelectorTerm(List.of(matchExpressions), List.of());
  }

  public static NodeSelectorTerm nodeFieldTerm(NodeSelectorRequirement... matchFields) {
    return new NodeSelectorTerm(List.of(), List.of(matchFields));
  }

  public static final class Builder {
    private final String name;
    private String namespace = "";
    private String uid;
    private final Map<String, String> labels = new LinkedHashMap<>();
    private String deletionTimestamp;
    private String nodeName;
    private final Map<String, String> nodeSelector = new LinkedHashMap<>();
    private NodeSelector requiredNodeAffinity;
    private final List<PreferredSchedulingTerm> preferredNodeAffinity = new ArrayList<>();
    private final List<PodAffinityTerm> requiredAffinity = new ArrayList<>();
    private final List<WeightedPodAffinityTerm> preferredAffinity = new ArrayList<>();
    private final List<PodAffinityTerm> requiredAntiAffinity = new ArrayList<>();
    private final List<WeightedPodAffinityTerm> preferredAntiAffinity = new ArrayList<>();
    private final List<Toleration> tolerations = new ArrayList<>();
    private final List<Container> initContainers = new ArrayList<>();
    private final List<Container> containers = new ArrayList<>();
    private final Map<String, Quantity> overhead = new LinkedHashMap<>();

    private Builder(String name) {
      this.name = name;
    }

    public Builder namespace(String ns) {
      this.namespace = ns;
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

    public Builder labels(Map<String, String> l) {
      labels.putAll(l);
      return this;
    }

    public Builder node(String node) {
      this.nodeName = node;
      return this;
    }

    public Builder terminating() {
      this.deletionTimestamp = "2025-01-01T00:00:00Z";
      return this;
    }

    public Builder nodeSelector(Map<String, String> selector) {
      nodeSelector.putAll(selector);
      return this;
    }

    /** Adds a required node selector term with one {@code In} expression (upstream {@code NodeAffinityIn}). */
    public Builder nodeAffinityIn(String key, String... values) {
      return requiredNodeAffinityTerm(nodeTerm(nodeIn(key, values)));
    }

    /** Adds a required node selector term with one {@code NotIn} expression. */
    public Builder nodeAffinityNotIn(String key, String... values) {
      return requiredNodeAffinityTerm(nodeTerm(nodeReq(key, "NotIn", values)));
    }

    /** Adds a term to the required node affinity (terms are ORed). */
    public Builder requiredNodeAffinityTerm(NodeSelectorTerm term) {
      List<NodeSelectorTerm> terms = new ArrayList<>(requiredNodeAffinity == null ? List.of() : requiredNodeAffinity.nodeSelectorTerms());
      terms.add(term);
      requiredNodeAffinity = new NodeSelector(terms);
      return this;
    }

    /** Sets the required node affinity as given (an empty term list matches no node). */
    public Builder requiredNodeAffinity(NodeSelector selector) {
      requiredNodeAffinity = selector;
      return this;
    }

    public Builder preferredNodeAffinity(int weight, NodeSelectorTerm preference) {
      preferredNodeAffinity.add(new PreferredSchedulingTerm(weight, preference));
      return this;
    }

    public Builder podAffinity(PodAffinityTerm term) {
      requiredAffinity.add(term);
      return this;
    }

    public Builder podAntiAffinity(PodAffinityTerm term) {
      requiredAntiAffinity.add(term);
      return this;
    }

    public Builder preferredPodAffinity(int weight, PodAffinityTerm term) {
      preferredAffinity.add(new WeightedPodAffinityTerm(weight, term));
      return this;
    }

    public Builder preferredPodAntiAffinity(int weight, PodAffinityTerm term) {
      preferredAntiAffinity.add(new WeightedPodAffinityTerm(weight, term));
      return this;
    }

    /** Required affinity to pods with label {@code key} in {@code values}, per {@code topologyKey}. */
    public Builder podAffinityIn(String key, String topologyKey, String... values) {
      return podAffinity(term(selector(in(key, values)), topologyKey));
    }

    public Builder podAffinityExists(String key, String topologyKey) {
      return podAffinity(term(selector(exists(key)), topologyKey));
    }

    public Builder podAntiAffinityIn(String key, String topologyKey, String... values) {
      return podAntiAffinity(term(selector(in(key, values)), topologyKey));
    }

    public Builder podAntiAffinityExists(String key, String topologyKey) {
      return podAntiAffinity(term(selector(exists(key)), topologyKey));
    }

    public Builder toleration(Toleration t) {
      tolerations.add(t);
      return this;
    }

    /** Tolerates every taint with {@code key} (operator Exists, any effect). */
    public Builder toleration(String key) {
      return toleration(new Toleration(key, "Exists", null, null, null));
    }

    public Builder toleration(String key, String value, TaintEffect effect) {
      return toleration(new Toleration(key, "Equal", value, effect, null));
    }

    /** Adds an app container requesting {@code requests} (upstream {@code Req}). */
    public Builder req(Map<String, String> requests) {
      containers.add(new Container("c" + containers.size(), null,
          new ResourceRequirements(resources(requests), Map.of()), List.of(), null));
      return this;
    }

    /** Adds an app container that states no requests at all. */
    public Builder container() {
      containers.add(new Container("c" + containers.size(), null, ResourceRequirements.NONE, List.of(), null));
      return this;
    }

    /** Adds a (non-restartable) init container requesting {@code requests}. */
    public Builder initReq(Map<String, String> requests) {
      initContainers.add(new Container("i" + initContainers.size(), null,
          new ResourceRequirements(resources(requests), Map.of()), List.of(), null));
      return this;
    }

    /** Adds a sidecar (init container with restartPolicy Always) with host ports. */
    public Builder sidecarPorts(ContainerPort... ports) {
      initContainers.add(new Container("s" + initContainers.size(), null, ResourceRequirements.NONE, List.of(ports), "Always"));
      return this;
    }

    public Builder overhead(Map<String, String> o) {
      overhead.putAll(resources(o));
      return this;
    }

    /** Adds an app container exposing {@code ports}. */
    public Builder ports(ContainerPort... ports) {
      containers.add(new Container("c" + containers.size(), null, ResourceRequirements.NONE, List.of(ports), null));
      return this;
    }

    /** Adds an app container with TCP host port {@code port} on every address (upstream {@code HostPort}). */
    public Builder hostPort(int port) {
      return ports(new ContainerPort(port, port, "TCP", ""));
    }

    public Pod obj() {
      ObjectMeta meta = new ObjectMeta(name, namespace, uid, labels, null, null, null, deletionTimestamp);
      NodeAffinity nodeAffinity = requiredNodeAffinity == null && preferredNodeAffinity.isEmpty()
          ? null : new NodeAffinity(requiredNodeAffinity, preferredNodeAffinity);
      PodAffinity affinity = requiredAffinity.isEmpty() && preferredAffinity.isEmpty()
          ? null : new PodAffinity(requiredAffinity, preferredAffinity);
      PodAffinity anti = requiredAntiAffinity.isEmpty() && preferredAntiAffinity.isEmpty()
          ? null : new PodAffinity(requiredAntiAffinity, preferredAntiAffinity);
      Affinity a = nodeAffinity == null && affinity == null && anti == null ? null : new Affinity(nodeAffinity, affinity, anti);
      PodSpec spec = new PodSpec(nodeName, nodeSelector, a, tolerations, null, initContainers, containers, overhead,
          null, null, null, null);
      return new Pod(meta, spec, PodStatus.PENDING);
    }

    public PodInfo info() {
      return PodInfo.of(obj());
    }
  }
}
