package io.kubesim.scenarios;

import io.kubesim.manifest.ManifestDecoder;
import io.kubesim.metrics.WorkloadRef;
import io.kubesim.yaml.Suggest;
import io.kubesim.yaml.YamlNode;
import java.util.List;

/**
 * An object named in a scenario as {@code Kind/name} or {@code Kind/namespace/name} (namespace
 * {@code default} when omitted), e.g. {@code Deployment/web}, {@code StatefulSet/search/es}.
 */
public record ObjectRef(String kind, String namespace, String name) {

  public static final List<String> WORKLOAD_KINDS = List.of("Deployment", "StatefulSet", "ReplicaSet");

  /** Reads {@code Kind/[namespace/]name}, the kind one of {@code kinds}. */
  public static ObjectRef parse(YamlNode node, List<String> kinds) {
    String text = node.asString();
    String[] parts = text.split("/", -1);
    if (parts.length < 2 || parts.length > 3 || java.util.Arrays.stream(parts).anyMatch(String::isEmpty)) {
      throw node.error("invalid reference \"" + text + "\": expected Kind/name or Kind/namespace/name, e.g. Deployment/web");
    }
    if (!kinds.contains(parts[0])) {
      throw node.error("unknown kind \"" + parts[0] + "\" in \"" + text + "\"" + Suggest.closest(parts[0], kinds) + "; allowed: "
          + String.join(", ", kinds));
    }
    return parts.length == 2
        ? new ObjectRef(parts[0], ManifestDecoder.DEFAULT_NAMESPACE, parts[1])
        : new ObjectRef(parts[0], parts[1], parts[2]);
  }

  public String key() {
    return kind + "/" + namespace + "/" + name;
  }

  public WorkloadRef workload() {
    return new WorkloadRef(kind, namespace, name);
  }

  /** As written in scenarios: the namespace only when it is not {@code default}. */
  @Override
  public String toString() {
    return kind + "/" + (namespace.equals(ManifestDecoder.DEFAULT_NAMESPACE) ? "" : namespace + "/") + name;
  }
}
