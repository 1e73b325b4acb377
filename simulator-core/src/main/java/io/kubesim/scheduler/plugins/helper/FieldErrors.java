package io.kubesim.scheduler.plugins.helper;

import java.util.List;

/**
 * Formats validation errors as apimachinery does: {@code field.Error} texts
 * ({@code <path>: Invalid value: <value>: <detail>}) joined like {@code utilerrors.NewAggregate}
 * (one error alone, several as {@code [e1, e2]}).
 */
public final class FieldErrors {
  private FieldErrors() {}

  public static String invalid(String path, Object value, String detail) {
    return path + ": Invalid value: " + render(value) + ": " + detail;
  }

  public static String required(String path, String detail) {
    return path + ": Required value: " + detail;
  }

  public static String duplicate(String path, Object value) {
    return path + ": Duplicate value: " + render(value);
  }

  /** {@code supported} empty means upstream passed no list of valid values. */
  public static String notSupported(String path, Object value, List<String> supported) {
    StringBuilder sb = new StringBuilder(path).append(": Unsupported value: ").append(render(value));
    if (!supported.isEmpty()) {
      sb.append(": supported values: ");
      for (int i = 0; i < supported.size(); i++) {
        if (i > 0) sb.append(", ");
        sb.append('"').append(supported.get(i)).append('"');
      }
    }
    return sb.toString();
  }

  /** Null when there are no errors. */
  public static String aggregate(List<String> errors) {
    if (errors.isEmpty()) return null;
    if (errors.size() == 1) return errors.get(0);
    return "[" + String.join(", ", errors) + "]";
  }

  /** Throws {@link IllegalArgumentException} with the aggregate message when there are errors. */
  public static void throwIfAny(List<String> errors) {
    String msg = aggregate(errors);
    if (msg != null) throw new IllegalArgumentException(msg);
  }

  private static String render(Object value) {
    if (value instanceof String s) return "\"" + s + "\"";
    if (value instanceof List<?> l) {
      // Go's %#v of a string slice; an absent list decodes to nil.
      if (l.isEmpty()) return "[]string(nil)";
      StringBuilder sb = new StringBuilder("[]string{");
      for (int i = 0; i < l.size(); i++) {
        if (i > 0) sb.append(", ");
        sb.append('"').append(l.get(i)).append('"');
      }
      return sb.append('}').toString();
    }
    return String.valueOf(value);
  }
}
