/** Upstream's {@code NodeName} plugin: a pod naming a node in {@code spec.nodeName} fits only there. */
package io.kubesim.scheduler.plugins.nodename;
