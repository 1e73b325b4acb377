package io.kubesim.api;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Kubernetes resource quantity ({@code 500m}, {@code 1Gi}, {@code 1e3}, {@code 2k}), kept exactly.
 * {@link #milliValue()} and {@link #value()} round up, as {@code resource.Quantity} does.
 */
public record Quantity(BigDecimal amount, String text) {

  // <sign><digits>[.<digits>]<suffix>; suffix: binary SI, decimal SI or a decimal exponent.
  private static final Pattern FORMAT =
      Pattern.compile("([+-]?(?:[0-9]+(?:\\.[0-9]*)?|\\.[0-9]+))(Ki|Mi|Gi|Ti|Pi|Ei|n|u|m|k|M|G|T|P|E|[eE][+-]?[0-9]+)?");

  public static final Quantity ZERO = new Quantity(BigDecimal.ZERO, "0");

  /** Parses with Kubernetes' rules; throws {@link IllegalArgumentException} with the allowed forms. */
  public static Quantity parse(String text) {
    Matcher m = FORMAT.matcher(text == null ? "" : text.trim());
    if (!m.matches()) {
      throw new IllegalArgumentException("invalid quantity \"" + text
          + "\": expected a number with an optional suffix (n, u, m, k, M, G, T, P, E, Ki, Mi, Gi, Ti, Pi, Ei or an exponent like e3)");
    }
    BigDecimal number = new BigDecimal(m.group(1));
    String suffix = m.group(2) == null ? "" : m.group(2);
    return new Quantity(number.multiply(multiplier(suffix)), text.trim());
  }

  public static Quantity ofMilli(long milli) {
    return new Quantity(BigDecimal.valueOf(milli, 3), milli % 1000 == 0 ? Long.toString(milli / 1000) : milli + "m");
  }

  public static Quantity of(long value) {
    return new Quantity(BigDecimal.valueOf(value), Long.toString(value));
  }

  private static BigDecimal multiplier(String suffix) {
    return switch (suffix) {
      case "" -> BigDecimal.ONE;
      case "n" -> new BigDecimal("1e-9");
      case "u" -> new BigDecimal("1e-6");
      case "m" -> new BigDecimal("1e-3");
      case "k" -> new BigDecimal("1e3");
      case "M" -> new BigDecimal("1e6");
      case "G" -> new BigDecimal("1e9");
      case "T" -> new BigDecimal("1e12");
      case "P" -> new BigDecimal("1e15");
      case "E" -> new BigDecimal("1e18");
      case "Ki" -> BigDecimal.valueOf(1L << 10);
      case "Mi" -> BigDecimal.valueOf(1L << 20);
      case "Gi" -> BigDecimal.valueOf(1L << 30);
      case "Ti" -> BigDecimal.valueOf(1L << 40);
      case "Pi" -> BigDecimal.valueOf(1L << 50);
      case "Ei" -> BigDecimal.valueOf(1L << 60);
      default -> new BigDecimal("1e" + suffix.substring(1));
    };
  }

  /** Thousandths, rounded up (CPU is counted in millicores). */
  public long milliValue() {
    return amount.movePointRight(3).setScale(0, RoundingMode.CEILING).longValueExact();
  }

  /** Whole units, rounded up (memory is counted in bytes). */
  public long value() {
    return amount.setScale(0, RoundingMode.CEILING).longValueExact();
  }

  public boolean isInteger() {
    return amount.stripTrailingZeros().scale() <= 0;
  }

  public int signum() {
    return amount.signum();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Quantity q && q.amount.compareTo(amount) == 0;
  }

  @Override
  public int hashCode() {
    return amount.stripTrailingZeros().hashCode();
  }

  @Override
  public String toString() {
    return text;
  }
}
