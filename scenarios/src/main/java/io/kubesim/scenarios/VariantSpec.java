package io.kubesim.scenarios;

import io.kubesim.yaml.Mark;
import io.kubesim.yaml.YamlNode;
import java.util.List;

/**
 * A variant as written: its name (matrix parts joined with "+"), and the {@code set} entries to
 * apply to the scenario's tree, in order.
 *
 * @param parts the matrix variants combined (just the name for a plain variant)
 */
public record VariantSpec(String name, String description, List<String> parts, List<Set> sets, Mark mark) {

  /** One {@code path: value} entry. */
  public record Set(String path, YamlNode value) {}
}
