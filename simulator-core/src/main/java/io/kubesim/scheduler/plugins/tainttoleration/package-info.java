/**
 * Upstream's {@code TaintToleration} plugin: filters on untolerated NoSchedule/NoExecute taints and
 * scores nodes by their untolerated PreferNoSchedule taints. The toleration matching lives in
 * {@link io.kubesim.scheduler.plugins.helper.Tolerations}.
 */
package io.kubesim.scheduler.plugins.tainttoleration;
