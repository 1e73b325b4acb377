package io.kubesim.scheduler.testing;

import io.kubesim.api.Node;
import io.kubesim.api.NodeSpec;
import io.kubesim.api.NodeStatus;
import io.kubesim.api.ObjectMeta;
import io.kubesim.api.Quantity;
import io.kubesim.api.Taint;
import io.kubesim.api.TaintEffect;
import io.kubesim.cluster.Cluster;
import io.kubesim.scheduler.framework.NodeInfo;
import io.kubesim.api.Pod;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Fluent node builders for tests, after upstream's {@code st.MakeNode()}. */
public final class TestNodes {
  private TestNodes() {}

  public static Builder node(String name) {
    return new Builder(name);
  }

  /** A cluster holding {@code nodes} and then {@code pods} (bound pods are accounted on their nodes). */
  public static Cluster cluster(List<Node> nodes, List<Pod> pods) {
    Cluster c = new Cluster();
    for (Node n : nodes) c.addNode(n);
    int i = 0;
    for (Pod p : pods) {
      // Upstream's test pods are often nameless; give them unique names so the cluster accepts them.
      if (p.name().isEmpty()) {
        ObjectMeta m = p.metadata();
        p = p.withMetadata(new ObjectMeta("pod-" + i, m.namespace(), m.uid(), m.labels(), m.annotations(),
            m.ownerReferences(), m.creationTimestamp(), m.deletionTimestamp()));
      }
      c.addPod(p);
      i++;
    }
    return c;
  }

  /** A standalone NodeInfo for {@code node} with {@code pods} on it. */
  public static NodeInfo nodeInfo(Node node, Pod... pods) {
    NodeInfo info = new NodeInfo(0, node);
    for (Pod p : pods) info.addPod(io.kubesim.scheduler.framework.PodInfo.of(p.withNodeName(node.name())));
    return info;
  }

  public static final class Builder {
    private final String name;
    private final Map<String, String> labels = new LinkedHashMap<>();
    private boolean unschedulable;
    private final List<Taint> taints = new ArrayList<>();
    private Map<String, Quantity> capacity = Map.of();
    private Map<String, Quantity> allocatable = Map.of();

    private Builder(String name) {
      this.name = name;
    }

    public Builder label(String key, String value) {
      labels.put(key, value);
      return this;
    }

    public Builder labels(Map<String, String> l) {
      labels.putAll(l);
      return this;
    }

    public Builder unschedulable() {
      unschedulable = true;
      return this;
    }

    public Builder taint(String key, String value, TaintEffect effect) {
      taints.add(new Taint(key, value, effect));
      return this;
    }

    /** Sets capacity and allocatable alike (upstream {@code Capacity}). */
    public Builder capacity(Map<String, String> resources) {
      capacity = TestPods.resources(resources);
      allocatable = capacity;
      return this;
    }

    public Builder allocatable(Map<String, String> resources) {
      allocatable = TestPods.resources(resources);
      return this;
    }

    public Node obj() {
      return new Node(ObjectMeta.named(name).withLabels(labels), new NodeSpec(unschedulable, taints),
          new NodeStatus(capacity, allocatable));
    }
  }
}
