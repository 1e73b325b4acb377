package io.kubesim.kubelet.cm.topologymanager;

import io.kubesim.kubelet.cm.admission.AdmissionError;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The Topology Manager's pod admission, as upstream's scopes ({@code scope_container.go},
 * {@code scope_pod.go}, {@code scope_none.go}).
 *
 * <ul>
 *   <li>policy {@code none}: no hints are gathered; every container is allocated without affinity.
 *   <li>scope {@code container}: for each container in order (init containers first) gather every
 *       provider's hints, merge, reject the pod if not admitted, then let every provider allocate
 *       for that container, so later containers see what earlier ones took.
 *   <li>scope {@code pod}: gather pod-level hints once, merge once, reject or use the same affinity
 *       for every container, then allocate container by container.
 * </ul>
 */
public final class TopologyManager {
  private final TopologyManagerPolicy policy;
  private final TopologyManagerScope scope;

  public TopologyManager(TopologyManagerPolicy policy, TopologyManagerScope scope) {
    this.policy = policy;
    this.scope = scope;
  }

  /**
   * Builds the manager from kubelet configuration values, with upstream's start-up checks.
   *
   * @throws IllegalArgumentException with upstream's message (unknown policy or option, too many
   *     NUMA nodes)
   */
  public static TopologyManager create(NumaInfo numaInfo, String policyName, String scopeName,
      Map<String, String> policyOptions) {
    TopologyManagerPolicyOptions options = TopologyManagerPolicyOptions.parse(policyOptions);
    TopologyManagerPolicyName name = TopologyManagerPolicyName.parse(policyName);
    if (name != TopologyManagerPolicyName.NONE && numaInfo.nodes().size() > options.maxAllowableNumaNodes()) {
      throw new IllegalArgumentException("unsupported on machines with more than " + options.maxAllowableNumaNodes()
          + " NUMA Nodes");
    }
    TopologyManagerScope scope = TopologyManagerScope.parse(scopeName);
    return new TopologyManager(new TopologyManagerPolicy(name, numaInfo, options), scope);
  }

  public TopologyManagerPolicy policy() {
    return policy;
  }

  public TopologyManagerScope scope() {
    return scope;
  }

  /**
   * Admits one pod.
   *
   * @param containers the pod's containers in admission order (init containers first)
   * @return the affinity stored for each container, in the order of {@code containers}
   * @throws AdmissionError when the pod is rejected ({@link TopologyAffinityError}, or whatever a
   *     provider's allocation raised); allocations already made for earlier containers are left
   *     for the caller to release
   */
  public <P, C> List<TopologyHint> admit(P pod, List<C> containers, List<? extends HintProvider<P, C>> providers) {
    List<TopologyHint> affinities = new ArrayList<>();
    if (policy.name() == TopologyManagerPolicyName.NONE) {
      for (C c : containers) {
        allocate(pod, c, TopologyHint.ANY_NOT_PREFERRED, providers);
        affinities.add(TopologyHint.ANY_NOT_PREFERRED);
      }
      return affinities;
    }
    if (scope == TopologyManagerScope.POD) {
      List<Map<String, List<TopologyHint>>> hints = new ArrayList<>();
      for (HintProvider<P, C> p : providers) hints.add(p.getPodTopologyHints(pod));
      MergeResult merged = policy.merge(hints);
      if (!merged.admit()) throw new TopologyAffinityError();
      for (C c : containers) {
        allocate(pod, c, merged.hint(), providers);
        affinities.add(merged.hint());
      }
      return affinities;
    }
    for (C c : containers) {
      List<Map<String, List<TopologyHint>>> hints = new ArrayList<>();
      for (HintProvider<P, C> p : providers) hints.add(p.getTopologyHints(pod, c));
      MergeResult merged = policy.merge(hints);
      if (!merged.admit()) throw new TopologyAffinityError();
      allocate(pod, c, merged.hint(), providers);
      affinities.add(merged.hint());
    }
    return affinities;
  }

  private static <P, C> void allocate(P pod, C container, TopologyHint affinity,
      List<? extends HintProvider<P, C>> providers) {
    for (HintProvider<P, C> p : providers) {
      try {
        p.allocate(pod, container, affinity);
      } catch (RuntimeException e) {
        throw AdmissionError.of(e);
      }
    }
  }
}
