/**
 * The CPU topology of a node as the kubelet sees it ({@code pkg/kubelet/cm/cpumanager/topology}):
 * every logical CPU with its core, socket, NUMA node and uncore (L3) cache, the derived counts and
 * lookups, the NUMA distance matrix, and named presets of real machines.
 *
 * <p>Numbering follows the kubelet: a core's id is the lowest logical CPU id among its threads, so
 * it is unique machine-wide; a missing L3 cache makes the uncore cache id equal the socket id.
 */
package io.kubesim.kubelet.cm.topology;
