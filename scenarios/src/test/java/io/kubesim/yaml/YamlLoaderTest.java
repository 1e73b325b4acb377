package io.kubesim.yaml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;

class YamlLoaderTest {
  private final YamlLoader loader = new YamlLoader();

  private YamlNode load(String text) {
    List<YamlNode> docs = loader.loadAll("case.yaml", new StringReader(text));
    return docs.get(0);
  }

  @Test
  void everyValueKnowsItsLineColumnAndPath() {
    YamlNode.Map doc = load("spec:\n  containers:\n  - name: a\n    image: x\n").asMap();
    YamlNode image = doc.require("spec").asMap().require("containers").asSeq().items().get(0).asMap().require("image");
    assertThat(image.mark()).isEqualTo(new Mark("case.yaml", 4, 12));
    assertThat(image.path()).isEqualTo("spec.containers[0].image");
  }

  @Test
  void quotedNumbersAreStringsAndPlainOnesIntegers() {
    YamlNode.Map doc = load("a: \"32\"\nb: 32\nc: true\nd: ~\n").asMap();
    assertThat(doc.get("a").asString()).isEqualTo("32");
    assertThatThrownBy(() -> doc.get("a").asInt()).hasMessage("case.yaml:1:4: a: expected an integer, found string \"32\"");
    assertThat(doc.get("b").asInt()).isEqualTo(32);
    assertThat(doc.get("c").asBoolean()).isTrue();
    assertThat(doc.get("d").isNull()).isTrue();
    assertThat(doc.opt("d")).isNull();
  }

  @Test
  void unknownFieldsAreRejectedWithTheClosestAllowedName() {
    YamlNode.Map doc = load("maxSkw: 1\n").asMap();
    assertThatThrownBy(() -> doc.allowOnly("maxSkew", "topologyKey"))
        .isInstanceOf(InputError.class)
        .hasMessage("case.yaml:1:9: maxSkw: unknown field \"maxSkw\" (did you mean \"maxSkew\"?); allowed: maxSkew, topologyKey");
  }

  @Test
  void unknownEnumValuesSuggestTheClosestOne() {
    YamlNode v = load("w: DoNotSchedul\n").asMap().require("w");
    assertThatThrownBy(() -> v.asEnum(List.of("DoNotSchedule", "ScheduleAnyway")))
        .hasMessageContaining("unknown value \"DoNotSchedul\" (did you mean \"DoNotSchedule\"?)");
  }

  @Test
  void duplicateKeysAreErrors() {
    assertThatThrownBy(() -> load("a: 1\na: 2\n")).isInstanceOf(InputError.class).hasMessageContaining("uplicate");
  }

  @Test
  void malformedYamlIsLocated() {
    assertThatThrownBy(() -> load("a: [1, 2\nb: 3\n")).isInstanceOf(InputError.class).hasMessageStartingWith("case.yaml:").hasMessageContaining("malformed YAML");
  }

  @Test
  void aliasBombsAreRefused() {
    StringBuilder bomb = new StringBuilder("a: &a [x, x, x, x, x, x, x, x, x, x]\n");
    char prev = 'a';
    for (char c = 'b'; c <= 'k'; c++) {
      bomb.append(c).append(": &").append(c).append(" [");
      for (int i = 0; i < 10; i++) bomb.append(i == 0 ? "" : ", ").append('*').append(prev);
      bomb.append("]\n");
      prev = c;
    }
    assertThatThrownBy(() -> load(bomb.toString())).isInstanceOf(InputError.class);
  }

  @Test
  void aliasesStandForTheirAnchoredValue() {
    YamlNode.Map doc = load("base: &labels {app: web}\nother: *labels\n").asMap();
    assertThat(doc.require("other").asStringMap()).containsEntry("app", "web");
    assertThatThrownBy(() -> load("name: &n x\ncopy: *n\n")).hasMessageContaining("aliases of scalar values are not supported");
  }

  @Test
  void tagsNeverInstantiateClasses() {
    YamlNode v = load("a: !!java.io.File /etc/passwd\n").asMap().require("a");
    assertThat(v.asString()).isEqualTo("/etc/passwd");
  }
}
