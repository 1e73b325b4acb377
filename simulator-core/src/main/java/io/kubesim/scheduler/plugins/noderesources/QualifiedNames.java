package io.kubesim.scheduler.plugins.noderesources;

import io.kubesim.scheduler.plugins.helper.FieldErrors;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** apimachinery's {@code ValidateLabelName} / {@code IsQualifiedName}, for resource names in args. */
final class QualifiedNames {
  private QualifiedNames() {}

  private static final String NAME_FMT = "([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]";
  private static final Pattern NAME = Pattern.compile(NAME_FMT);
  private static final String NAME_ERR = "must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an"
      + " alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '" + NAME_FMT + "')";
  private static final String SUBDOMAIN_FMT = "[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*";
  private static final Pattern SUBDOMAIN = Pattern.compile(SUBDOMAIN_FMT);

  static List<String> validateLabelName(String value, String path) {
    List<String> msgs = new ArrayList<>();
    String[] parts = value.split("/", -1);
    String name;
    if (parts.length == 1) {
      name = parts[0];
    } else if (parts.length == 2) {
      String prefix = parts[0];
      name = parts[1];
      if (prefix.isEmpty()) {
        msgs.add("prefix part must be non-empty");
      } else {
        if (prefix.length() > 253) msgs.add("prefix part must be no more than 253 characters");
        if (!SUBDOMAIN.matcher(prefix).matches()) {
          msgs.add("prefix part a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.',"
              + " and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '"
              + SUBDOMAIN_FMT + "')");
        }
      }
    } else {
      return List.of(FieldErrors.invalid(path, value, "a qualified name " + NAME_ERR
          + " with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')"));
    }
    if (name.isEmpty()) {
      msgs.add("name part must be non-empty");
    } else if (name.length() > 63) {
      msgs.add("name part must be no more than 63 characters");
    }
    if (!NAME.matcher(name).matches()) msgs.add("name part " + NAME_ERR);
    List<String> errs = new ArrayList<>();
    for (String m : msgs) errs.add(FieldErrors.invalid(path, value, m));
    return errs;
  }
}
