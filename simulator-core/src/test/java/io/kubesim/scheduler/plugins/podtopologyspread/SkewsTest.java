package io.kubesim.scheduler.plugins.podtopologyspread;

import static io.kubesim.scheduler.plugins.podtopologyspread.SpreadFixtures.cluster;
import static io.kubesim.scheduler.plugins.podtopologyspread.SpreadFixtures.zoned;
import static io.kubesim.testing.LabelSelectors.exists;
import static io.kubesim.testing.Pods.pod;
import static io.kubesim.testing.TopologySpreadConstraints.doNotSchedule;
import static io.kubesim.testing.TopologySpreadConstraints.scheduleAnyway;
import static org.assertj.core.api.Assertions.assertThat;

import io.kubesim.cluster.Cluster;
import io.kubesim.scheduler.framework.Features;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The public skew helper counts like PreFilter, for hard and soft constraints. */
class SkewsTest {

  @Test
  void domainCountsAndSkewPerConstraint() {
    Cluster cluster = cluster(
        List.of(zoned("node-a", "zone1"), zoned("node-b", "zone1"), zoned("node-x", "zone2"), zoned("node-y", "zone3")),
        List.of(pod("a1").label("foo", "").node("node-a"), pod("a2").label("foo", "").node("node-a"), pod("b1").label("foo", "").node("node-b"),
            pod("x1").label("foo", "").node("node-x")));
    var pod = pod("p").label("foo", "")
        .spreadConstraint(scheduleAnyway(1, "kubernetes.io/hostname").matchExpressions(exists("foo")))
        .spreadConstraint(doNotSchedule(1, "zone").matchExpressions(exists("foo")).minDomains(4))
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
