package io.kubesim.testing;

import io.kubesim.api.NodeSelectorRequirement;
import io.kubesim.api.NodeSelectorTerm;
import java.util.List;

/**
 * Node selector terms (for {@code nodeAffinity}) and their requirements:
 * {@code matchExpressions(requirement("disk", "In", "ssd"), requirement("cores", "Gt", "8"))}.
 * Requirements of one term are ANDed, terms are ORed.
 */
public final class NodeSelectors {
  private NodeSelectors() {}

  /** A term with these {@code matchExpressions} (on node labels). */
  public static NodeSelectorTerm matchExpressions(NodeSelectorRequirement... requirements) {
    return new NodeSelectorTerm(List.of(requirements), List.of());
  }

  /** A term with these {@code matchFields} (only {@code metadata.name} is supported). */
  public static NodeSelectorTerm matchFields(NodeSelectorRequirement... requirements) {
    return new NodeSelectorTerm(List.of(), List.of(requirements));
  }

  /** {@code key operator (values)}; operators In, NotIn, Exists, DoesNotExist, Gt and Lt. */
  public static NodeSelectorRequirement requirement(String key, String operator, String... values) {
    return new NodeSelectorRequirement(key, operator, List.of(values));
  }
}
