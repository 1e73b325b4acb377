package io.kubesim.kubelet.cm.cpuset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class CpuSetTest {

  record Parse(String description, String text, List<Integer> ids, String canonical) {
    @Override
    public String toString() {
      return description;
    }
  }

  static Stream<Parse> parses() {
    return Stream.of(
        new Parse("the empty string is the empty set", "", List.of(), ""),
        new Parse("a single id stands alone", "7", List.of(7), "7"),
        new Parse("a range includes both ends", "0-3", List.of(0, 1, 2, 3), "0-3"),
        new Parse("ids and ranges mix and collapse", "0-3,8,10-11", List.of(0, 1, 2, 3, 8, 10, 11), "0-3,8,10-11"),
        new Parse("order and duplicates do not matter", "8,3,2,3,1", List.of(1, 2, 3, 8), "1-3,8"),
        new Parse("a one-element range is an id", "5-5", List.of(5), "5"),
        new Parse("two neighbours print as a range", "4,5", List.of(4, 5), "4-5"),
        new Parse("blanks around items are tolerated", " 1 , 3-4 ", List.of(1, 3, 4), "1,3-4"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("parses")
  void parsesAndFormatsTheCpusetListSyntax(Parse p) {
    CpuSet s = CpuSet.parse(p.text);
    assertThat(s.list()).isEqualTo(p.ids);
    assertThat(s).hasToString(p.canonical);
    assertThat(CpuSet.parse(s.toString())).isEqualTo(s);
  }

  record Bad(String text, String message) {
    @Override
    public String toString() {
      return "\"" + text + "\" is rejected";
    }
  }

  static Stream<Bad> bad() {
    return Stream.of(
        new Bad("3-1", "invalid range \"3-1\" (3 > 1)"),
        new Bad("a", "\"a\" is not an id or a range of ids"),
        new Bad("1,,2", "empty item"),
        new Bad("-1", "\"-1\" is not an id or a range of ids"),
        new Bad("1-", "\"1-\" is not an id or a range of ids"),
        new Bad("99999999999", "out of range"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("bad")
  void rejectsMalformedTextWithAClearMessage(Bad b) {
    assertThatThrownBy(() -> CpuSet.parse(b.text)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("invalid cpuset \"" + b.text + "\"").hasMessageContaining(b.message);
  }

  @Test
  void setOperationsFollowSetAlgebra() {
    CpuSet a = CpuSet.parse("0-5");
    CpuSet b = CpuSet.parse("4-9");
    assertThat(a.union(b)).hasToString("0-9");
    assertThat(a.intersection(b)).hasToString("4-5");
    assertThat(a.difference(b)).hasToString("0-3");
    assertThat(a.contains(5)).isTrue();
    assertThat(a.contains(6)).isFalse();
    assertThat(CpuSet.parse("4-5").isSubsetOf(a)).isTrue();
    assertThat(b.isSubsetOf(a)).isFalse();
    assertThat(a.size()).isEqualTo(6);
    assertThat(CpuSet.EMPTY.isEmpty()).isTrue();
    assertThat(CpuSet.range(3, 1)).isEqualTo(CpuSet.EMPTY);
  }

  @Test
  void randomSetsAgreeWithTreeSet() {
    long seed = io.kubesim.PropertySeed.base();
    Random r = new Random(seed);
    for (int round = 0; round < 500; round++) {
      TreeSet<Integer> x = randomSet(r);
      TreeSet<Integer> y = randomSet(r);
      CpuSet a = CpuSet.of(x);
      CpuSet b = CpuSet.of(y);
      TreeSet<Integer> union = new TreeSet<>(x);
      union.addAll(y);
      TreeSet<Integer> inter = new TreeSet<>(x);
      inter.retainAll(y);
      TreeSet<Integer> diff = new TreeSet<>(x);
      diff.removeAll(y);
      String why = "seed " + seed + ", round " + round + ": " + x + " and " + y;
      assertThat(a.union(b).list()).as(why).containsExactlyElementsOf(union);
      assertThat(a.intersection(b).list()).as(why).containsExactlyElementsOf(inter);
      assertThat(a.difference(b).list()).as(why).containsExactlyElementsOf(diff);
      assertThat(CpuSet.parse(a.toString())).as(why).isEqualTo(a);
    }
  }

  private static TreeSet<Integer> randomSet(Random r) {
    TreeSet<Integer> s = new TreeSet<>();
    int n = r.nextInt(20);
    for (int i = 0; i < n; i++) s.add(r.nextInt(40));
    return s;
  }
}
