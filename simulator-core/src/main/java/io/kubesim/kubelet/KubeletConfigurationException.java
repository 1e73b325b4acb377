package io.kubesim.kubelet;

import java.util.List;

/** The kubelet would refuse to start with this configuration on this machine. */
public final class KubeletConfigurationException extends IllegalArgumentException {
  private final List<String> errors;

  public KubeletConfigurationException(List<String> errors) {
    super(String.join("; ", errors));
    this.errors = List.copyOf(errors);
  }

  /** One message per problem, with the kubelet's wording. */
  public List<String> errors() {
    return errors;
  }
}
