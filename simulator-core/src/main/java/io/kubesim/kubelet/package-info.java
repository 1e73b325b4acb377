/**
 * The kubelet's CPU-related admission on one node: {@link io.kubesim.kubelet.KubeletConfiguration}
 * (the fields of the real {@code KubeletConfiguration} that matter here, validated as the kubelet
 * does), the minimal pod description the simulator hands in ({@link io.kubesim.kubelet.PodResources},
 * {@link io.kubesim.kubelet.ContainerResources}), and {@link io.kubesim.kubelet.NodeCpuAdmission},
 * which runs the CPU Manager under the Topology Manager and reports pinning quality.
 */
package io.kubesim.kubelet;
