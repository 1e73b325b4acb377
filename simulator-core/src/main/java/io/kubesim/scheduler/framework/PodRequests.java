package io.kubesim.scheduler.framework;

import io.kubesim.api.Container;
import io.kubesim.api.Pod;
import io.kubesim.api.Quantity;
import io.kubesim.api.ResourceNames;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A pod's effective requests (upstream {@code resourcehelper.PodRequests}): the larger of the app
 * containers (plus sidecars) and any init container step, plus pod overhead.
 */
public final class PodRequests {
  private PodRequests() {}

  /** Requests assumed for a container that states no cpu/memory request, for scoring only. */
  public static final long DEFAULT_MILLI_CPU_REQUEST = 100;
  public static final long DEFAULT_MEMORY_REQUEST = 200L * 1024 * 1024;

  /** Actual requests, as NodeResourcesFit's filter and BalancedAllocation use them. */
  public static Resource of(Pod pod) {
    return compute(pod, false);
  }

  /** Requests with 100m / 200Mi substituted for missing cpu/memory requests, as scoring uses them. */
  public static Resource nonZero(Pod pod) {
    return compute(pod, true);
  }

  private static Resource compute(Pod pod, boolean nonZero) {
    Resource reqs = sum(pod.spec().containers(), nonZero);
    Resource restartable = Resource.ZERO;
    Resource init = Resource.ZERO;
    for (Container c : pod.spec().initContainers()) {
      Resource r = container(c, nonZero);
      if (c.isSidecar()) {
        // Sidecars keep running next to the app containers and every later init container.
        reqs = reqs.plus(r);
        restartable = restartable.plus(r);
        r = restartable;
      } else {
        r = r.plus(restartable);
      }
      init = init.max(r);
    }
    reqs = reqs.max(init);
    if (!pod.spec().overhead().isEmpty()) reqs = reqs.plus(Resource.of(pod.spec().overhead()));
    return new Resource(reqs.milliCpu(), reqs.memory(), reqs.ephemeralStorage(), 0, reqs.scalar());
  }

  private static Resource sum(List<Container> containers, boolean nonZero) {
    Resource total = Resource.ZERO;
    for (Container c : containers) total = total.plus(container(c, nonZero));
    return total;
  }

  private static Resource container(Container c, boolean nonZero) {
    Map<String, Quantity> requests = c.resources().requests();
    if (nonZero && !(requests.containsKey(ResourceNames.CPU) && requests.containsKey(ResourceNames.MEMORY))) {
      requests = new HashMap<>(requests);
      requests.putIfAbsent(ResourceNames.CPU, Quantity.ofMilli(DEFAULT_MILLI_CPU_REQUEST));
      requests.putIfAbsent(ResourceNames.MEMORY, Quantity.of(DEFAULT_MEMORY_REQUEST));
    }
    return Resource.of(requests);
  }
}
