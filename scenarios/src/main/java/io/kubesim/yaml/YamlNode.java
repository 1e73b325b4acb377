package io.kubesim.yaml;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * One value of a YAML document with its {@link Mark} and field path. Readers ask for the type they
 * need ({@link #asMap()}, {@link #asInt()}, ...) and get an {@link InputError} naming the place when
 * the value is of another type.
 */
public sealed interface YamlNode permits YamlNode.Map, YamlNode.Seq, YamlNode.Scalar {

  Mark mark();

  /** Field path from the document root, e.g. {@code spec.containers[1].resources}. */
  String path();

  /** What the value is, in words for error messages. */
  String kind();

  default InputError error(String problem) {
    return new InputError(mark(), path(), problem);
  }

  default Map asMap() {
    if (this instanceof Map m) return m;
    throw error("expected a mapping, found " + kind());
  }

  default Seq asSeq() {
    if (this instanceof Seq s) return s;
    throw error("expected a list, found " + kind());
  }

  default Scalar asScalar() {
    if (this instanceof Scalar s && !s.isNull()) return s;
    throw error("expected a scalar value, found " + kind());
  }

  default boolean isNull() {
    return this instanceof Scalar s && s.type() == ScalarType.NULL;
  }

  /** The text of a scalar; numbers and booleans are accepted as their written form. */
  default String asString() {
    return asScalar().text();
  }

  default int asInt() {
    Scalar s = asScalar();
    if (s.type() != ScalarType.INT) throw error("expected an integer, found " + kind());
    try {
      return Integer.parseInt(s.text());
    } catch (NumberFormatException e) {
      throw error("integer " + s.text() + " is out of range");
    }
  }

  default long asLong() {
    Scalar s = asScalar();
    if (s.type() != ScalarType.INT) throw error("expected an integer, found " + kind());
    try {
      return Long.parseLong(s.text());
    } catch (NumberFormatException e) {
      throw error("integer " + s.text() + " is out of range");
    }
  }

  default boolean asBoolean() {
    Scalar s = asScalar();
    if (s.type() != ScalarType.BOOLEAN) throw error("expected true or false, found " + kind());
    return Boolean.parseBoolean(s.text());
  }

  /** A string that must be one of {@code allowed}; the error suggests the closest one. */
  default String asEnum(Collection<String> allowed) {
    String v = asString();
    if (allowed.contains(v)) return v;
    throw error(Suggest.unknownValue(v, allowed));
  }

  /** A map of strings to strings, as labels, annotations or nodeSelector are written. */
  default java.util.Map<String, String> asStringMap() {
    java.util.Map<String, String> out = new LinkedHashMap<>();
    asMap().fields().forEach((k, v) -> out.put(k, v.isNull() ? "" : v.asString()));
    return out;
  }

  default List<String> asStringList() {
    return asSeq().map(YamlNode::asString);
  }

  enum ScalarType { STRING, INT, FLOAT, BOOLEAN, NULL }

  record Scalar(Mark mark, String path, ScalarType type, String text) implements YamlNode {
    @Override
    public String kind() {
      return switch (type) {
        case NULL -> "null";
        case STRING -> "string \"" + text + "\"";
        default -> type.name().toLowerCase() + " " + text;
      };
    }
  }

  record Seq(Mark mark, String path, List<YamlNode> items) implements YamlNode {
    @Override
    public String kind() {
      return "a list";
    }

    public <T> List<T> map(Function<YamlNode, T> reader) {
      List<T> out = new ArrayList<>(items.size());
      for (YamlNode item : items) out.add(reader.apply(item));
      return out;
    }
  }

  /** A mapping; keys keep their document order. */
  record Map(Mark mark, String path, java.util.Map<String, YamlNode> fields) implements YamlNode {
    @Override
    public String kind() {
      return "a mapping";
    }

    public boolean has(String key) {
      return fields.containsKey(key);
    }

    /** The value, or {@code null} when the key is absent (a present {@code null} is a Scalar). */
    public YamlNode get(String key) {
      return fields.get(key);
    }

    /** The value, or {@code null} when the key is absent or explicitly null. */
    public YamlNode opt(String key) {
      YamlNode v = fields.get(key);
      return v == null || v.isNull() ? null : v;
    }

    public YamlNode require(String key) {
      YamlNode v = opt(key);
      if (v == null) throw error("missing required field \"" + key + "\"");
      return v;
    }

    public <T> T opt(String key, Function<YamlNode, T> reader, T absent) {
      YamlNode v = opt(key);
      return v == null ? absent : reader.apply(v);
    }

    /** Rejects any key not in {@code allowed}, suggesting the closest allowed one. */
    public Map allowOnly(Set<String> allowed) {
      for (java.util.Map.Entry<String, YamlNode> e : fields.entrySet()) {
        if (!allowed.contains(e.getKey())) {
          throw new InputError(e.getValue().mark(), e.getValue().path(), Suggest.unknownField(e.getKey(), allowed));
        }
      }
      return this;
    }

    public Map allowOnly(String... allowed) {
      return allowOnly(Set.of(allowed));
    }
  }
}
