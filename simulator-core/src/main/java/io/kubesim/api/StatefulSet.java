package io.kubesim.api;

/** A StatefulSet; its selector also feeds PodTopologySpread's default constraints. */
public record StatefulSet(ObjectMeta metadata, Spec spec) {
  /** @param podManagementPolicy {@code OrderedReady} (default) or {@code Parallel} */
  public record Spec(int replicas, LabelSelector selector, PodTemplateSpec template, String serviceName, String podManagementPolicy) {}
}
