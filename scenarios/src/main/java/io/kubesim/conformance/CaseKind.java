package io.kubesim.conformance;

import io.kubesim.yaml.YamlNode;
import java.util.List;
import java.util.Set;

/**
 * Runs the conformance cases of some {@code kind:} values (see {@code shared/conformance/FORMAT.md}).
 *
 * <p>An implementation reads the whole case, rejects keys it does not know (top level and
 * {@code expect}, via {@link YamlNode.Map#allowOnly}) by throwing {@link io.kubesim.yaml.InputError},
 * runs the simulator's code, and returns what differed from {@code expect}.
 */
public interface CaseKind {

  /** The {@code kind:} values this implementation runs. */
  Set<String> kinds();

  /**
   * Runs one case.
   *
   * @param doc the whole case document, header included
   * @return one line per difference from {@code expect}; empty when the case passes; never null
   */
  List<String> run(YamlNode.Map doc);
}
