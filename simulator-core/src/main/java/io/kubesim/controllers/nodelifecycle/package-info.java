/**
 * Node lifecycle: the taints Kubernetes itself puts on nodes
 * ({@link io.kubesim.controllers.nodelifecycle.NodeLifecycleController}: NoSchedule taints at once,
 * NoExecute taints through a per-zone rate limiter), the {@code DefaultTolerationSeconds}
 * admission plugin ({@link io.kubesim.controllers.nodelifecycle.DefaultTolerationSeconds}) and the
 * taint eviction controller that deletes pods from NoExecute-tainted nodes
 * ({@link io.kubesim.controllers.nodelifecycle.TaintEvictionController}). All time is explicit:
 * every call takes {@code nowMs}.
 */
package io.kubesim.controllers.nodelifecycle;
