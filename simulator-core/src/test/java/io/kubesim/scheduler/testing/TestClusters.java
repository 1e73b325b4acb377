package io.kubesim.scheduler.testing;

import io.kubesim.api.Node;
import io.kubesim.api.ObjectMeta;
import io.kubesim.api.Pod;
import io.kubesim.cluster.Cluster;
import io.kubesim.scheduler.framework.NodeInfo;
import io.kubesim.scheduler.framework.PodInfo;
import java.util.List;

/** Clusters (the snapshot plugins read) and standalone NodeInfos, for tests. */
public final class TestClusters {
  private TestClusters() {}

  /** A cluster holding {@code nodes} and then {@code pods} (bound pods are accounted on their nodes). */
  public static Cluster cluster(List<Node> nodes, List<Pod> pods) {
    Cluster c = new Cluster();
    for (Node n : nodes) c.addNode(n);
    int i = 0;
    for (Pod p : pods) {
      // Upstream's test pods are often nameless; give them unique names so the cluster accepts them.
      if (p.name().isEmpty()) {
        ObjectMeta m = p.metadata();
        p = p.withMetadata(new ObjectMeta("pod-" + i, m.namespace(), m.uid(), m.labels(), m.annotations(),
            m.ownerReferences(), m.creationTimestamp(), m.deletionTimestamp()));
      }
      c.addPod(p);
      i++;
    }
    return c;
  }

  /** A standalone NodeInfo for {@code node} with {@code pods} on it. */
  public static NodeInfo nodeInfo(Node node, Pod... pods) {
    NodeInfo info = new NodeInfo(0, node);
    for (Pod p : pods) info.addPod(PodInfo.of(p.withNodeName(node.name())));
    return info;
  }
}
