/**
 * Upstream's {@code InterPodAffinity} plugin. Filter: the pod's required affinity and
 * anti-affinity, and existing pods' required anti-affinity against the pod, checked against
 * per-cycle topology-pair counts built in PreFilter ({@link
 * io.kubesim.scheduler.plugins.interpodaffinity.Filtering}). Score: preferred terms in both
 * directions and existing pods' required affinity, summed per topology pair in PreScore ({@link
 * io.kubesim.scheduler.plugins.interpodaffinity.Scoring}).
 */
package io.kubesim.scheduler.plugins.interpodaffinity;
