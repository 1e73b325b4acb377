package io.kubesim.kubelet.cm.admission;

/**
 * A resource manager's refusal to admit a pod, as upstream's {@code admission.Error}: the message
 * is the pod's status message and {@link #type()} its status reason (e.g.
 * {@code TopologyAffinityError}).
 */
public abstract class AdmissionError extends RuntimeException {
  protected AdmissionError(String message) {
    super(message);
  }

  protected AdmissionError(String message, Throwable cause) {
    super(message, cause);
  }

  /** The pod status reason, upstream's {@code Type()}. */
  public abstract String type();

  /** Wraps any failure the way {@code admission.GetPodAdmitResult} does. */
  public static AdmissionError of(RuntimeException e) {
    return e instanceof AdmissionError a ? a : new UnexpectedAdmissionError(e);
  }
}
