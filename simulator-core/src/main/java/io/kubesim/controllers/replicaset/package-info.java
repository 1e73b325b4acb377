/**
 * The ReplicaSet controller (upstream {@code pkg/controller/replicaset} and the pod orderings of
 * {@code controller_utils.go}): how many pods to create, which pods to delete
 * ({@link io.kubesim.controllers.replicaset.DeletionOrder}, the eight-rule
 * {@code ActivePodsWithRanks} order with ranks, pod-deletion-cost and log2 age buckets) and the
 * RS status the Deployment controller reads.
 */
package io.kubesim.controllers.replicaset;
