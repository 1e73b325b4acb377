package io.kubesim.controllers.deployment;

import io.kubesim.api.ObjectMeta;
import io.kubesim.api.PodSpec;
import io.kubesim.api.PodTemplateSpec;
import io.kubesim.api.Quantity;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The {@code pod-template-hash} label (upstream {@code controller.ComputeHash} and
 * {@code rand.SafeEncodeString}).
 *
 * <p>Upstream feeds a Go deep-print of the template into FNV-32a, then (when the Deployment has a
 * {@code collisionCount}) 8 more bytes: the count as little-endian uint32 and 4 zero bytes; the
 * 32-bit sum is printed in decimal and every digit mapped through {@link #ALPHANUMS}. Go's
 * printing cannot be reproduced, so we hash a canonical rendering of our record instead
 * ({@link #canonical}: record components in declaration order, maps sorted by key, quantities by
 * value); the rest is upstream's. The result has upstream's alphabet and length but not its value.
 */
public final class PodTemplateHash {
  /** The label key. */
  public static final String LABEL = "pod-template-hash";
  /** Upstream's 27-character alphabet without vowels or confusable characters. */
  public static final String ALPHANUMS = "bcdfghjklmnpqrstvwxz2456789";

  private static final int FNV_OFFSET = 0x811c9dc5;
  private static final int FNV_PRIME = 0x01000193;

  private PodTemplateHash() {}

  /** The hash of {@code template}; {@code collisionCount} null means the Deployment never collided. */
  public static String compute(PodTemplateSpec template, Integer collisionCount) {
    int h = fnv32a(FNV_OFFSET, canonical(template).getBytes(StandardCharsets.UTF_8));
    if (collisionCount != null) {
      int c = collisionCount;
      h = fnv32a(h, new byte[] {(byte) c, (byte) (c >>> 8), (byte) (c >>> 16), (byte) (c >>> 24), 0, 0, 0, 0});
    }
    return safeEncode(Integer.toUnsignedString(h));
  }

  /** FNV-1a, 32 bit, continuing from {@code h} (start with the offset basis 0x811c9dc5). */
  static int fnv32a(int h, byte[] bytes) {
    for (byte b : bytes) h = (h ^ (b & 0xff)) * FNV_PRIME;
    return h;
  }

  static int fnv32a(byte[] bytes) {
    return fnv32a(FNV_OFFSET, bytes);
  }

  /** Upstream {@code SafeEncodeString}: each character {@code c} becomes {@code ALPHANUMS[c % 27]}. */
  public static String safeEncode(String s) {
    StringBuilder sb = new StringBuilder(s.length());
    s.codePoints().forEach(c -> sb.append(ALPHANUMS.charAt(c % ALPHANUMS.length())));
    return sb.toString();
  }

  /**
   * Upstream {@code EqualIgnoreHash}: the two templates are semantically equal once the
   * {@code pod-template-hash} label is removed from both (absent and empty collections are equal;
   * quantities compare by value).
   */
  public static boolean equalIgnoringHash(PodTemplateSpec a, PodTemplateSpec b) {
    return Objects.equals(withoutHash(normalize(a)), withoutHash(normalize(b)));
  }

  /** The template with the hash label added to its labels. */
  static PodTemplateSpec withHashLabel(PodTemplateSpec template, String hash) {
    PodTemplateSpec t = normalize(template);
    Map<String, String> labels = new HashMap<>(t.metadata().labels());
    labels.put(LABEL, hash);
    return new PodTemplateSpec(t.metadata().withLabels(labels), t.spec());
  }

  static PodTemplateSpec normalize(PodTemplateSpec t) {
    if (t == null) return new PodTemplateSpec(emptyMeta(), PodSpec.EMPTY);
    return new PodTemplateSpec(t.metadata() == null ? emptyMeta() : t.metadata(), t.spec() == null ? PodSpec.EMPTY : t.spec());
  }

  private static ObjectMeta emptyMeta() {
    return new ObjectMeta(null, null, null, null, null, null, null, null);
  }

  private static PodTemplateSpec withoutHash(PodTemplateSpec t) {
    if (!t.metadata().labels().containsKey(LABEL)) return t;
    Map<String, String> labels = new HashMap<>(t.metadata().labels());
    labels.remove(LABEL);
    return new PodTemplateSpec(t.metadata().withLabels(labels), t.spec());
  }

  /** The deterministic text the hash is computed over. */
  public static String canonical(PodTemplateSpec template) {
    StringBuilder sb = new StringBuilder();
    render(normalize(template), sb);
    return sb.toString();
  }

  private static void render(Object o, StringBuilder sb) {
    if (o == null) {
      sb.append("nil");
    } else if (o instanceof String s) {
      sb.append('"');
      s.chars().forEach(c -> {
        if (c == '"' || c == '\\') sb.append('\\');
        sb.append((char) c);
      });
      sb.append('"');
    } else if (o instanceof Quantity q) {
      sb.append(q.amount().signum() == 0 ? "0" : q.amount().stripTrailingZeros().toPlainString());
    } else if (o instanceof BigDecimal d) {
      sb.append(d.stripTrailingZeros().toPlainString());
    } else if (o instanceof Number || o instanceof Boolean) {
      sb.append(o);
    } else if (o instanceof Enum<?> e) {
      sb.append(e.name());
    } else if (o instanceof Map<?, ?> m) {
      List<String[]> entries = new ArrayList<>();
      for (Map.Entry<?, ?> e : m.entrySet()) {
        StringBuilder k = new StringBuilder();
        StringBuilder v = new StringBuilder();
        render(e.getKey(), k);
        render(e.getValue(), v);
        entries.add(new String[] {k.toString(), v.toString()});
      }
      entries.sort((x, y) -> x[0].compareTo(y[0]));
      sb.append("map[");
      for (int i = 0; i < entries.size(); i++) {
        if (i > 0) sb.append(' ');
        sb.append(entries.get(i)[0]).append(':').append(entries.get(i)[1]);
      }
      sb.append(']');
    } else if (o instanceof Collection<?> c) {
      sb.append('[');
      boolean first = true;
      for (Object e : c) {
        if (!first) sb.append(' ');
        render(e, sb);
        first = false;
      }
      sb.append(']');
    } else if (o.getClass().isRecord()) {
      sb.append(o.getClass().getSimpleName()).append('{');
      RecordComponent[] components = o.getClass().getRecordComponents();
      for (int i = 0; i < components.length; i++) {
        if (i > 0) sb.append(' ');
        sb.append(components[i].getName()).append(':');
        try {
          render(components[i].getAccessor().invoke(o), sb);
        } catch (ReflectiveOperationException e) {
          throw new IllegalStateException("cannot read " + components[i], e);
        }
      }
      sb.append('}');
    } else {
      sb.append(o);
    }
  }
}
