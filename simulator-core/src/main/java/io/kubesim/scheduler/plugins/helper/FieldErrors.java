package io.kubesim.scheduler.plugins.helper;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Validation errors as apimachinery formats them: {@code field.Error} texts
 * ({@code <path>: <Type>: <value>: <detail>}, strings quoted like Go's {@code %q}, numbers bare, a
 * string list like Go's {@code %#v}), joined like {@code utilerrors.NewAggregate}; and
 * {@code ValidateLabelName} ({@code IsQualifiedName}) for label keys and resource names.
 */
public final class FieldErrors {
  private FieldErrors() {}

  public static String invalid(String path, Object value, String detail) {
    return path + ": Invalid value: " + render(value) + ": " + detail;
  }

  public static String required(String path, String detail) {
    return path + ": Required value: " + detail;
  }

  public static String forbidden(String path, String detail) {
    return path + ": Forbidden: " + detail;
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
        sb.append(quote(supported.get(i)));
      }
    }
    return sb.toString();
  }

  /**
   * Upstream {@code utilerrors.Aggregate.Error()}: one message as is, several deduplicated and in
   * brackets (one left after deduplication stands alone); null when there are none.
   */
  public static String aggregate(List<String> errors) {
    if (errors.isEmpty()) return null;
    if (errors.size() == 1) return errors.get(0);
    Set<String> unique = new LinkedHashSet<>(errors);
    if (unique.size() == 1) return unique.iterator().next();
    return "[" + String.join(", ", unique) + "]";
  }

  /** Throws {@link IllegalArgumentException} with the aggregate message when there are errors. */
  public static void throwIfAny(List<String> errors) {
    String msg = aggregate(errors);
    if (msg != null) throw new IllegalArgumentException(msg);
  }

  private static String render(Object value) {
    if (value instanceof String s) return quote(s);
    if (value instanceof List<?> l) {
      // Go's %#v of a string slice; an absent list decodes to nil.
      if (l.isEmpty()) return "[]string(nil)";
      StringBuilder sb = new StringBuilder("[]string{");
      for (int i = 0; i < l.size(); i++) {
        if (i > 0) sb.append(", ");
        sb.append(quote(String.valueOf(l.get(i))));
      }
      return sb.append('}').toString();
    }
    return String.valueOf(value);
  }

  /** Go's {@code %q} for the characters that occur in names and values. */
  private static String quote(String s) {
    StringBuilder sb = new StringBuilder("\"");
    for (char c : s.toCharArray()) {
      switch (c) {
        case '"' -> sb.append("\\\"");
        case '\\' -> sb.append("\\\\");
        case '\n' -> sb.append("\\n");
        case '\t' -> sb.append("\\t");
        default -> sb.append(c);
      }
    }
    return sb.append('"').toString();
  }

  // ---------------------------------------------------------------- ValidateLabelName / IsQualifiedName

  private static final String QUALIFIED_NAME_FMT = "([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]";
  private static final Pattern QUALIFIED_NAME = Pattern.compile(QUALIFIED_NAME_FMT);
  private static final String QUALIFIED_NAME_MSG =
      "must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character";
  private static final String DNS1123_SUBDOMAIN_FMT = "[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*";
  private static final Pattern DNS1123_SUBDOMAIN = Pattern.compile(DNS1123_SUBDOMAIN_FMT);
  private static final String DNS1123_SUBDOMAIN_MSG = "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric "
      + "characters, '-' or '.', and must start and end with an alphanumeric character";

  /** Upstream {@code metav1validation.ValidateLabelName}: one Invalid error per problem of {@code value}; empty when valid. */
  public static List<String> labelName(String path, String value) {
    List<String> out = new ArrayList<>();
    for (String msg : qualifiedNameErrors(value)) out.add(invalid(path, value, msg));
    return out;
  }

  /** Upstream {@code validation.IsQualifiedName}: every problem with {@code value}; empty when it is valid. */
  private static List<String> qualifiedNameErrors(String value) {
    List<String> errs = new ArrayList<>();
    String[] parts = value.split("/", -1);
    String name;
    switch (parts.length) {
      case 1 -> name = parts[0];
      case 2 -> {
        String prefix = parts[0];
        name = parts[1];
        if (prefix.isEmpty()) {
          errs.add("prefix part must be non-empty");
        } else {
          if (prefix.length() > 253) errs.add("prefix part must be no more than 253 characters");
          if (!DNS1123_SUBDOMAIN.matcher(prefix).matches()) {
            errs.add("prefix part " + regexError(DNS1123_SUBDOMAIN_MSG, DNS1123_SUBDOMAIN_FMT, "example.com"));
          }
        }
      }
      default -> {
        errs.add("a qualified name " + regexError(QUALIFIED_NAME_MSG, QUALIFIED_NAME_FMT, "MyName", "my.name", "123-abc")
            + " with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')");
        return errs;
      }
    }
    if (name.isEmpty()) {
      errs.add("name part must be non-empty");
    } else if (name.length() > 63) {
      errs.add("name part must be no more than 63 characters");
    }
    if (!QUALIFIED_NAME.matcher(name).matches()) {
      errs.add("name part " + regexError(QUALIFIED_NAME_MSG, QUALIFIED_NAME_FMT, "MyName", "my.name", "123-abc"));
    }
    return errs;
  }

  /** Upstream {@code validation.RegexError}. */
  private static String regexError(String msg, String fmt, String... examples) {
    StringBuilder s = new StringBuilder(msg).append(" (e.g. ");
    for (int i = 0; i < examples.length; i++) {
      if (i > 0) s.append(" or ");
      s.append('\'').append(examples[i]).append("', ");
    }
    return s.append("regex used for validation is '").append(fmt).append("')").toString();
  }
}
