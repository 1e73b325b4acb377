/**
 * PodDisruptionBudgets: the disruption controller's status arithmetic
 * ({@link io.kubesim.controllers.disruption.DisruptionController}) and the eviction subresource
 * that consumes it ({@link io.kubesim.controllers.disruption.Eviction}). Taint eviction and
 * ReplicaSet scale-down delete pods directly and never come here; {@code kubectl drain} does.
 */
package io.kubesim.controllers.disruption;
