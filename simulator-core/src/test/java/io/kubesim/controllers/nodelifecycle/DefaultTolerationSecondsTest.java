package io.kubesim.controllers.nodelifecycle;

import static io.kubesim.controllers.PodBuilder.pod;
import static org.assertj.core.api.Assertions.assertThat;

import io.kubesim.api.Pod;
import io.kubesim.api.TaintEffect;
import io.kubesim.api.Toleration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class DefaultTolerationSecondsTest {
  private static final Toleration NOT_READY_300 = new Toleration(NodeTaints.NOT_READY, "Exists", null, TaintEffect.NoExecute, 300L);
  private static final Toleration UNREACHABLE_300 = new Toleration(NodeTaints.UNREACHABLE, "Exists", null, TaintEffect.NoExecute, 300L);

  record Row(String name, List<Toleration> given, List<Toleration> expected) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Row> rows() {
    Toleration everything = new Toleration("", "Exists", null, null, null);
    Toleration notReady60 = new Toleration(NodeTaints.NOT_READY, "Exists", null, TaintEffect.NoExecute, 60L);
    Toleration notReadyNoSchedule = new Toleration(NodeTaints.NOT_READY, "Exists", null, TaintEffect.NoSchedule, null);
    Toleration anyKeyNoExecute = new Toleration("", "Exists", null, TaintEffect.NoExecute, 10L);
    Toleration unreachableAnyEffect = new Toleration(NodeTaints.UNREACHABLE, "Equal", "x", null, null);
    return Stream.of(
        new Row("no tolerations: both 300 s tolerations are appended, not-ready first", List.of(), List.of(NOT_READY_300, UNREACHABLE_300)),
        new Row("a toleration of everything covers both", List.of(everything), List.of(everything)),
        new Row("an own not-ready toleration keeps its seconds; only unreachable is added", List.of(notReady60), List.of(notReady60, UNREACHABLE_300)),
        new Row("a NoSchedule toleration does not count", List.of(notReadyNoSchedule), List.of(notReadyNoSchedule, NOT_READY_300, UNREACHABLE_300)),
        new Row("an empty key with NoExecute covers both", List.of(anyKeyNoExecute), List.of(anyKeyNoExecute)),
        new Row("operator and value are not looked at", List.of(unreachableAnyEffect), List.of(unreachableAnyEffect, NOT_READY_300)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rows")
  void admissionAppendsTheMissingDefaults(Row row) {
    Pod p = pod("p").build().withSpec(pod("p").build().spec().withTolerations(row.given()));
    assertThat(DefaultTolerationSeconds.admit(p).spec().tolerations()).containsExactlyElementsOf(row.expected());
  }
}
