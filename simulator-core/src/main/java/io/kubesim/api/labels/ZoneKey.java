package io.kubesim.api.labels;

import io.kubesim.api.Node;
import io.kubesim.api.ResourceNames;
import java.util.Map;

/** Upstream's {@code topology.GetZoneKey}: a node's region and zone as one key, legacy labels first. */
public final class ZoneKey {
  private ZoneKey() {}

  /** {@code region:\0:zone}, or "" for a node with neither label. */
  public static String of(Node node) {
    Map<String, String> l = node.labels();
    String zone = l.getOrDefault(ResourceNames.LABEL_ZONE_LEGACY, l.get(ResourceNames.LABEL_ZONE));
    String region = l.getOrDefault(ResourceNames.LABEL_REGION_LEGACY, l.get(ResourceNames.LABEL_REGION));
    if (zone == null && region == null) return "";
    return (region == null ? "" : region) + ":\0:" + (zone == null ? "" : zone);
  }
}
