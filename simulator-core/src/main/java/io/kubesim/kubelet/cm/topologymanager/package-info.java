/**
 * The kubelet Topology Manager ({@code pkg/kubelet/cm/topologymanager}): NUMA affinity masks,
 * topology hints, the hint merger shared by the policies {@code none}, {@code best-effort},
 * {@code restricted} and {@code single-numa-node}, the policy options, and the {@code container}
 * and {@code pod} scopes that drive hint providers through admission.
 */
package io.kubesim.kubelet.cm.topologymanager;
