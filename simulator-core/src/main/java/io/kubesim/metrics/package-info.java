/**
 * What a replay measures: per workload and spread constraint the domain counts and skew (as the
 * scheduler sees it and over all nodes), pending pods with their reasons and waits, pods per
 * node, and CPU pinning quality. Samples are immutable records; {@link io.kubesim.metrics.Recorder}
 * collects them from a running {@link io.kubesim.sim.Simulation}.
 */
package io.kubesim.metrics;
