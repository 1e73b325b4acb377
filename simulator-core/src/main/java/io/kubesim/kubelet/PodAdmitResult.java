package io.kubesim.kubelet;

import io.kubesim.kubelet.cm.admission.AdmissionError;

/**
 * The kubelet's admission verdict for a pod, as upstream's {@code lifecycle.PodAdmitResult}: a
 * rejected pod goes to phase Failed with this reason and message.
 *
 * @param admit whether the pod may run
 * @param reason e.g. {@code TopologyAffinityError}, {@code SMTAlignmentError},
 *     {@code UnexpectedAdmissionError}; empty when admitted
 * @param message the human-readable explanation; empty when admitted
 */
public record PodAdmitResult(boolean admit, String reason, String message) {
  public static final PodAdmitResult ADMITTED = new PodAdmitResult(true, "", "");

  public static PodAdmitResult rejected(AdmissionError e) {
    return new PodAdmitResult(false, e.type(), e.getMessage());
  }
}
