package io.kubesim.api;

/** A Deployment (apps/v1). */
public record Deployment(ObjectMeta metadata, Spec spec) {

  /**
   * @param strategy null = RollingUpdate with 25%/25%
   * @param revisionHistoryLimit null = 10
   */
  public record Spec(int replicas, LabelSelector selector, PodTemplateSpec template, Strategy strategy, int minReadySeconds,
      Integer revisionHistoryLimit, boolean paused, Integer progressDeadlineSeconds) {}

  /** @param type {@code RollingUpdate} or {@code Recreate} */
  public record Strategy(String type, IntOrString maxSurge, IntOrString maxUnavailable) {
    public static final Strategy DEFAULT = new Strategy("RollingUpdate", IntOrString.percent(25), IntOrString.percent(25));
  }

  public Strategy strategy() {
    return spec.strategy() == null ? Strategy.DEFAULT : spec.strategy();
  }

  public Deployment withSpec(Spec newSpec) {
    return new Deployment(metadata, newSpec);
  }

  public Deployment withReplicas(int replicas) {
    return withSpec(new Spec(replicas, spec.selector(), spec.template(), spec.strategy(), spec.minReadySeconds(), spec.revisionHistoryLimit(),
        spec.paused(), spec.progressDeadlineSeconds()));
  }

  public Deployment withTemplate(PodTemplateSpec template) {
    return withSpec(new Spec(spec.replicas(), spec.selector(), template, spec.strategy(), spec.minReadySeconds(), spec.revisionHistoryLimit(),
        spec.paused(), spec.progressDeadlineSeconds()));
  }
}
