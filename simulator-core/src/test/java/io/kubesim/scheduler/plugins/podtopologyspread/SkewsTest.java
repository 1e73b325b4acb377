package io.kubesim.scheduler.plugins.podtopologyspread;

import static io.kubesim.scheduler.plugins.podtopologyspread.TestClusters.cluster;
import static io.kubesim.scheduler.plugins.podtopologyspread.TestNodes.zoned;
import static io.kubesim.scheduler.plugins.podtopologyspread.TestPods.pod;
import static org.assertj.core.api.Assertions.assertThat;

import io.kubesim.cluster.Cluster;
import io.kubesim.scheduler.framework.Features;
import io.kubesim.scheduler.plugins.podtopologyspread.TestPods.Spread;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The public skew helper counts like PreFilter, for hard and soft constraints. */
class SkewsTest {

  @Test
  void domainCountsAndSkewPerConstraint() {
    Cluster cluster = cluster(
        List.of(zoned("node-a", "zone1"), zoned("node-b", "zone1"), zoned("node-x", "zone2"), zoned("node-y", "zone3")),
        List.of(pod("a1").label("foo", "").on("node-a"), pod("a2").label("foo", "").on("node-a"), pod("b1").label("foo", "").on("node-b"),
            pod("x1").label("foo", "").on("node-x")));
    var pod = pod("p").label("foo", "")
        .spread(Spread.soft(1, "kubernetes.io/hostname").exists("foo"))
        .spread(Spread.hard(1, "zone").exists("foo").minDomains(4))
        .build();
    List<ConstraintSkew> skews = PodTopologySpread.skews(null, Features.DEFAULTS, pod, cluster);
    assertThat(skews).extracting(ConstraintSkew::whenUnsatisfiable).containsExactly("DoNotSchedule", "ScheduleAnyway");
    ConstraintSkew zone = skews.get(0);
    assertThat(zone.matchNum()).containsOnly(Map.entry("zone1", 3), Map.entry("zone2", 1), Map.entry("zone3", 0));
    assertThat(zone.minMatchNum()).isZero(); // 3 domains < minDomains 4
    assertThat(zone.maxMatchNum()).isEqualTo(3);
    assertThat(zone.skew()).isEqualTo(3);
    assertThat(zone.satisfied()).isFalse();
    ConstraintSkew host = skews.get(1);
    assertThat(host.matchNum()).containsOnly(Map.entry("node-a", 2), Map.entry("node-b", 1), Map.entry("node-x", 1), Map.entry("node-y", 0));
    assertThat(host.skew()).isEqualTo(2);
  }
}
