package io.kubesim.bench;

import io.kubesim.api.Pod;
import io.kubesim.api.ResourceNames;
import io.kubesim.cluster.Cluster;
import io.kubesim.testing.Nodes;
import io.kubesim.testing.Pods;
import io.kubesim.testing.TopologySpreadConstraints;
import java.util.Map;

/**
 * The benchmarks' cluster, shaped like the 5,000-node library scenario: nodes of 16 CPUs / 64Gi /
 * 110 pods in three zones, and {@value #APPS} apps whose pods (250m / 512Mi, zone spread
 * DoNotSchedule and hostname spread ScheduleAnyway, both maxSkew 1) fill it to
 * {@value #PODS_PER_NODE} pods per node, placed round-robin (bound directly: building the state by
 * scheduling would take longer than the measurement).
 */
final class BenchCluster {
  static final int APPS = 50;
  static final int PODS_PER_NODE = 30;
  static final String[] ZONES = {"zone-a", "zone-b", "zone-c"};

  private BenchCluster() {}

  static Cluster build(int nodes) {
    Cluster cluster = new Cluster();
    for (int i = 0; i < nodes; i++) {
      String name = String.format("worker-%05d", i);
      cluster.addNode(Nodes.node(name)
          .label(ResourceNames.LABEL_HOSTNAME, name)
          .zone(ZONES[i % ZONES.length])
          .label("topology.kubernetes.io/region", "region-1")
          .allocatable(Map.of("cpu", "16", "memory", "64Gi", "pods", "110"))
          .build());
    }
    String[] names = cluster.nodeNames().toArray(new String[0]);
    int pods = nodes * PODS_PER_NODE;
    for (int i = 0; i < pods; i++) {
      // Consecutive pods of an app land on consecutive nodes: every zone and node evenly filled.
      cluster.addPod(pod(i % APPS, "p-" + i).node(names[(i / APPS + i) % nodes]).build());
    }
    return cluster;
  }

  /** A pending pod of app {@code app}, as the library scenario's Deployments create them. */
  static Pod pendingPod(int app, String name) {
    return pod(app, name).build();
  }

  private static Pods.Builder pod(int app, String name) {
    String label = String.format("svc-%02d", app);
    return Pods.pod(name)
        .label("app", label)
        .requests("cpu", "250m", "memory", "512Mi")
        .spreadConstraint(TopologySpreadConstraints.doNotSchedule(1, ResourceNames.LABEL_ZONE).matchLabels("app", label))
        .spreadConstraint(TopologySpreadConstraints.scheduleAnyway(1, ResourceNames.LABEL_HOSTNAME).matchLabels("app", label));
  }
}
