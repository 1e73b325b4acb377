package io.kubesim.scheduler.plugins.noderesources;

/**
 * Resource-name classes from {@code v1helper} and {@code schedutil}. Only scalar resources are
 * accounted by upstream's {@code framework.Resource}; other unknown names are ignored.
 */
final class ResourceNames {
  private ResourceNames() {}

  private static final String DEFAULT_NAMESPACE_PREFIX = "kubernetes.io/";
  private static final String REQUESTS_PREFIX = "requests.";
  private static final String HUGEPAGES_PREFIX = "hugepages-";
  private static final String ATTACHABLE_VOLUMES_PREFIX = "attachable-volumes-";

  /** {@code IsNativeResource}: no domain, or a kubernetes.io domain. */
  static boolean isNative(String name) {
    return !name.contains("/") || isPrefixedNative(name);
  }

  static boolean isPrefixedNative(String name) {
    return name.contains(DEFAULT_NAMESPACE_PREFIX);
  }

  /** {@code IsExtendedResourceName}: a domain-qualified name outside kubernetes.io, not a quota name. */
  static boolean isExtended(String name) {
    return !isNative(name) && !name.startsWith(REQUESTS_PREFIX);
  }

  /** {@code IsScalarResourceName}: extended, hugepages, kubernetes.io-prefixed or attachable volumes. */
  static boolean isScalar(String name) {
    return isExtended(name) || name.startsWith(HUGEPAGES_PREFIX) || isPrefixedNative(name)
        || name.startsWith(ATTACHABLE_VOLUMES_PREFIX);
  }
}
