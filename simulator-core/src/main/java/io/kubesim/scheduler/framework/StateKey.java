package io.kubesim.scheduler.framework;

/**
 * A typed key into {@link CycleState}; the name appears in errors. Keys are constants compared by
 * identity, which keeps the per-node lookups of Filter and Score cheap.
 */
public final class StateKey<T> {
  private final String name;
  private final Class<T> type;

  private StateKey(String name, Class<T> type) {
    this.name = name;
    this.type = type;
  }

  public static <T> StateKey<T> of(String name, Class<T> type) {
    return new StateKey<>(name, type);
  }

  public String name() {
    return name;
  }

  public Class<T> type() {
    return type;
  }

  @Override
  public String toString() {
    return name;
  }
}
