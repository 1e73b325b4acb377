package io.kubesim.api;

import java.util.List;

public record NodeSpec(boolean unschedulable, List<Taint> taints) {
  public NodeSpec {
    taints = taints == null ? List.of() : List.copyOf(taints);
  }

  public static final NodeSpec EMPTY = new NodeSpec(false, List.of());
}
