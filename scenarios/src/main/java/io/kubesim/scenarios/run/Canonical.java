package io.kubesim.scenarios.run;

import java.lang.reflect.RecordComponent;
import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;

/** A text form of API records that does not depend on map iteration order (for hashing). */
final class Canonical {
  private Canonical() {}

  static String text(Object o) {
    StringBuilder sb = new StringBuilder();
    append(sb, o);
    return sb.toString();
  }

  private static void append(StringBuilder sb, Object o) {
    if (o == null) {
      sb.append("null");
    } else if (o instanceof Map<?, ?> m) {
      TreeMap<String, Object> sorted = new TreeMap<>();
      m.forEach((k, v) -> sorted.put(String.valueOf(k), v));
      sb.append('{');
      sorted.forEach((k, v) -> {
        sb.append(k).append('=');
        append(sb, v);
        sb.append(',');
      });
      sb.append('}');
    } else if (o instanceof Collection<?> c) {
      sb.append('[');
      for (Object x : c) {
        append(sb, x);
        sb.append(',');
      }
      sb.append(']');
    } else if (o.getClass().isRecord()) {
      sb.append(o.getClass().getSimpleName()).append('(');
      for (RecordComponent rc : o.getClass().getRecordComponents()) {
        sb.append(rc.getName()).append('=');
        try {
          append(sb, rc.getAccessor().invoke(o));
        } catch (ReflectiveOperationException e) {
          throw new IllegalStateException(e);
        }
        sb.append(',');
      }
      sb.append(')');
    } else {
      sb.append(o);
    }
  }

  /** Upstream's {@code rand.SafeEncodeString} of the FNV-32a hash's decimal digits (as pod-template-hash). */
  static String hash(Object o) {
    int h = 0x811c9dc5;
    for (byte b : text(o).getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
      h ^= (b & 0xff);
      h *= 0x01000193;
    }
    String digits = Long.toString(Integer.toUnsignedLong(h));
    String alphabet = "bcdfghjklmnpqrstvwxz2456789";
    StringBuilder out = new StringBuilder();
    for (char c : digits.toCharArray()) out.append(alphabet.charAt(c % alphabet.length()));
    return out.toString();
  }
}
