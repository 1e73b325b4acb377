package io.kubesim.scenarios;

import io.kubesim.yaml.InputError;
import io.kubesim.yaml.Suggest;
import io.kubesim.yaml.YamlNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Variant {@code set} paths applied to a located YAML tree. A path is a dotted list of keys, each
 * optionally followed by list selectors: {@code [2]} (an index) or {@code [name=web]} (the one item
 * whose {@code name}, or {@code metadata.name}, is {@code web}; any field works, e.g.
 * {@code [kind=Deployment]}); a key containing dots is written {@code ["example.com/tier"]}.
 * Missing mapping keys along the way are created; list items must exist. The new value keeps its
 * own file positions, so errors in it point at the variant that wrote it.
 */
public final class TreeEdit {
  private TreeEdit() {}

  /** One step of a path. */
  sealed interface Segment permits Key, Index, Match {}

  record Key(String name) implements Segment {}

  record Index(int index) implements Segment {}

  record Match(String field, String value) implements Segment {}

  /** Parses a path; problems are errors at {@code at}. */
  static List<Segment> parse(String path, YamlNode at) {
    List<Segment> out = new ArrayList<>();
    int i = 0, n = path.length();
    boolean expectKey = true;
    while (i < n) {
      char c = path.charAt(i);
      if (c == '[') {
        if (path.startsWith("[\"", i)) {
          int close = path.indexOf("\"]", i + 2);
          if (close < 0) throw at.error("invalid path \"" + path + "\": unclosed [\"");
          out.add(new Key(path.substring(i + 2, close)));
          i = close + 2;
          expectKey = false;
          continue;
        }
        int close = path.indexOf(']', i);
        if (close < 0) throw at.error("invalid path \"" + path + "\": unclosed \"[\"");
        String inner = path.substring(i + 1, close);
        if (inner.matches("[0-9]+")) {
          if (inner.length() > 9) throw at.error("invalid path \"" + path + "\": index " + inner + " is out of range");
          out.add(new Index(Integer.parseInt(inner)));
        } else if (inner.matches("[^=]+=[^=]*")) {
          int eq = inner.indexOf('=');
          out.add(new Match(inner.substring(0, eq).strip(), inner.substring(eq + 1).strip()));
        } else {
          throw at.error("invalid path \"" + path + "\": \"[" + inner + "]\" is not an index, [field=value] or [\"key\"]");
        }
        i = close + 1;
        expectKey = false;
      } else if (c == '.') {
        if (expectKey) throw at.error("invalid path \"" + path + "\": empty key at position " + (i + 1));
        i++;
        expectKey = true;
        if (i == n) throw at.error("invalid path \"" + path + "\": ends with \".\"");
      } else {
        if (!expectKey) throw at.error("invalid path \"" + path + "\": expected \".\" or \"[\" at position " + (i + 1));
        int end = i;
        while (end < n && path.charAt(end) != '.' && path.charAt(end) != '[') end++;
        out.add(new Key(path.substring(i, end)));
        i = end;
        expectKey = false;
      }
    }
    if (out.isEmpty()) throw at.error("invalid path: empty");
    return out;
  }

  /** {@code root} with the value at {@code path} replaced by (or set to) {@code value}. */
  public static YamlNode set(YamlNode root, String path, YamlNode value, YamlNode at) {
    return set(root, parse(path, at), 0, value, path, at);
  }

