package io.kubesim.gui.model;

/**
 * One pod at one moment, as the explorer draws it.
 *
 * @param key {@code namespace/name}
 * @param node the node it is bound to, "" when pending
 * @param phase Pending, Running, Succeeded or Failed
 * @param workload the controlling workload, e.g. {@code Deployment/web}; "" for a bare pod
 * @param revision its {@code pod-template-hash} (or StatefulSet {@code controller-revision-hash}), "" without one
 * @param revisionOrdinal 0 for the workload's first revision seen in the run, 1 for the next, ...
 * @param ready its Ready condition is True
 * @param terminating it has a deletion timestamp
 * @param cpuMilli its CPU request in millicores (summed over containers)
 */
public record PodView(String key, String node, String phase, String workload, String revision, int revisionOrdinal, boolean ready,
    boolean terminating, long cpuMilli) {

  public boolean isPending() {
    return node.isEmpty() && !terminating;
  }

  public String name() {
    return key.substring(key.indexOf('/') + 1);
  }
}
