package io.kubesim.scheduler.framework;

/**
 * A typed key into {@link CycleState}; the name appears in errors. Keys are constants compared by
 * identity, which keeps the per-node lookups of Filter and Score cheap.
 */
public final class StateKey<T> {
  private static final java.util.concurrent.atomic.AtomicInteger NEXT_ID = new java.util.concurrent.atomic.AtomicInteger();

  private final String name;
  private final Class<T> type;
  /** A small unique number, so a {@link CycleState} can keep values in an array slot per key. */
  final int id;

  private StateKey(String name, Class<T> type) {
    this.name = name;
    this.type = type;
    this.id = NEXT_ID.getAndIncrement();
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
