/**
 * Upstream's {@code noderesources} plugins: {@link io.kubesim.scheduler.plugins.noderesources.Fit}
 * (NodeResourcesFit: requests must fit the node's free allocatable; scores by a scoring strategy)
 * and {@link io.kubesim.scheduler.plugins.noderesources.BalancedAllocation}
 * (NodeResourcesBalancedAllocation: prefers nodes whose resource fractions stay even).
 */
package io.kubesim.scheduler.plugins.noderesources;
