/**
 * The kubelet CPU Manager's {@code static} policy ({@code pkg/kubelet/cm/cpumanager}): the CPU
 * accumulator that picks CPUs topology-aware (packed, spread across cores, distributed across
 * NUMA nodes, aligned to uncore caches), the six policy options, reserved CPUs, the shared pool,
 * exclusive allocation for Guaranteed containers and the topology hints it gives the Topology
 * Manager.
 *
 * <p>Pools, as upstream's {@code policy_static.go} defines them: the <em>shared pool</em> (default
 * cpuset) is where non-exclusive containers run; <em>reserved</em> CPUs are never handed out
 * exclusively (and leave the shared pool only with {@code strict-cpu-reservation}); the
 * <em>assignable</em> CPUs are shared pool minus reserved; <em>exclusive</em> CPUs belong to one
 * container each and are out of the shared pool.
 */
package io.kubesim.kubelet.cm.cpumanager;
