package io.kubesim.kubelet.cm.cpumanager;

/**
 * How single CPUs are ordered when the accumulator takes threads one by one (upstream
 * {@code CPUSortingStrategy}).
 */
public enum CpuSortingStrategy {
  /** Core by core: the threads of a core come together (default). */
  PACKED,
  /**
   * Socket by socket in plain id order, which with Linux numbering alternates cores; the
   * whole-core step is skipped ({@code distribute-cpus-across-cores}).
   */
  SPREAD
}
