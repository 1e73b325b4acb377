package io.kubesim.controllers.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubesim.api.ObjectMeta;
import io.kubesim.api.PodTemplateSpec;
import io.kubesim.api.Quantity;
import io.kubesim.api.ResourceRequirements;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PodTemplateHashTest {
  @Test
  void fnv32aMatchesTheReferenceVectors() {
    assertThat(PodTemplateHash.fnv32a(new byte[0])).isEqualTo(0x811c9dc5);
    assertThat(PodTemplateHash.fnv32a("a".getBytes(StandardCharsets.UTF_8))).isEqualTo(0xe40c292c);
    assertThat(PodTemplateHash.fnv32a("foobar".getBytes(StandardCharsets.UTF_8))).isEqualTo(0xbf9cf968);
  }

  @Test
  void safeEncodeMapsDigitsThroughTheAlphabetModulo27() {
    assertThat(PodTemplateHash.safeEncode("0123456789")).isEqualTo("456789bcdf");
  }

  @Test
  void theHashIsUpstreamsAlphabetAndLength() {
    String h = PodTemplateHash.compute(Fixtures.template("v1"), null);
    assertThat(h).hasSizeBetween(1, 10).matches("[456789bcdf]+");
    assertThat(PodTemplateHash.compute(Fixtures.template("v1"), null)).isEqualTo(h);
  }

  @Test
  void differentTemplatesAndCollisionCountsGiveDifferentHashes() {
    String v1 = PodTemplateHash.compute(Fixtures.template("v1"), null);
    assertThat(PodTemplateHash.compute(Fixtures.template("v2"), null)).isNotEqualTo(v1);
    assertThat(PodTemplateHash.compute(Fixtures.template("v1"), 0)).isNotEqualTo(v1);
    assertThat(PodTemplateHash.compute(Fixtures.template("v1"), 1)).isNotEqualTo(PodTemplateHash.compute(Fixtures.template("v1"), 0));
  }

  @Test
  void mapOrderAndQuantitySpellingDoNotChangeTheHash() {
    Map<String, String> ab = new LinkedHashMap<>();
    ab.put("a", "1");
    ab.put("b", "2");
    Map<String, String> ba = new LinkedHashMap<>();
    ba.put("b", "2");
    ba.put("a", "1");
    PodTemplateSpec t1 = new PodTemplateSpec(ObjectMeta.named("").withLabels(ab), Fixtures.template("v1").spec());
    PodTemplateSpec t2 = new PodTemplateSpec(ObjectMeta.named("").withLabels(ba), Fixtures.template("v1").spec());
    assertThat(PodTemplateHash.compute(t1, null)).isEqualTo(PodTemplateHash.compute(t2, null));
    assertThat(PodTemplateHash.canonical(withCpu("1"))).isEqualTo(PodTemplateHash.canonical(withCpu("1000m")));
    assertThat(PodTemplateHash.canonical(withCpu("1"))).isNotEqualTo(PodTemplateHash.canonical(withCpu("2")));
  }

  private static PodTemplateSpec withCpu(String cpu) {
    var c = new io.kubesim.api.Container("app", "v1", new ResourceRequirements(Map.of("cpu", Quantity.parse(cpu)), Map.of()), null, null);
    var spec = new io.kubesim.api.PodSpec(null, null, null, null, null, null, java.util.List.of(c), null, null, null, null, null);
    return new PodTemplateSpec(ObjectMeta.named(""), spec);
  }

  @Test
  void equalityIgnoresOnlyThePodTemplateHashLabel() {
    PodTemplateSpec t = Fixtures.template("v1");
    assertThat(PodTemplateHash.equalIgnoringHash(t, PodTemplateHash.withHashLabel(t, "abc"))).isTrue();
    Map<String, String> labels = new HashMap<>(t.metadata().labels());
    labels.put("tier", "web");
    assertThat(PodTemplateHash.equalIgnoringHash(t, new PodTemplateSpec(t.metadata().withLabels(labels), t.spec()))).isFalse();
    assertThat(PodTemplateHash.equalIgnoringHash(t, Fixtures.template("v2"))).isFalse();
  }

  @Test
  void theHashLabelIsAddedToACopy() {
    PodTemplateSpec t = Fixtures.template("v1");
    assertThat(PodTemplateHash.withHashLabel(t, "5d4b").metadata().labels()).containsEntry("pod-template-hash", "5d4b").containsEntry("app", "foo");
    assertThat(t.metadata().labels()).doesNotContainKey("pod-template-hash");
  }
}
