package io.kubesim.scheduler.plugins.podtopologyspread;

import io.kubesim.api.Node;
import io.kubesim.api.Pod;
import io.kubesim.api.ResourceNames;
import io.kubesim.api.labels.RequiredNodeAffinity;
import io.kubesim.api.labels.Selector;
import io.kubesim.scheduler.framework.Features;
import io.kubesim.scheduler.plugins.helper.Tolerations;

/**
 * A spread constraint as the scheduler uses it (upstream {@code topologySpreadConstraint}): the
 * selector is compiled and already merged with {@code matchLabelKeys} (or replaced by the default
 * selector for default constraints), and unset fields carry their defaults.
 *
 * @param selector {@link Selector#NOTHING} for a nil {@code labelSelector}; {@link Selector#isEmpty()}
 *     selectors match every pod but count none
 * @param minDomains 1 when unset
 */
public record Constraint(
    int maxSkew,
    String topologyKey,
    Selector selector,
    int minDomains,
    NodeInclusionPolicy nodeAffinityPolicy,
    NodeInclusionPolicy nodeTaintsPolicy) {

  /** Whether this constraint's key is {@code kubernetes.io/hostname}, which Score counts per node. */
  public boolean isHostname() {
    return ResourceNames.LABEL_HOSTNAME.equals(topologyKey);
  }

  /**
   * Upstream {@code matchNodeInclusionPolicies}: whether {@code node}'s pods and domain count for this
   * constraint when scheduling {@code pod}. Only consulted with the NodeInclusionPolicy gate on.
   */
  public boolean includes(Pod pod, Node node, RequiredNodeAffinity affinity, Features features) {
    if (nodeAffinityPolicy == NodeInclusionPolicy.Honor && !affinity.matches(node)) return false;
    return nodeTaintsPolicy != NodeInclusionPolicy.Honor
        || Tolerations.findUntolerated(node.spec().taints(), pod.spec().tolerations(), Tolerations.DO_NOT_SCHEDULE,
            features.taintTolerationComparisonOperators()) == null;
  }
}
