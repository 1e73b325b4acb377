package io.kubesim.api;

import java.util.List;
import java.util.Map;

/**
 * Object metadata.
 *
 * @param deletionTimestamp RFC 3339 time, or null; set means the object is terminating
 * @param creationTimestamp RFC 3339 time, or null
 */
public record ObjectMeta(
    String name,
    String namespace,
    String uid,
    Map<String, String> labels,
    Map<String, String> annotations,
    List<OwnerReference> ownerReferences,
    String creationTimestamp,
    String deletionTimestamp) {

  public ObjectMeta {
    namespace = namespace == null ? "" : namespace;
    uid = uid == null ? "" : uid;
    labels = labels == null ? Map.of() : Map.copyOf(labels);
    annotations = annotations == null ? Map.of() : Map.copyOf(annotations);
    ownerReferences = ownerReferences == null ? List.of() : List.copyOf(ownerReferences);
  }

  public static ObjectMeta named(String name) {
    return new ObjectMeta(name, "", null, null, null, null, null, null);
  }

  public static ObjectMeta named(String namespace, String name) {
    return new ObjectMeta(name, namespace, null, null, null, null, null, null);
  }

  public ObjectMeta withLabels(Map<String, String> newLabels) {
    return new ObjectMeta(name, namespace, uid, newLabels, annotations, ownerReferences, creationTimestamp, deletionTimestamp);
  }

  public ObjectMeta withAnnotations(Map<String, String> newAnnotations) {
    return new ObjectMeta(name, namespace, uid, labels, newAnnotations, ownerReferences, creationTimestamp, deletionTimestamp);
  }

  public ObjectMeta withDeletionTimestamp(String time) {
    return new ObjectMeta(name, namespace, uid, labels, annotations, ownerReferences, creationTimestamp, time);
  }

  public boolean isTerminating() {
    return deletionTimestamp != null;
  }

  /** The first owner reference with {@code controller: true}, or null. */
  public OwnerReference controllerRef() {
    for (OwnerReference ref : ownerReferences) {
      if (ref.controller()) return ref;
    }
    return null;
  }
}
