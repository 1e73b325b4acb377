package io.kubesim.scheduler.framework;

import io.kubesim.api.ReplicaSet;
import io.kubesim.api.ReplicationController;
import io.kubesim.api.Service;
import io.kubesim.api.StatefulSet;
import java.util.List;
import java.util.Map;

/** The non-node, non-pod objects plugins look up (upstream: informer listers). */
public interface ClusterObjects {
  List<Service> services(String namespace);

  /** null when absent. */
  ReplicationController replicationController(String namespace, String name);

  /** null when absent. */
  ReplicaSet replicaSet(String namespace, String name);

  /** null when absent. */
  StatefulSet statefulSet(String namespace, String name);

  /** Labels of a namespace; empty when the namespace is unknown. */
  Map<String, String> namespaceLabels(String namespace);
}
