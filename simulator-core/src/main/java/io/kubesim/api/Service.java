package io.kubesim.api;

import java.util.Map;

/** A Service; only its selector matters to scheduling (PodTopologySpread default constraints). */
public record Service(ObjectMeta metadata, Map<String, String> selector) {
  public Service {
    selector = selector == null ? null : Map.copyOf(selector);
  }
}
