package io.kubesim.scheduler.framework;

import java.util.HashMap;
import java.util.Map;

/** Data a plugin computes once per scheduling cycle (in PreFilter/PreScore) and reads per node. */
public final class CycleState {
  private final Map<StateKey<?>, Object> values = new HashMap<>();

  public <T> void write(StateKey<T> key, T value) {
    values.put(key, value);
  }

  /** The value, or null when nothing was written under the key. */
  public <T> T find(StateKey<T> key) {
    return key.type().cast(values.get(key));
  }

  /** The value; {@link IllegalStateException} naming the key when it is missing. */
  public <T> T read(StateKey<T> key) {
    T v = find(key);
    if (v == null) throw new IllegalStateException("error reading \"" + key.name() + "\" from cycleState: not found");
    return v;
  }
}
