package io.kubesim.kubelet.cm.cpumanager;

import io.kubesim.kubelet.cm.admission.AdmissionError;

/**
 * {@code full-pcpus-only} refused a request: not a multiple of the SMT width, or more than the
 * free CPUs outside cores touched by reserved CPUs. Reason {@code SMTAlignmentError}.
 */
public final class SMTAlignmentError extends AdmissionError {
  public static final String REASON = "SMTAlignmentError";

  private final int requestedCpus;
  private final int cpusPerCore;
  private final int availablePhysicalCpus;
  private final boolean causedByPhysicalCpus;

  private SMTAlignmentError(String message, int requestedCpus, int cpusPerCore, int availablePhysicalCpus,
      boolean causedByPhysicalCpus) {
    super(message);
    this.requestedCpus = requestedCpus;
    this.cpusPerCore = cpusPerCore;
    this.availablePhysicalCpus = availablePhysicalCpus;
    this.causedByPhysicalCpus = causedByPhysicalCpus;
  }

  static SMTAlignmentError notMultiple(int requested, int cpusPerCore) {
    return new SMTAlignmentError("SMT Alignment Error: requested " + requested + " cpus not multiple cpus per core = "
        + cpusPerCore, requested, cpusPerCore, 0, false);
  }

  static SMTAlignmentError notEnoughPhysical(int requested, int cpusPerCore, int available) {
    return new SMTAlignmentError("SMT Alignment Error: not enough free physical CPUs: available physical CPUs = "
        + available + ", requested CPUs = " + requested + ", CPUs per core = " + cpusPerCore,
        requested, cpusPerCore, available, true);
  }

  @Override
  public String type() {
    return REASON;
  }

  public int requestedCpus() {
    return requestedCpus;
  }

  public int cpusPerCore() {
    return cpusPerCore;
  }

  public int availablePhysicalCpus() {
    return availablePhysicalCpus;
  }

  public boolean causedByPhysicalCpus() {
    return causedByPhysicalCpus;
  }
}
