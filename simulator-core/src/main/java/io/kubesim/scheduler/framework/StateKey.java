package io.kubesim.scheduler.framework;

/** A typed key into {@link CycleState}; the name appears in errors. */
public record StateKey<T>(String name, Class<T> type) {
  public static <T> StateKey<T> of(String name, Class<T> type) {
    return new StateKey<>(name, type);
  }
}
