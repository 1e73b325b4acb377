package io.kubesim.kubelet.cm;

import java.util.Set;

/** Go's {@code strconv.ParseBool} and {@code strconv.Atoi}, with the error texts options report. */
public final class GoParse {
  private GoParse() {}

  private static final Set<String> TRUE = Set.of("1", "t", "T", "TRUE", "true", "True");
  private static final Set<String> FALSE = Set.of("0", "f", "F", "FALSE", "false", "False");

  /** @throws IllegalArgumentException {@code bad value for option "x": strconv.ParseBool: ...} */
  public static boolean parseBool(String option, String value) {
    if (TRUE.contains(value)) return true;
    if (FALSE.contains(value)) return false;
    throw new IllegalArgumentException("bad value for option \"" + option + "\": strconv.ParseBool: parsing \""
        + value + "\": invalid syntax");
  }

  public static int atoi(String option, String value) {
    try {
      String v = value.startsWith("+") ? value.substring(1) : value;
      if (v.isEmpty() || !v.chars().allMatch(c -> c == '-' || Character.isDigit(c))) throw new NumberFormatException();
      return Integer.parseInt(v);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("unable to convert policy option to integer \"" + option
          + "\": strconv.Atoi: parsing \"" + value + "\": invalid syntax");
    }
  }
}
