package io.kubesim.sim;

import io.kubesim.api.Node;
import io.kubesim.api.Pod;

/** The kubelet's admission of a pod bound to its node (CPU and Topology Managers), and release. */
public interface PodAdmitter {

  /** @param reason null when admitted; else upstream's reason (e.g. {@code TopologyAffinityError}) */
  record Result(String reason, String message) {
    public static final Result ADMITTED = new Result(null, null);

    public boolean admitted() {
      return reason == null;
    }
  }

  Result admit(Pod pod, Node node);

  /** The pod's containers stopped: give back what admission took. */
  void release(Pod pod);

  PodAdmitter NONE = new PodAdmitter() {
    @Override
    public Result admit(Pod pod, Node node) {
      return Result.ADMITTED;
    }

    @Override
    public void release(Pod pod) {}
  };
}
