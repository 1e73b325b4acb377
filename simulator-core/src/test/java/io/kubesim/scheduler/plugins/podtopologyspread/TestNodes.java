package io.kubesim.scheduler.plugins.podtopologyspread;

import io.kubesim.api.Node;
import io.kubesim.api.NodeSpec;
import io.kubesim.api.ObjectMeta;
import io.kubesim.api.Taint;
import io.kubesim.api.TaintEffect;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Fluent nodes for tests: {@code node("node-a").label("zone", "zone1").build()}. */
final class TestNodes {
  private final String name;
  private final Map<String, String> labels = new LinkedHashMap<>();
  private final List<Taint> taints = new ArrayList<>();

  private TestNodes(String name) {
    this.name = name;
  }

  static TestNodes node(String name) {
    return new TestNodes(name);
  }

  /** {@code node(name)} in {@code zone}, with {@code node=<name>} and the hostname label. */
  static TestNodes zoned(String name, String zone) {
    return node(name).label("zone", zone).label("node", name).label("kubernetes.io/hostname", name);
  }

  TestNodes label(String key, String value) {
    labels.put(key, value);
    return this;
  }

  TestNodes taint(String key, String value, TaintEffect effect) {
    taints.add(new Taint(key, value, effect));
    return this;
  }

  Node build() {
    return new Node(ObjectMeta.named(name).withLabels(labels), new NodeSpec(false, taints), null);
  }
}
