/**
 * The Deployment controller (upstream {@code pkg/controller/deployment}): one
 * {@link io.kubesim.controllers.deployment.DeploymentController#sync sync} decides what the
 * controller writes to the Deployment's ReplicaSets — create the new RS, scale RSes
 * (rolling update, Recreate, proportional scaling), keep their revision / desired-replicas /
 * max-replicas annotations, and delete old RSes beyond {@code revisionHistoryLimit}.
 *
 * <p>Like upstream, it reads only ReplicaSet objects and their status counts
 * ({@link io.kubesim.controllers.deployment.ReplicaSetState}); pods matter only to Recreate
 * (it waits for old pods to stop). The engine stores the returned
 * {@link io.kubesim.controllers.deployment.DeploymentStatus} and passes it to the next sync, as
 * the API server would.
 *
 * <ul>
 *   <li>{@link io.kubesim.controllers.deployment.Fenceposts}: maxSurge / maxUnavailable resolution.
 *   <li>{@link io.kubesim.controllers.deployment.PodTemplateHash}: {@code pod-template-hash}.
 *   <li>{@link io.kubesim.controllers.deployment.RollingUpdate},
 *       {@link io.kubesim.controllers.deployment.Recreate},
 *       {@link io.kubesim.controllers.deployment.ProportionalScaling},
 *       {@link io.kubesim.controllers.deployment.RevisionHistory}: the steps of one sync.
 * </ul>
 */
package io.kubesim.controllers.deployment;
