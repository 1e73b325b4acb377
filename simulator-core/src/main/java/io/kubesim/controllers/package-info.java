/**
 * The decision logic of the Kubernetes controllers that create, delete and taint around the
 * scheduler, as pure functions over API records: no event loop, no clock, no client. Every
 * entry point takes the objects it reads and an explicit {@code nowMs} (simulated milliseconds
 * since {@link io.kubesim.controllers.SimTime#EPOCH}) and returns what upstream would write.
 *
 * <p>One sub-package per upstream controller: {@code deployment}, {@code replicaset},
 * {@code statefulset}, {@code disruption} (PDB arithmetic and the eviction subresource) and
 * {@code nodelifecycle} (node taints, default tolerations and NoExecute taint eviction).
 *
 * <p>Timestamps in API records are RFC 3339 strings with one-second resolution, as the API
 * serializes them; {@link io.kubesim.controllers.SimTime} converts. Upstream compares those
 * truncated timestamps with an untruncated {@code now}; so do we.
 */
package io.kubesim.controllers;
