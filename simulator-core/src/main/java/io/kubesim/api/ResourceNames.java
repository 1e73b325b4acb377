package io.kubesim.api;

/** Well-known resource names and node labels. */
public final class ResourceNames {
  private ResourceNames() {}

  public static final String CPU = "cpu";
  public static final String MEMORY = "memory";
  public static final String EPHEMERAL_STORAGE = "ephemeral-storage";
  public static final String PODS = "pods";

  public static final String LABEL_HOSTNAME = "kubernetes.io/hostname";
  public static final String LABEL_ZONE = "topology.kubernetes.io/zone";
  public static final String LABEL_REGION = "topology.kubernetes.io/region";
  public static final String LABEL_ZONE_LEGACY = "failure-domain.beta.kubernetes.io/zone";
  public static final String LABEL_REGION_LEGACY = "failure-domain.beta.kubernetes.io/region";
}
