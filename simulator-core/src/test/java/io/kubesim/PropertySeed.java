package io.kubesim;

/**
 * The base seed of the property tests. Fixed by default so that CI is reproducible; another run
 * explores other cases with {@code -Dkubesim.seed=N}, and a failure's printed seed replays it.
 */
public final class PropertySeed {
  private PropertySeed() {}

  public static final long DEFAULT = 20261125L;

  public static long base() {
    String fixed = System.getProperty("kubesim.seed");
    return fixed != null ? Long.parseLong(fixed) : DEFAULT;
  }
}
