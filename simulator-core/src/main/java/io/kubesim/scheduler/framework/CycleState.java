package io.kubesim.scheduler.framework;

import java.util.Objects;

/**
 * Data of one scheduling cycle: the {@link Snapshot} the cycle schedules against, and what plugins
 * compute once (in PreFilter/PreScore) and read per node.
 *
 * <p>The snapshot stands in for upstream's {@code framework.Handle.SnapshotSharedLister()}: extension
 * points that get no snapshot as an argument (PreScore, Score) read it through {@link #snapshot()}.
 */
public final class CycleState {
  private final Snapshot snapshot;
  /** Values by {@link StateKey#id}: Filter and Score read them once per node, so an array read, not a hash lookup. */
  private Object[] values = new Object[32];

  /** The state of a cycle that schedules against {@code snapshot}. */
  public CycleState(Snapshot snapshot) {
    this.snapshot = Objects.requireNonNull(snapshot, "snapshot");
  }

  /**
   * A state without a snapshot, for running extension points that do not read one in isolation
   * (Filter, the PreFilter extensions); a plugin's PreScore reports an Error with it.
   */
  public CycleState() {
    this.snapshot = null;
  }

  /** The cycle's snapshot; null only for a state made without one. */
  public Snapshot snapshot() {
    return snapshot;
  }

  public <T> void write(StateKey<T> key, T value) {
    if (key.id >= values.length) values = java.util.Arrays.copyOf(values, Math.max(key.id + 1, values.length * 2));
    values[key.id] = value;
  }

  /** The value, or null when nothing was written under the key. */
  public <T> T find(StateKey<T> key) {
    return key.id < values.length ? key.type().cast(values[key.id]) : null;
  }

  /** The value; {@link IllegalStateException} naming the key when it is missing. */
  public <T> T read(StateKey<T> key) {
    T v = find(key);
    if (v == null) throw new IllegalStateException("error reading \"" + key.name() + "\" from cycleState: not found");
    return v;
  }
}
