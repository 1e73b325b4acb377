package io.kubesim.sim;

import io.kubesim.api.Container;
import io.kubesim.api.Node;
import io.kubesim.api.Pod;
import io.kubesim.api.Quantity;
import io.kubesim.api.ResourceNames;
import io.kubesim.kubelet.ContainerResources;
import io.kubesim.kubelet.NodeCpuAdmission;
import io.kubesim.kubelet.PodAdmitResult;
import io.kubesim.kubelet.PodResources;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The kubelets of nodes that pin CPUs: each such node's {@link NodeCpuAdmission} admits the pods
 * bound to it. Nodes without one admit everything (CPU manager policy {@code none}).
 */
public final class KubeletAdmitter implements PodAdmitter {
  private final Map<String, NodeCpuAdmission> byNode = new TreeMap<>();

  public void put(String nodeName, NodeCpuAdmission admission) {
    byNode.put(nodeName, admission);
  }

  public void remove(String nodeName) {
    byNode.remove(nodeName);
  }

  /** The node's CPU admission, or null when it does not pin CPUs. */
  public NodeCpuAdmission node(String nodeName) {
    return byNode.get(nodeName);
  }

  public Map<String, NodeCpuAdmission> nodes() {
    return Collections.unmodifiableMap(byNode);
  }

  @Override
  public Result admit(Pod pod, Node node) {
    NodeCpuAdmission admission = byNode.get(node.name());
    if (admission == null) return Result.ADMITTED;
    PodAdmitResult r = admission.admit(resources(pod));
    return r.admit() ? Result.ADMITTED : new Result(r.reason(), r.message());
  }

  @Override
  public void release(Pod pod) {
    NodeCpuAdmission admission = byNode.get(pod.spec().nodeName());
    if (admission != null && admission.isAdmitted(pod.metadata().uid())) admission.release(pod.metadata().uid());
  }

  /** The pod as the CPU manager sees it; a missing request defaults to the limit, as the API server does. */
  static PodResources resources(Pod pod) {
    List<ContainerResources> out = new ArrayList<>();
    for (Container c : pod.spec().initContainers()) out.add(container(c, true));
    for (Container c : pod.spec().containers()) out.add(container(c, false));
    return PodResources.of(pod.metadata().uid(), out);
  }

  private static ContainerResources container(Container c, boolean init) {
    Map<String, Quantity> req = c.resources().requests();
    Map<String, Quantity> lim = c.resources().limits();
    long cpuLimit = milli(lim.get(ResourceNames.CPU));
    long memLimit = bytes(lim.get(ResourceNames.MEMORY));
    long cpuReq = req.containsKey(ResourceNames.CPU) ? milli(req.get(ResourceNames.CPU)) : cpuLimit;
    long memReq = req.containsKey(ResourceNames.MEMORY) ? bytes(req.get(ResourceNames.MEMORY)) : memLimit;
    return new ContainerResources(c.name(), init, init && c.isSidecar(), cpuReq, cpuLimit, memReq, memLimit);
  }

  private static long milli(Quantity q) {
    return q == null ? 0 : q.milliValue();
  }

  private static long bytes(Quantity q) {
    return q == null ? 0 : q.value();
  }
}
