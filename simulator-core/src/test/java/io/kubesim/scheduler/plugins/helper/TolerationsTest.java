package io.kubesim.scheduler.plugins.helper;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubesim.api.Taint;
import io.kubesim.api.TaintEffect;
import io.kubesim.api.Toleration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Toleration matching (TaintToleration, PodTopologySpread's nodeTaintsPolicy), including the alpha Lt/Gt operators. */
class TolerationsTest {

  @ParameterizedTest(name = "toleration {0} {1} {2} vs taint value {3}, comparison gate {4}: {5}")
  @CsvSource({
      "k, Equal, v, v, false, true",
      "k, Equal, v, w, false, false",
      "k, Exists, '', w, false, true",
      "'', Exists, '', w, false, true",
      "k, Lt, 10, 5, false, false",
      "k, Lt, 10, 5, true, true",
      "k, Lt, 10, 10, true, false",
      "k, Gt, 10, 11, true, true",
      "k, Gt, 10, 9, true, false",
      "k, Gt, 10, x, true, false",
      "k, Gt, 010, 11, true, false",
      "other, Gt, 1, 5, true, false",
  })
  void tolerates(String key, String op, String value, String taintValue, boolean gate, boolean tolerated) {
    Toleration t = new Toleration(key, op, value, null, null);
    assertThat(Tolerations.tolerates(t, new Taint("k", taintValue, TaintEffect.NoSchedule), gate)).isEqualTo(tolerated);
  }
}
