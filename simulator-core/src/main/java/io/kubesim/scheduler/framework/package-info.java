/**
 * The scheduling framework, as upstream's {@code pkg/scheduler/framework}: extension-point
 * interfaces, {@link io.kubesim.scheduler.framework.Status}, the per-cycle
 * {@link io.kubesim.scheduler.framework.CycleState}, and the cluster view plugins read
 * ({@link io.kubesim.scheduler.framework.Snapshot}, {@link io.kubesim.scheduler.framework.NodeInfo}).
 * Plugins never mutate the snapshot.
 */
package io.kubesim.scheduler.framework;
