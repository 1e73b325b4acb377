package io.kubesim.kubelet.cm.topologymanager;

import io.kubesim.kubelet.cm.admission.AdmissionError;

/** The merged hint is not admissible under the policy; reason {@code TopologyAffinityError}. */
public final class TopologyAffinityError extends AdmissionError {
  public static final String REASON = "TopologyAffinityError";
  public static final String MESSAGE = "Resources cannot be allocated with Topology locality";

  public TopologyAffinityError() {
    super(MESSAGE);
  }

  @Override
  public String type() {
    return REASON;
  }
}
