/**
 * The StatefulSet controller (upstream {@code stateful_set_control.go}): what one sync creates
 * and deletes — missing ordinals, condemned ordinals, failed pods and rolling-update victims —
 * under OrderedReady or Parallel pod management and the RollingUpdate / OnDelete strategies.
 */
package io.kubesim.controllers.statefulset;
