package io.kubesim.controllers;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/**
 * Simulated time. The simulator counts milliseconds from {@link #EPOCH}
 * (2026-01-01T00:00:00Z); the API stores RFC 3339 timestamps with one-second resolution.
 * {@link #format} truncates to the second (floor), like {@code metav1.Time} serialization, so a
 * timestamp written at 12.9 s reads back as 12 s.
 */
public final class SimTime {
  /** Simulated time zero. */
  public static final Instant EPOCH = Instant.parse("2026-01-01T00:00:00Z");

  private SimTime() {}

  /** RFC 3339 text of {@code ms}, truncated to the whole second, e.g. {@code 2026-01-01T00:00:12Z}. */
  public static String format(long ms) {
    return EPOCH.plusSeconds(Math.floorDiv(ms, 1000L)).toString();
  }

  /**
   * Milliseconds since {@link #EPOCH} of an RFC 3339 timestamp (fractions and offsets accepted).
   *
   * @throws IllegalArgumentException when {@code text} is null or not RFC 3339
   */
  public static long parse(String text) {
    if (text == null) throw new IllegalArgumentException("timestamp is null");
    try {
      Instant t = OffsetDateTime.parse(text).toInstant();
      return t.toEpochMilli() - EPOCH.toEpochMilli();
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("invalid RFC 3339 timestamp \"" + text + "\"", e);
    }
  }

  /** True when the API would hold a zero time here (absent timestamp). */
  public static boolean isZero(String text) {
    return text == null || text.isEmpty();
  }

  /** {@code ms} rounded down to the whole second: what survives an API round trip. */
  public static long truncate(long ms) {
    return Math.floorDiv(ms, 1000L) * 1000L;
  }

  /** {@code 1h2m}, {@code 5m30s}, {@code 45s}: whole seconds, for people. */
  public static String human(long ms) {
    long s = Math.floorDiv(ms, 1000);
    if (s < 60) return s + "s";
    if (s < 3600) return (s / 60) + "m" + (s % 60 == 0 ? "" : (s % 60) + "s");
    return (s / 3600) + "h" + ((s % 3600) / 60 == 0 ? "" : ((s % 3600) / 60) + "m");
  }
}
