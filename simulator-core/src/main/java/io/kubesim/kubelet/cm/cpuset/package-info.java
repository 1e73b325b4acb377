/**
 * Immutable sets of small non-negative ids in the Linux / Kubernetes cpuset list syntax
 * ({@code "0-3,8"}), used for logical CPU ids and equally for NUMA node, socket, core and
 * uncore-cache id sets. Mirrors {@code k8s.io/utils/cpuset}.
 */
package io.kubesim.kubelet.cm.cpuset;
