package io.kubesim.api;

import java.util.Map;

/** A Node. */
public record Node(ObjectMeta metadata, NodeSpec spec, NodeStatus status) {
  public Node {
    spec = spec == null ? NodeSpec.EMPTY : spec;
    status = status == null ? NodeStatus.EMPTY : status;
  }

  public String name() {
    return metadata.name();
  }

  public Map<String, String> labels() {
    return metadata.labels();
  }

  public Node withSpec(NodeSpec newSpec) {
    return new Node(metadata, newSpec, status);
  }

  public Node withMetadata(ObjectMeta meta) {
    return new Node(meta, spec, status);
  }
}
