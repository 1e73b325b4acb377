/**
 * Upstream's {@code TaintToleration} plugin: filters on untolerated NoSchedule/NoExecute taints and
 * scores nodes by their untolerated PreferNoSchedule taints; plus the toleration matching it uses.
 */
package io.kubesim.scheduler.plugins.tainttoleration;
