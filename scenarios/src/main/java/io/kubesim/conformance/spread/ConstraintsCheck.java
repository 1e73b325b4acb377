package io.kubesim.conformance.spread;

import io.kubesim.api.labels.Selector;
import io.kubesim.manifest.ManifestDecoder;
import io.kubesim.scheduler.plugins.podtopologyspread.Constraint;
import io.kubesim.yaml.YamlNode;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Compares internal constraints and per-domain counts with a case's expectation. */
final class ConstraintsCheck {
  private ConstraintsCheck() {}

  /** {@code constraints:}: count, then every field; selectors by meaning. */
  static void constraints(String where, YamlNode expected, List<Constraint> got, ManifestDecoder decoder, List<String> diffs) {
    List<YamlNode> items = expected.asSeq().items();
    if (items.size() != got.size()) {
      diffs.add(where + ": got " + got.size() + " constraint(s) " + got + ", expected " + items.size());
      return;
    }
    for (int i = 0; i < items.size(); i++) {
      YamlNode.Map e = items.get(i).asMap()
          .allowOnly("maxSkew", "topologyKey", "selector", "minDomains", "nodeAffinityPolicy", "nodeTaintsPolicy");
      Constraint c = got.get(i);
      String at = where + "[" + i + "]";
      if (e.has("maxSkew")) same(at + ".maxSkew", c.maxSkew(), e.require("maxSkew").asInt(), diffs);
      if (e.has("topologyKey")) same(at + ".topologyKey", c.topologyKey(), e.require("topologyKey").asString(), diffs);
      if (e.has("minDomains")) same(at + ".minDomains", c.minDomains(), e.require("minDomains").asInt(), diffs);
      if (e.has("nodeAffinityPolicy")) {
        same(at + ".nodeAffinityPolicy", c.nodeAffinityPolicy().name(), e.require("nodeAffinityPolicy").asString(), diffs);
      }
      if (e.has("nodeTaintsPolicy")) {
        same(at + ".nodeTaintsPolicy", c.nodeTaintsPolicy().name(), e.require("nodeTaintsPolicy").asString(), diffs);
      }
      if (e.has("selector")) selector(at + ".selector", e.get("selector"), c.selector(), decoder, diffs);
    }
  }

  /**
   * {@code selector: null} matches nothing, {@code {}} everything; otherwise the requirements compared as
   * a set, {@code matchLabels {k: v}} being {@code k In [v]}.
   */
  static void selector(String where, YamlNode expected, Selector got, ManifestDecoder decoder, List<String> diffs) {
    Selector want = expected.isNull() ? Selector.NOTHING : Selector.of(decoder.labelSelector(expected));
    boolean same = want.isNothing() == got.isNothing()
        && new HashSet<>(want.requirements()).equals(new HashSet<>(got.requirements()));
    if (!same) diffs.add(where + ": got " + show(got) + ", expected " + show(want));
  }

  private static String show(Selector s) {
    if (s.isNothing()) return "null (matches nothing)";
    if (s.isEmpty()) return "{} (matches everything)";
    return "{" + s + "}";
  }

  /** A list (one per constraint) of domain-to-count maps, compared exactly. */
  static void domainCounts(String where, YamlNode expected, int constraints, java.util.function.IntFunction<Map<String, ? extends Number>> got,
      List<String> diffs) {
    List<YamlNode> items = expected.asSeq().items();
    if (items.size() != constraints) {
      diffs.add(where + ": expected " + items.size() + " map(s) for " + constraints + " constraint(s)");
      return;
    }
    for (int i = 0; i < constraints; i++) {
      Map<String, Long> want = new LinkedHashMap<>();
      items.get(i).asMap().fields().forEach((k, v) -> want.put(k, v.asLong()));
      Map<String, Long> have = new LinkedHashMap<>();
      got.apply(i).forEach((k, v) -> have.put(k, v.longValue()));
      if (!want.equals(have)) diffs.add(where + "[" + i + "]: got " + have + ", expected " + want);
    }
  }

  static void same(String where, Object got, Object expected, List<String> diffs) {
    if (!got.equals(expected)) diffs.add(where + ": got " + got + ", expected " + expected);
  }
}
