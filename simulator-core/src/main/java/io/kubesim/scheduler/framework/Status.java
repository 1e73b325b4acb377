package io.kubesim.scheduler.framework;

import java.util.List;

/**
 * The result of a plugin call. Reasons are upstream's texts (e.g. {@code "node(s) didn't match pod
 * topology spread constraints"}); {@code plugin} is the plugin that produced a non-success status.
 */
public record Status(Code code, List<String> reasons, String plugin) {

  private static final Status SUCCESS = new Status(Code.Success, List.of(), null);
  private static final Status SKIP = new Status(Code.Skip, List.of(), null);

  public Status {
    reasons = List.copyOf(reasons);
  }

  public static Status success() {
    return SUCCESS;
  }

  public static Status skip() {
    return SKIP;
  }

  public static Status unschedulable(String... reasons) {
    return new Status(Code.Unschedulable, List.of(reasons), null);
  }

  public static Status unresolvable(String... reasons) {
    return new Status(Code.UnschedulableAndUnresolvable, List.of(reasons), null);
  }

  public static Status error(String message) {
    return new Status(Code.Error, List.of(message), null);
  }

  public Status withPlugin(String name) {
    // Plugins return shared rejections that already name them: no copy per rejected node.
    if (java.util.Objects.equals(plugin, name)) return this;
    return new Status(code, reasons, name);
  }

  public boolean isSuccess() {
    return code == Code.Success;
  }

  public boolean isSkip() {
    return code == Code.Skip;
  }

  /** Unschedulable or UnschedulableAndUnresolvable. */
  public boolean isRejected() {
    return code == Code.Unschedulable || code == Code.UnschedulableAndUnresolvable;
  }

  public String message() {
    return String.join(", ", reasons);
  }

  @Override
  public String toString() {
    return reasons.isEmpty() ? code.name() : code + ": " + message();
  }
}
