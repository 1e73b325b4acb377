package io.kubesim.scheduler.plugins.nodeaffinity;

import io.kubesim.api.NodeAffinity;
import io.kubesim.scheduler.plugins.helper.FieldErrors;
import java.util.ArrayList;
import java.util.List;

/**
 * Upstream {@code NodeAffinityArgs}.
 *
 * @param addedAffinity null = none; otherwise applied to every pod on top of its own node affinity:
 *     its required selector must match too, its preferred terms add to the score
 */
public record NodeAffinityArgs(NodeAffinity addedAffinity) {

  public static final NodeAffinityArgs DEFAULTS = new NodeAffinityArgs(null);

  /** Upstream {@code ValidateNodeAffinityArgs}; throws {@link IllegalArgumentException}. */
  public void validate() {
    if (addedAffinity == null) return;
    List<String> errs = new ArrayList<>();
    if (addedAffinity.requiredDuringSchedulingIgnoredDuringExecution() != null) {
      errs.addAll(NodeSelectorTerms.validate(addedAffinity.requiredDuringSchedulingIgnoredDuringExecution(),
          "addedAffinity.requiredDuringSchedulingIgnoredDuringExecution"));
    }
    if (!addedAffinity.preferredDuringSchedulingIgnoredDuringExecution().isEmpty()) {
      errs.addAll(PreferredTerms.validate(addedAffinity.preferredDuringSchedulingIgnoredDuringExecution(),
          "addedAffinity.preferredDuringSchedulingIgnoredDuringExecution"));
    }
    FieldErrors.throwIfAny(errs);
  }
}
