package io.kubesim.controllers.deployment;

import static io.kubesim.api.IntOrString.of;
import static io.kubesim.controllers.deployment.Fixtures.rs;
import static org.assertj.core.api.Assertions.assertThat;

import io.kubesim.api.Deployment;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class RevisionHistoryTest {
  record Row(String name, List<ReplicaSetState> old, Integer limit, List<String> deleted) {
    @Override
    public String toString() {
      return name;
    }
  }

  private static ReplicaSetState old(String name, int spec, int status, long created, String revision) {
    Fixtures.Rs b = rs(name).image(name).replicas(spec).statusReplicas(status).created(created);
    if (revision != null) b.revision(revision);
    return b.state();
  }

  // upstream sync_test.go TestDeploymentController_cleanupDeployment and ..._cleanupDeploymentOrder
  static Stream<Row> rows() {
    return Stream.of(
        new Row("three empty old sets with limit 1: the two oldest go",
            List.of(old("foo-1", 0, 0, 1, null), old("foo-2", 0, 0, 2, null), old("foo-3", 0, 0, 3, null)), 1, List.of("foo-1", "foo-2")),
        new Row("only sets with spec and status replicas 0 are deleted",
            List.of(old("foo-1", 0, 0, 1, null), old("foo-2", 0, 1, 2, null), old("foo-3", 1, 0, 3, null), old("foo-4", 1, 1, 4, null)), 0,
            List.of("foo-1")),
        new Row("limit 0 deletes every empty set", List.of(old("foo-1", 0, 0, 1, null), old("foo-2", 0, 0, 2, null)), 0,
            List.of("foo-1", "foo-2")),
        new Row("sets with replicas are kept", List.of(old("foo-1", 1, 1, 1, null), old("foo-2", 1, 1, 2, null)), 0, List.of()),
        new Row("a set being deleted is not deleted again", List.of(rs("foo-1").image("x").deleting().state()), 0, List.of()),
        new Row("an unlimited history keeps everything", List.of(old("foo-1", 0, 0, 1, null), old("foo-2", 0, 0, 2, null)), Integer.MAX_VALUE,
            List.of()),
        new Row("lower revision goes first", List.of(old("foo-1", 0, 0, 1, "1"), old("foo-2", 0, 0, 2, "2")), 1, List.of("foo-1")),
        new Row("revision beats creation time", List.of(old("foo-1", 0, 0, 1, "2"), old("foo-2", 0, 0, 2, "1")), 1, List.of("foo-2")),
        new Row("a missing revision counts as 0", List.of(old("foo-1", 0, 0, 1, "1"), old("foo-2", 0, 0, 2, null)), 1, List.of("foo-2")),
        new Row("a candidate with replicas is skipped, not replaced",
            List.of(old("foo-1", 1, 1, 1, "1"), old("foo-2", 0, 0, 2, "2"), old("foo-3", 0, 0, 3, "3")), 1, List.of("foo-2")),
        new Row("both candidates have replicas: nothing is deleted",
            List.of(old("foo-1", 1, 1, 1, "1"), old("foo-2", 1, 1, 2, "2"), old("foo-3", 0, 0, 3, "3")), 1, List.of()),
        new Row("revision order 2 < 4 < 1 < 3 with limit 2",
            List.of(old("foo-1", 0, 0, 1, "3"), old("foo-2", 0, 0, 2, "1"), old("foo-3", 0, 0, 3, "4"), old("foo-4", 0, 0, 4, "2")), 2,
            List.of("foo-2", "foo-4")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rows")
  void keepsAtMostTheHistoryLimit(Row row) {
    Deployment d = Fixtures.withHistoryLimit(Fixtures.deployment(1, of(0), of(1)), row.limit());
    Sync s = new Sync(d, DeploymentStatus.INITIAL, row.old(), List.of(), 0);
    RevisionHistory.cleanup(s, row.old());
    assertThat(s.result(DeploymentSyncResult.Path.ROLLING_UPDATE, DeploymentStatus.INITIAL).deleted()).containsExactlyInAnyOrderElementsOf(row.deleted());
  }
}
