package io.kubesim.scheduler.plugins.podtopologyspread;

import io.kubesim.api.Affinity;
import io.kubesim.api.LabelSelector;
import io.kubesim.api.LabelSelectorRequirement;
import io.kubesim.api.NodeAffinity;
import io.kubesim.api.NodeSelector;
import io.kubesim.api.NodeSelectorRequirement;
import io.kubesim.api.NodeSelectorTerm;
import io.kubesim.api.ObjectMeta;
import io.kubesim.api.OwnerReference;
import io.kubesim.api.Pod;
import io.kubesim.api.PodSpec;
import io.kubesim.api.TaintEffect;
import io.kubesim.api.Toleration;
import io.kubesim.api.TopologySpreadConstraint;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Fluent pods for tests: {@code pod("p").label("foo", "").spread(Spread.hard(1, "zone").exists("foo")).build()}. */
final class TestPods {
  private final String name;
  private String namespace = "default";
  private final Map<String, String> labels = new LinkedHashMap<>();
  private String nodeName;
  private final Map<String, String> nodeSelector = new LinkedHashMap<>();
  private final List<NodeSelectorRequirement> requiredAffinity = new ArrayList<>();
  private final List<Toleration> tolerations = new ArrayList<>();
  private final List<TopologySpreadConstraint> constraints = new ArrayList<>();
  private final List<OwnerReference> owners = new ArrayList<>();
  private String deletionTimestamp;

  private TestPods(String name) {
    this.name = name;
  }

  static TestPods pod(String name) {
    return new TestPods(name);
  }

  TestPods namespace(String ns) {
    namespace = ns;
    return this;
  }

  TestPods label(String key, String value) {
    labels.put(key, value);
    return this;
  }

  TestPods on(String node) {
    nodeName = node;
    return this;
  }

  TestPods nodeSelector(String key, String value) {
    nodeSelector.put(key, value);
    return this;
  }

  /** A required node affinity term {@code key In values} (all such calls ANDed in one term). */
  TestPods nodeAffinityIn(String key, String... values) {
    requiredAffinity.add(new NodeSelectorRequirement(key, "In", List.of(values)));
    return this;
  }

  TestPods nodeAffinityNotIn(String key, String... values) {
    requiredAffinity.add(new NodeSelectorRequirement(key, "NotIn", List.of(values)));
    return this;
  }

  TestPods tolerate(String key, String operator, String value, TaintEffect effect) {
    tolerations.add(new Toleration(key, operator, value, effect, null));
    return this;
  }

  TestPods spread(Spread s) {
    constraints.add(s.build());
    return this;
  }

  TestPods terminating() {
    deletionTimestamp = "2020-01-01T00:00:00Z";
    return this;
  }

  TestPods ownedBy(String apiVersion, String kind, String ownerName) {
    owners.add(new OwnerReference(apiVersion, kind, ownerName, "", true));
    return this;
  }

  Pod build() {
    ObjectMeta meta = new ObjectMeta(name, namespace, null, labels, null, owners, null, deletionTimestamp);
    Affinity affinity = requiredAffinity.isEmpty() ? null
        : new Affinity(new NodeAffinity(new NodeSelector(List.of(new NodeSelectorTerm(requiredAffinity, List.of()))), null), null, null);
    PodSpec spec = new PodSpec(nodeName, nodeSelector, affinity, tolerations, constraints, null, null, null, null, null, null, null);
    return new Pod(meta, spec, null);
  }

  /** A spread constraint under construction. */
  static final class Spread {
    private final int maxSkew;
    private final String key;
    private final String action;
    private LabelSelector selector;
    private Integer minDomains;
    private String affinityPolicy;
    private String taintsPolicy;
    private final List<String> matchLabelKeys = new ArrayList<>();

    private Spread(int maxSkew, String key, String action) {
      this.maxSkew = maxSkew;
      this.key = key;
      this.action = action;
    }

    static Spread hard(int maxSkew, String key) {
      return new Spread(maxSkew, key, TopologySpreadConstraint.DO_NOT_SCHEDULE);
    }

    static Spread soft(int maxSkew, String key) {
      return new Spread(maxSkew, key, TopologySpreadConstraint.SCHEDULE_ANYWAY);
    }

    /** Adds {@code key Exists} to the label selector (creating it). */
    Spread exists(String labelKey) {
      return expression(new LabelSelectorRequirement(labelKey, "Exists", List.of()));
    }

    Spread matchLabel(String labelKey, String value) {
      LabelSelector s = selector == null ? LabelSelector.EMPTY : selector;
      Map<String, String> ml = new LinkedHashMap<>(s.matchLabels());
      ml.put(labelKey, value);
      selector = new LabelSelector(ml, s.matchExpressions());
      return this;
    }

    Spread expression(LabelSelectorRequirement r) {
      LabelSelector s = selector == null ? LabelSelector.EMPTY : selector;
      List<LabelSelectorRequirement> ex = new ArrayList<>(s.matchExpressions());
      ex.add(r);
      selector = new LabelSelector(s.matchLabels(), ex);
      return this;
    }

    /** {@code labelSelector: {}}. */
    Spread emptySelector() {
      selector = LabelSelector.EMPTY;
      return this;
    }

    Spread minDomains(int n) {
      minDomains = n;
      return this;
    }

    Spread nodeAffinityPolicy(String p) {
      affinityPolicy = p;
      return this;
    }

    Spread nodeTaintsPolicy(String p) {
      taintsPolicy = p;
      return this;
    }

    Spread matchLabelKeys(String... keys) {
      matchLabelKeys.addAll(List.of(keys));
      return this;
    }

    TopologySpreadConstraint build() {
      return new TopologySpreadConstraint(maxSkew, key, action, selector, minDomains, affinityPolicy, taintsPolicy, matchLabelKeys);
    }
  }
}
