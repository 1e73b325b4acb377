package io.kubesim.scheduler.plugins.noderesources;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubesim.scheduler.framework.NodeInfo;
import io.kubesim.scheduler.framework.PodInfo;
import io.kubesim.scheduler.framework.Resource;
import io.kubesim.testing.Nodes;
import io.kubesim.testing.Pods;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * NodeResourcesFit's allocation-free check against the full one on random nodes and requests: it
 * says "fits" exactly when the full check finds nothing insufficient, and defers (false) for every
 * request with scalar resources.
 */
class FitFastPathDifferentialTest {

  @Test
  void theAllocationFreeCheckAgreesWithTheFullCheck() {
    long seed = io.kubesim.PropertySeed.base();
    Random r = new Random(seed);
    int fits = 0;
    for (int round = 0; round < 3000; round++) {
      Map<String, String> alloc = new HashMap<>(Map.of("cpu", (r.nextInt(8000)) + "m", "memory", r.nextInt(8192) + "Mi",
          "pods", String.valueOf(r.nextInt(6))));
      if (r.nextBoolean()) alloc.put("ephemeral-storage", r.nextInt(100) + "Gi");
      if (r.nextInt(4) == 0) alloc.put("example.com/gpu", String.valueOf(r.nextInt(3)));
      NodeInfo node = new NodeInfo(0, Nodes.node("n").allocatable(alloc).build());
      int existing = r.nextInt(5);
      for (int i = 0; i < existing; i++) node.addPod(PodInfo.of(Pods.pod("e" + i).requests(randomRequests(r, false)).build()));
      Resource request = PodInfo.of(Pods.pod("p").requests(randomRequests(r, r.nextInt(5) == 0)).build()).requests();
      boolean full = Fit.fitsRequest(request, node, Set.of(), Set.of()).isEmpty();
      boolean fast = Fit.fitsWithoutScalars(request, node);
      String why = "seed " + seed + ", round " + round + ": " + request + " on " + node.allocatable() + " with " + node.requested();
      if (request.scalar().isEmpty()) {
        assertThat(fast).as(why).isEqualTo(full);
      } else {
        assertThat(fast).as(why).isFalse();
      }
      if (fast) fits++;
    }
    assertThat(fits).as("rounds where the pod fits").isGreaterThan(100);
  }

  private static Map<String, String> randomRequests(Random r, boolean scalar) {
    Map<String, String> out = new HashMap<>();
    if (r.nextInt(4) > 0) out.put("cpu", r.nextInt(3000) + "m");
    if (r.nextInt(4) > 0) out.put("memory", r.nextInt(3000) + "Mi");
    if (r.nextInt(6) == 0) out.put("ephemeral-storage", r.nextInt(30) + "Gi");
    if (scalar) out.put("example.com/gpu", String.valueOf(1 + r.nextInt(2)));
    return out;
  }
}
