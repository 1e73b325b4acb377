package io.kubesim.kubelet.cm.topologymanager;

import java.util.List;
import java.util.Map;

/**
 * A resource manager that takes part in topology-aware admission (CPU manager, memory manager,
 * device manager), as upstream's {@code HintProvider}. Generic over the pod and container types so
 * that this package does not depend on any particular pod model.
 *
 * <p>Hint maps: {@code null} or empty = no preference; per resource, {@code null} = no preference,
 * an empty list = cannot be satisfied.
 *
 * @param <P> the pod type
 * @param <C> the container type
 */
public interface HintProvider<P, C> {

  /** Hints for one container (container scope). */
  Map<String, List<TopologyHint>> getTopologyHints(P pod, C container);

  /** Hints for the whole pod (pod scope). */
  Map<String, List<TopologyHint>> getPodTopologyHints(P pod);

  /**
   * Allocates for one container, using {@code affinity} (the merged hint; its affinity may be
   * {@code null}). Throws an {@link io.kubesim.kubelet.cm.admission.AdmissionError} to reject the
   * pod with that reason; any other exception is reported as an unexpected admission error.
   */
  void allocate(P pod, C container, TopologyHint affinity);
}
