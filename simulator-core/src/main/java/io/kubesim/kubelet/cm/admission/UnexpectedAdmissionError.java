package io.kubesim.kubelet.cm.admission;

/**
 * A resource manager failed to allocate for a reason that is not an admission decision of its
 * own, e.g. "not enough cpus available"; reason {@code UnexpectedAdmissionError}.
 */
public final class UnexpectedAdmissionError extends AdmissionError {
  public static final String REASON = "UnexpectedAdmissionError";

  public UnexpectedAdmissionError(RuntimeException cause) {
    super("Allocate failed due to " + cause.getMessage() + ", which is unexpected", cause);
  }

  @Override
  public String type() {
    return REASON;
  }
}
