package io.kubesim.sim;

import java.time.Instant;

/**
 * Simulated time: milliseconds since the simulation's epoch, 2026-01-01T00:00:00Z. API timestamps
 * are RFC 3339 at second resolution, as the API server serializes them.
 */
public final class SimTime {
  private SimTime() {}

  public static final Instant EPOCH = Instant.parse("2026-01-01T00:00:00Z");

  public static String format(long ms) {
    return EPOCH.plusSeconds(Math.floorDiv(ms, 1000)).toString();
  }

  public static long parse(String rfc3339) {
    return Instant.parse(rfc3339).toEpochMilli() - EPOCH.toEpochMilli();
  }

  public static long truncateToSecond(long ms) {
    return Math.floorDiv(ms, 1000) * 1000;
  }

  /** {@code 1h2m3s}-style text for reports; whole seconds. */
  public static String human(long ms) {
    long s = Math.floorDiv(ms, 1000);
    if (s < 60) return s + "s";
    if (s < 3600) return (s / 60) + "m" + (s % 60 == 0 ? "" : (s % 60) + "s");
    return (s / 3600) + "h" + ((s % 3600) / 60 == 0 ? "" : ((s % 3600) / 60) + "m");
  }
}
