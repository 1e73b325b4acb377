package io.kubesim.api;

/** @param phase Pending, Running, Succeeded, Failed (or null = Pending) */
public record PodStatus(String phase, String nominatedNodeName) {
  public static final PodStatus PENDING = new PodStatus("Pending", null);
}
