package io.kubesim.scheduler.plugins.nodeports;

import static io.kubesim.testing.Nodes.node;
import static io.kubesim.testing.Pods.pod;
import static org.assertj.core.api.Assertions.assertThat;

import io.kubesim.api.ContainerPort;
import io.kubesim.api.Pod;
import io.kubesim.cluster.Cluster;
import io.kubesim.scheduler.framework.CycleState;
import io.kubesim.scheduler.framework.PodInfo;
import io.kubesim.scheduler.framework.PreFilterResult;
import io.kubesim.scheduler.framework.Status;
import io.kubesim.scheduler.testing.PluginRunner;
import io.kubesim.scheduler.testing.TestClusters;
import io.kubesim.testing.Nodes;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class NodePortsTest {

  private static final Status CONFLICT = Status.unschedulable(NodePorts.ERR_REASON);

  /** {@code "UDP/127.0.0.1/8080"} style ports, as upstream's {@code newPod(host, hostPortInfos...)}. */
  private static ContainerPort[] ports(String... specs) {
    List<ContainerPort> out = new ArrayList<>();
    for (String s : specs) {
      String[] parts = s.split("/");
      int port = Integer.parseInt(parts[2]);
      out.add(new ContainerPort(port, port, parts[0], parts[1]));
    }
    return out.toArray(new ContainerPort[0]);
  }

  private static Pod podWith(String... specs) {
    return pod("p").containerPorts(ports(specs)).build();
  }

  private static Pod existing(String... specs) {
    return pod("existing").node("n").containerPorts(ports(specs)).build();
  }

  record Case(String name, Pod pod, Pod existing, Status want) {
    @Override
    public String toString() {
      return name;
    }
  }

  // Upstream TestNodePorts (node_ports_test.go).
  static Stream<Case> cases() {
    return Stream.of(
        new Case("nothing running", pod("p").build(), null, Status.success()),
        new Case("other port", podWith("UDP/127.0.0.1/8080"), existing("UDP/127.0.0.1/9090"), Status.success()),
        new Case("same udp port", podWith("UDP/127.0.0.1/8080"), existing("UDP/127.0.0.1/8080"), CONFLICT),
        new Case("same tcp port", podWith("TCP/127.0.0.1/8080"), existing("TCP/127.0.0.1/8080"), CONFLICT),
        new Case("different host ip", podWith("TCP/127.0.0.1/8080"), existing("TCP/127.0.0.2/8080"), Status.success()),
        new Case("different protocol", podWith("UDP/127.0.0.1/8080"), existing("TCP/127.0.0.1/8080"), Status.success()),
        new Case("second udp port conflict", podWith("UDP/127.0.0.1/8000", "UDP/127.0.0.1/8080"),
            existing("UDP/127.0.0.1/8080"), CONFLICT),
        new Case("first tcp port conflict", podWith("TCP/127.0.0.1/8001", "UDP/127.0.0.1/8080"),
            existing("TCP/127.0.0.1/8001", "UDP/127.0.0.1/8081"), CONFLICT),
        new Case("first tcp port conflict due to 0.0.0.0 hostIP", podWith("TCP/0.0.0.0/8001"),
            existing("TCP/127.0.0.1/8001"), CONFLICT),
        new Case("TCP hostPort conflict due to 0.0.0.0 hostIP", podWith("TCP/10.0.10.10/8001", "TCP/0.0.0.0/8001"),
            existing("TCP/127.0.0.1/8001"), CONFLICT),
        new Case("second tcp port conflict to 0.0.0.0 hostIP", podWith("TCP/127.0.0.1/8001"),
            existing("TCP/0.0.0.0/8001"), CONFLICT),
        new Case("second different protocol", podWith("UDP/127.0.0.1/8001"), existing("TCP/0.0.0.0/8001"), Status.success()),
        new Case("UDP hostPort conflict due to 0.0.0.0 hostIP", podWith("UDP/127.0.0.1/8001"),
            existing("TCP/0.0.0.0/8001", "UDP/0.0.0.0/8001"), CONFLICT),
        new Case("an empty hostIP means every address", pod("p").hostPort(8080).build(), existing("TCP/10.0.0.1/8080"), CONFLICT),
        new Case("a sidecar's host port is in use for the pod's whole life",
            podWith("TCP/127.0.0.1/8080"), pod("existing").node("n").sidecarContainer(ports("TCP/0.0.0.0/8080")).build(), CONFLICT),
        new Case("the incoming pod's sidecar ports are checked too",
            pod("p").sidecarContainer(ports("TCP/127.0.0.1/8080")).build(), existing("TCP/127.0.0.1/8080"), CONFLICT),
        new Case("a terminating pod still holds its ports",
            podWith("TCP/127.0.0.1/8080"), pod("existing").node("n").terminating().containerPorts(ports("TCP/127.0.0.1/8080")).build(), CONFLICT));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void filters(Case c) {
    Cluster cluster = TestClusters.cluster(List.of(node("n").build()), c.existing() == null ? List.of() : List.of(c.existing()));
    assertThat(PluginRunner.filter(new NodePorts(), cluster, c.pod(), "n")).isEqualTo(c.want());
  }

  @Test
  void prefilter_skips_a_pod_without_host_ports() {
    Pod p = pod("p").containerPorts(new ContainerPort(80, 0, "TCP", "")).build();
    PreFilterResult r = new NodePorts().preFilter(new CycleState(), PodInfo.of(p), new Cluster());
    assertThat(r.status()).isEqualTo(Status.skip());
  }

  @Test
  void an_init_container_that_is_not_a_sidecar_holds_no_port() {
    Pod withInit = new Pod(pod("existing").build().metadata(), new io.kubesim.api.PodSpec("n", null, null, null, null,
        List.of(new io.kubesim.api.Container("init", null, null, List.of(ports("TCP/0.0.0.0/8080")), null)),
        null, null, null, null, null, null), null);
    assertThat(NodePorts.hostPorts(withInit)).isEmpty();
  }
}
