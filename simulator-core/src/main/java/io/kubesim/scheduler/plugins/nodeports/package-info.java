/** Upstream's {@code NodePorts} plugin: a pod's host ports must be free on the node. */
package io.kubesim.scheduler.plugins.nodeports;
