/**
 * The simulated cluster's state: nodes, pods and workload objects, with the per-node bookkeeping
 * the scheduler reads. This is the one mutable place the scheduler, the controllers and the
 * kubelet model write to.
 */
package io.kubesim.cluster;
