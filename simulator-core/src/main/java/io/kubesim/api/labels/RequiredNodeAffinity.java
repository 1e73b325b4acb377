package io.kubesim.api.labels;

import io.kubesim.api.Node;
import io.kubesim.api.NodeSelector;
import io.kubesim.api.Pod;
import java.util.Map;

/**
 * A pod's hard node constraints: {@code spec.nodeSelector} AND required node affinity
 * (upstream {@code nodeaffinity.GetRequiredNodeAffinity}).
 */
public record RequiredNodeAffinity(Map<String, String> nodeSelector, NodeSelector required) {

  public static RequiredNodeAffinity of(Pod pod) {
    var affinity = pod.spec().affinity();
    NodeSelector required = affinity == null || affinity.nodeAffinity() == null
        ? null
        : affinity.nodeAffinity().requiredDuringSchedulingIgnoredDuringExecution();
    return new RequiredNodeAffinity(pod.spec().nodeSelector(), required);
  }

  public boolean matches(Node node) {
    Map<String, String> labels = node.labels();
    for (Map.Entry<String, String> e : nodeSelector.entrySet()) {
      if (!e.getValue().equals(labels.get(e.getKey()))) return false;
    }
    return required == null || NodeSelectorMatcher.matches(required, node);
  }
}
