/**
 * The kubelet container manager's resource managers ({@code pkg/kubelet/cm}): CPU sets, CPU
 * topology, CPU Manager, Topology Manager and their admission errors, plus small helpers shared
 * by their option parsers.
 */
package io.kubesim.kubelet.cm;