  private static YamlNode set(YamlNode node, List<Segment> segs, int i, YamlNode value, String full, YamlNode at) {
    Segment seg = segs.get(i);
    boolean last = i == segs.size() - 1;
    String where = node.path().isEmpty() ? "the top level" : node.path();
    if (seg instanceof Key k) {
      if (!(node instanceof YamlNode.Map m)) {
        throw at.error("path \"" + full + "\": " + where + " is " + node.kind() + ", not a mapping with \"" + k.name() + "\"");
      }
      String childPath = m.path().isEmpty() ? k.name() : m.path() + "." + k.name();
      YamlNode child = m.get(k.name());
      YamlNode replaced;
      if (last) {
        replaced = rePath(value, childPath);
      } else {
        if (child == null || child.isNull()) {
          if (!(segs.get(i + 1) instanceof Key)) {
            throw at.error("path \"" + full + "\": " + childPath + " does not exist, so it has no list items to select");
          }
          child = new YamlNode.Map(at.mark(), childPath, new LinkedHashMap<>());
        }
        replaced = set(child, segs, i + 1, value, full, at);
      }
      Map<String, YamlNode> fields = new LinkedHashMap<>(m.fields());
      fields.put(k.name(), replaced);
      return new YamlNode.Map(m.mark(), m.path(), fields);
    }
    if (!(node instanceof YamlNode.Seq s)) {
      throw at.error("path \"" + full + "\": " + where + " is " + node.kind() + ", not a list");
    }
    int index;
    if (seg instanceof Index ix) {
      index = ix.index();
      if (index >= s.items().size()) {
        throw at.error("path \"" + full + "\": " + where + " has " + s.items().size() + " item(s), no [" + index + "]");
      }
    } else {
      Match mt = (Match) seg;
      List<Integer> hits = new ArrayList<>();
      List<String> seen = new ArrayList<>();
      for (int j = 0; j < s.items().size(); j++) {
        String v = field(s.items().get(j), mt.field());
        if (v != null) seen.add(v);
        if (mt.value().equals(v)) hits.add(j);
      }
      if (hits.isEmpty()) {
        throw at.error("path \"" + full + "\": no item of " + where + " has " + mt.field() + "=" + mt.value()
            + Suggest.closest(mt.value(), seen) + (seen.isEmpty() ? "" : "; found: " + String.join(", ", seen)));
      }
      if (hits.size() > 1) {
        throw at.error("path \"" + full + "\": " + hits.size() + " items of " + where + " have " + mt.field() + "=" + mt.value()
            + " (items " + hits + "); select one by index or by another field");
      }
      index = hits.get(0);
    }
    List<YamlNode> items = new ArrayList<>(s.items());
    String itemPath = s.path() + "[" + index + "]";
    items.set(index, last ? rePath(value, itemPath) : set(items.get(index), segs, i + 1, value, full, at));
    return new YamlNode.Seq(s.mark(), s.path(), items);
  }

  /** The item's {@code field}, or its {@code metadata.field}, as text; null when absent. */
  private static String field(YamlNode item, String field) {
    if (!(item instanceof YamlNode.Map m)) return null;
    YamlNode v = m.opt(field);
    if (v == null && m.opt("metadata") instanceof YamlNode.Map meta) v = meta.opt(field);
    return v instanceof YamlNode.Scalar sc ? sc.text() : null;
  }

  /** The same value with paths as if it were written at {@code path}; marks unchanged. */
  public static YamlNode rePath(YamlNode node, String path) {
    if (node instanceof YamlNode.Map m) {
      Map<String, YamlNode> fields = new LinkedHashMap<>();
      m.fields().forEach((k, v) -> fields.put(k, rePath(v, path.isEmpty() ? k : path + "." + k)));
      return new YamlNode.Map(m.mark(), path, fields);
    }
    if (node instanceof YamlNode.Seq s) {
      List<YamlNode> items = new ArrayList<>();
      for (YamlNode item : s.items()) items.add(rePath(item, path + "[" + items.size() + "]"));
      return new YamlNode.Seq(s.mark(), path, items);
    }
    YamlNode.Scalar sc = (YamlNode.Scalar) node;
    return new YamlNode.Scalar(sc.mark(), path, sc.type(), sc.text());
  }

  /** Exposed for error checks of the root key. */
  static String rootKey(String path, YamlNode at) {
    Segment first = parse(path, at).get(0);
    if (first instanceof Key k) return k.name();
    throw new InputError(at.mark(), at.path(), "invalid path \"" + path + "\": must start with a field name");
  }
}
