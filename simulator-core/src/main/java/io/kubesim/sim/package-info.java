/**
 * The discrete-event replay engine: a simulated clock, timed events, the pod lifecycle (created,
 * scheduled, admitted by the kubelet, running, ready, terminating, gone), and the control loop
 * that lets controllers and the scheduler settle after every change. Deterministic for a seed.
 */
package io.kubesim.sim;
