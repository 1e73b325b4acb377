/** Upstream's {@code NodeUnschedulable} plugin: cordoned nodes reject pods that do not tolerate it. */
package io.kubesim.scheduler.plugins.nodeunschedulable;
