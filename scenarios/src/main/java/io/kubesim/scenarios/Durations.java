package io.kubesim.scenarios;

import io.kubesim.yaml.YamlNode;
import java.math.BigDecimal;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Durations as Kubernetes and Go write them: a sequence of numbers with units, {@code 90s},
 * {@code 5m}, {@code 1h30m}, {@code 1.5h}, {@code 500ms}; {@code 0} alone is zero. Values are whole
 * milliseconds.
 */
public final class Durations {
  private Durations() {}

  private static final Pattern PART = Pattern.compile("([0-9]+(?:\\.[0-9]+)?)(ms|s|m|h)");
  private static final String EXPECTED = "expected a number and a unit (ms, s, m, h), e.g. 90s, 5m, 1h30m";

  /** The duration in milliseconds; an error at the node for anything else. */
  public static long parse(YamlNode node) {
    YamlNode.Scalar s = node.asScalar();
    String text = s.text().strip();
    Long ms = parseOrNull(text);
    if (ms == null) throw node.error("invalid duration \"" + s.text() + "\": " + EXPECTED);
    return ms;
  }

  /** A duration that must be greater than zero. */
  public static long positive(YamlNode node) {
    long ms = parse(node);
    if (ms <= 0) throw node.error("must be greater than 0");
    return ms;
  }

  /** The milliseconds of {@code text}, or null when it is not a duration. */
  public static Long parseOrNull(String text) {
    if (text.equals("0")) return 0L;
    if (text.isEmpty()) return null;
    Matcher m = PART.matcher(text);
    int at = 0;
    BigDecimal total = BigDecimal.ZERO;
    while (at < text.length()) {
      if (!m.find(at) || m.start() != at) return null;
      BigDecimal n = new BigDecimal(m.group(1));
      long unit = switch (m.group(2)) {
        case "ms" -> 1;
        case "s" -> 1_000;
        case "m" -> 60_000;
        default -> 3_600_000;
      };
      total = total.add(n.multiply(BigDecimal.valueOf(unit)));
      at = m.end();
    }
    try {
      return total.stripTrailingZeros().scale() > 0 ? null : total.longValueExact();
    } catch (ArithmeticException e) {
      return null;
    }
  }

  /** Milliseconds as the file would write them: {@code 1h30m}, {@code 90s} → {@code 1m30s}, {@code 250ms}. */
  public static String format(long ms) {
    if (ms == 0) return "0s";
    StringBuilder sb = new StringBuilder();
    long h = ms / 3_600_000, m = ms / 60_000 % 60, s = ms / 1_000 % 60, rest = ms % 1_000;
    if (h > 0) sb.append(h).append('h');
    if (m > 0) sb.append(m).append('m');
    if (s > 0) sb.append(s).append('s');
    if (rest > 0) sb.append(rest).append("ms");
    return sb.toString();
  }
}
