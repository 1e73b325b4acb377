package io.kubesim.scheduler.plugins.podtopologyspread;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Upstream's validation texts ({@code apimachinery/pkg/util/validation/field}): {@code path: Type: value: detail},
 * strings quoted, numbers bare, and {@code IsQualifiedName} for label keys.
 */
final class FieldErrors {
  private FieldErrors() {}

  static String invalid(String path, Object value, String detail) {
    return path + ": Invalid value: " + show(value) + ": " + detail;
  }

  static String required(String path, String detail) {
    return path + ": Required value: " + detail;
  }

  static String forbidden(String path, String detail) {
    return path + ": Forbidden: " + detail;
  }

  static String duplicate(String path, Object value) {
    return path + ": Duplicate value: " + show(value);
  }

  static String notSupported(String path, Object value, List<String> supported) {
    return path + ": Unsupported value: " + show(value) + ": supported values: "
        + supported.stream().map(FieldErrors::quote).collect(Collectors.joining(", "));
  }

  /** Upstream {@code utilerrors.Aggregate.Error()}: one message as is, several deduplicated in brackets. */
  static String aggregate(List<String> messages) {
    if (messages.size() == 1) return messages.get(0);
    Set<String> unique = new LinkedHashSet<>(messages);
    if (unique.size() == 1) return unique.iterator().next();
    return "[" + String.join(", ", unique) + "]";
  }

  private static String show(Object value) {
    if (value == null) return "null";
    if (value instanceof String s) return quote(s);
    return value.toString();
  }

  static String quote(String s) {
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

  // ---- upstream validation.IsQualifiedName, as metav1validation.ValidateLabelName applies it

  private static final String QUALIFIED_NAME_FMT = "([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]";
  private static final Pattern QUALIFIED_NAME = Pattern.compile("^" + QUALIFIED_NAME_FMT + "$");
  private static final String QUALIFIED_NAME_MSG =
      "must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character";
  private static final String DNS1123_SUBDOMAIN_FMT = "[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*";
  private static final Pattern DNS1123_SUBDOMAIN = Pattern.compile("^" + DNS1123_SUBDOMAIN_FMT + "$");
  private static final String DNS1123_SUBDOMAIN_MSG = "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric "
      + "characters, '-' or '.', and must start and end with an alphanumeric character";

  /** Every problem with {@code value} as a label key; empty when it is valid. */
  static List<String> qualifiedNameErrors(String value) {
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

  private static String regexError(String msg, String fmt, String... examples) {
    StringBuilder s = new StringBuilder(msg).append(" (e.g. ");
    for (int i = 0; i < examples.length; i++) {
      if (i > 0) s.append(" or ");
      s.append('\'').append(examples[i]).append("', ");
    }
    return s.append("regex used for validation is '").append(fmt).append("')").toString();
  }

  /** {@code ValidateLabelName}: one Invalid error per problem. */
  static List<String> labelName(String path, String value) {
    List<String> out = new ArrayList<>();
    for (String msg : qualifiedNameErrors(value)) out.add(invalid(path, value, msg));
    return out;
  }
}
