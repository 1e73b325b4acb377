package io.kubesim.api;

/** A StatefulSet; its selector also feeds PodTopologySpread's default constraints. */
public record StatefulSet(ObjectMeta metadata, Spec spec) {
  /**
   * @param podManagementPolicy {@code OrderedReady} (default) or {@code Parallel}
   * @param updateStrategy null = RollingUpdate with partition 0
   */
  public record Spec(int replicas, LabelSelector selector, PodTemplateSpec template, String serviceName, String podManagementPolicy,
      UpdateStrategy updateStrategy, int minReadySeconds) {

    public Spec(int replicas, LabelSelector selector, PodTemplateSpec template, String serviceName, String podManagementPolicy) {
      this(replicas, selector, template, serviceName, podManagementPolicy, null, 0);
    }
  }

  /**
   * @param type {@code RollingUpdate} or {@code OnDelete}
   * @param maxUnavailable only honoured with the MaxUnavailableStatefulSet gate (off by default)
   */
  public record UpdateStrategy(String type, int partition, IntOrString maxUnavailable) {
    public static final UpdateStrategy DEFAULT = new UpdateStrategy("RollingUpdate", 0, null);
  }

  public StatefulSet withSpec(Spec newSpec) {
    return new StatefulSet(metadata, newSpec);
  }

  public StatefulSet withReplicas(int replicas) {
    return withSpec(new Spec(replicas, spec.selector(), spec.template(), spec.serviceName(), spec.podManagementPolicy(), spec.updateStrategy(),
        spec.minReadySeconds()));
  }

  public StatefulSet withTemplate(PodTemplateSpec template) {
    return withSpec(new Spec(spec.replicas(), spec.selector(), template, spec.serviceName(), spec.podManagementPolicy(), spec.updateStrategy(),
        spec.minReadySeconds()));
  }
}
