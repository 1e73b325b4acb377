package io.kubesim.api;

import java.util.Map;

public record ReplicationController(ObjectMeta metadata, Map<String, String> selector) {
  public ReplicationController {
    selector = selector == null ? null : Map.copyOf(selector);
  }
}
