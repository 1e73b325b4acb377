package io.kubesim.api;

/**
 * A Pod. Immutable, with a record's accessors, equality and string form; a class rather than a
 * record only to keep its {@link #key()}, which maps throughout the simulation are keyed by and
 * which would otherwise be concatenated (and hashed afresh) on every lookup.
 */
public final class Pod {
  private final ObjectMeta metadata;
  private final PodSpec spec;
  private final PodStatus status;
  private final String key;

  public Pod(ObjectMeta metadata, PodSpec spec, PodStatus status) {
    this.metadata = metadata;
    this.spec = spec == null ? PodSpec.EMPTY : spec;
    this.status = status == null ? PodStatus.PENDING : status;
    this.key = metadata.namespace() + "/" + metadata.name();
  }

  public ObjectMeta metadata() {
    return metadata;
  }

  public PodSpec spec() {
    return spec;
  }

  public PodStatus status() {
    return status;
  }

  public String name() {
    return metadata.name();
  }

  public String namespace() {
    return metadata.namespace();
  }

  /** {@code namespace/name}, unique in a cluster. */
  public String key() {
    return key;
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

  @Override
  public boolean equals(Object o) {
    return o instanceof Pod p && metadata.equals(p.metadata) && spec.equals(p.spec) && status.equals(p.status);
  }

  /** As a record's: {@code (31 * metadata + spec) * 31 + status}. */
  @Override
  public int hashCode() {
    return (31 * metadata.hashCode() + spec.hashCode()) * 31 + status.hashCode();
  }

  @Override
  public String toString() {
    return "Pod[metadata=" + metadata + ", spec=" + spec + ", status=" + status + "]";
  }
}
