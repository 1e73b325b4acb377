package io.kubesim.scheduler.plugins.podtopologyspread;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubesim.scheduler.plugins.podtopologyspread.CriticalPaths.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The two-entry minimum tracker, upstream's {@code criticalPaths.update}. */
class CriticalPathsTest {

  record Row(String name, List<Path> updates, Path first, Path second) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Row> rows() {
    return Stream.of(
        new Row("no update leaves both entries unused", List.of(), CriticalPaths.NONE, CriticalPaths.NONE),
        new Row("one domain fills the first entry", List.of(new Path("a", 3)), new Path("a", 3), CriticalPaths.NONE),
        new Row("a smaller new domain pushes the first to second", List.of(new Path("a", 3), new Path("b", 1)),
            new Path("b", 1), new Path("a", 3)),
        new Row("a larger new domain takes the second entry only if smaller than it",
            List.of(new Path("a", 1), new Path("b", 5), new Path("c", 3), new Path("d", 4)), new Path("a", 1), new Path("c", 3)),
        new Row("equal counts keep the first seen", List.of(new Path("a", 2), new Path("b", 2)), new Path("a", 2), new Path("b", 2)),
        new Row("raising the minimum above the second swaps them", List.of(new Path("a", 1), new Path("b", 2), new Path("a", 3)),
            new Path("b", 2), new Path("a", 3)),
        new Row("lowering an untracked domain below the minimum makes it the minimum",
            List.of(new Path("a", 1), new Path("b", 2), new Path("c", 5), new Path("c", 0)), new Path("c", 0), new Path("a", 1)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rows")
  void update(Row row) {
    CriticalPaths p = new CriticalPaths();
    for (Path u : row.updates()) p.update(u.topologyValue(), u.matchNum());
    assertThat(p.first()).isEqualTo(row.first());
    assertThat(p.second()).isEqualTo(row.second());
  }
}
