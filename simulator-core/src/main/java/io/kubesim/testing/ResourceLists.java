package io.kubesim.testing;

import io.kubesim.api.Quantity;
import java.util.LinkedHashMap;
import java.util.Map;

/** Resource lists ({@code cpu: 500m}) from text, parsed with Kubernetes' quantity rules, and maps from key-value pairs. */
final class ResourceLists {
  private ResourceLists() {}

  static Map<String, Quantity> of(Map<String, String> list) {
    Map<String, Quantity> out = new LinkedHashMap<>();
    list.forEach((name, quantity) -> out.put(name, Quantity.parse(quantity)));
    return out;
  }

  /** {@code key, value, key, value, ...} in order; an odd count is an error. */
  static Map<String, String> pairs(String... keyValues) {
    if (keyValues.length % 2 != 0) throw new IllegalArgumentException("want key and value pairs, got " + keyValues.length + " strings");
    Map<String, String> out = new LinkedHashMap<>();
    for (int i = 0; i < keyValues.length; i += 2) out.put(keyValues[i], keyValues[i + 1]);
    return out;
  }
}
