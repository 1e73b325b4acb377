/**
 * Conformance cases of kinds {@code cpu-assign}, {@code cpu-hints} and {@code topology-admit}
 * ({@code shared/conformance/FORMAT.md}): each case is read strictly (unknown keys are errors),
 * run against the simulator's kubelet CPU Manager / Topology Manager, and compared with its
 * {@code expect} block, one line per difference.
 */
package io.kubesim.conformance.cpu;
