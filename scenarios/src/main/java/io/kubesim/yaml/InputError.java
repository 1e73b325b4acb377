package io.kubesim.yaml;

/**
 * Bad input, located: {@code file:line:column: path: message}. Thrown by every reader of user
 * files; the CLI prints {@link #getMessage()} and exits non-zero.
 */
public final class InputError extends RuntimeException {
  private final Mark mark;
  private final String path;
  private final String problem;

  public InputError(Mark mark, String path, String problem) {
    super(format(mark, path, problem));
    this.mark = mark;
    this.path = path;
    this.problem = problem;
  }

  public Mark mark() {
    return mark;
  }

  /** The field path inside the document, e.g. {@code pod.spec.topologySpreadConstraints[0].maxSkew}. */
  public String path() {
    return path;
  }

  public String problem() {
    return problem;
  }

  private static String format(Mark mark, String path, String problem) {
    String where = mark == null ? "" : mark + ": ";
    String field = path == null || path.isEmpty() ? "" : path + ": ";
    return where + field + problem;
  }
}
