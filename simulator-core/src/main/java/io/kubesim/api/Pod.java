package io.kubesim.api;

/** A Pod. */
public record Pod(ObjectMeta metadata, PodSpec spec, PodStatus status) {
  public Pod {
    spec = spec == null ? PodSpec.EMPTY : spec;
    status = status == null ? PodStatus.PENDING : status;
  }

  public String name() {
    return metadata.name();
  }

  public String namespace() {
    return metadata.namespace();
  }

  /** {@code namespace/name}, unique in a cluster. */
  public String key() {
    return metadata.namespace() + "/" + metadata.name();
  }

  public java.util.Map<String, String> labels() {
    return metadata.labels();
  }

  public boolean isBound() {
    return !spec.nodeName().isEmpty();
  }

  public boolean isTerminating() {
    return metadata.isTerminating();
  }

  public Pod withNodeName(String node) {
    return new Pod(metadata, spec.withNodeName(node), status);
  }

  public Pod withMetadata(ObjectMeta meta) {
    return new Pod(meta, spec, status);
  }

  public Pod withStatus(PodStatus newStatus) {
    return new Pod(metadata, spec, newStatus);
  }

  public Pod withSpec(PodSpec newSpec) {
    return new Pod(metadata, newSpec, status);
  }
}
