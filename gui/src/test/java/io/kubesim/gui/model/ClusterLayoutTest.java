package io.kubesim.gui.model;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubesim.gui.model.ClusterLayout.Tile;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ClusterLayoutTest {

  static List<NodeView> nodes(int count, int zones) {
    List<NodeView> out = new ArrayList<>();
    for (int i = 0; i < count; i++) out.add(new NodeView("node-" + i, "region-1", "zone-" + (char) ('a' + i % zones), List.of(), false, false, 8000));
    return out;
  }

  @Test
  void zoomedInEightfoldFiveThousandNodesShowTheirPodsAgain() {
    assertThat(ClusterLayout.of(nodes(5000, 3), 1400, 800 * 8).detailed()).isTrue();
  }

  @Test
  void aSmallClusterGetsLargeTilesThatShowPods() {
    ClusterLayout l = ClusterLayout.of(nodes(9, 3), 1400, 800);
    assertThat(l.detailed()).isTrue();
    assertThat(l.tiles()).hasSize(9);
  }

  @Test
  void fiveThousandNodesFitTheViewAsSmallNonOverlappingTilesGroupedByZone() {
    double width = 1400, height = 800;
    ClusterLayout l = ClusterLayout.of(nodes(5000, 3), width, height);
    assertThat(l.detailed()).isFalse();
    assertThat(l.tile()).isGreaterThanOrEqualTo(4);
    assertThat(l.tiles()).hasSize(5000).allSatisfy(t -> {
      assertThat(t.x()).isBetween(0.0, width - t.size());
      assertThat(t.y() + t.size()).isLessThanOrEqualTo(height);
    });
    Tile a = l.tileOf("node-0"), b = l.tileOf("node-3");
    assertThat(b.y()).isEqualTo(a.y());
    assertThat(b.x()).isGreaterThan(a.x());
    assertThat(l.tileAt(a.x() + 1, a.y() + 1)).isEqualTo(a);
    assertThat(l.headers()).extracting(ClusterLayout.Box::label).containsExactly("region-1", "zone-a", "zone-b", "zone-c");
  }
}
