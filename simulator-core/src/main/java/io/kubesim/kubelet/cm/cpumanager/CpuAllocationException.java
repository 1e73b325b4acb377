package io.kubesim.kubelet.cm.cpumanager;

/**
 * The accumulator could not take the CPUs asked for, e.g. {@code not enough cpus available to
 * satisfy request: requested=4, available=3}. Not an admission decision of the CPU manager: the
 * kubelet reports it as {@code UnexpectedAdmissionError}.
 */
public final class CpuAllocationException extends RuntimeException {
  public CpuAllocationException(String message) {
    super(message);
  }

  static CpuAllocationException notEnough(int requested, int available) {
    return new CpuAllocationException("not enough cpus available to satisfy request: requested=" + requested
        + ", available=" + available);
  }
}
