package io.kubesim.manifest;

import io.kubesim.yaml.InputError;
import io.kubesim.yaml.Suggest;
import io.kubesim.yaml.YamlNode;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The fields one kind of Kubernetes object may have in a manifest: those the simulator models and
 * those real {@code kubectl get -o yaml} output carries that it ignores. Anything else is a
 * misspelling (or a field from another kind) and is rejected with the closest known name.
 */
record Shape(Set<String> modelled, Set<String> ignored) {

  static Shape of(Set<String> modelled, Set<String> ignored) {
    return new Shape(modelled, ignored);
  }

  static Shape modelledOnly(String... modelled) {
    return new Shape(Set.of(modelled), Set.of());
  }

  Set<String> all() {
    Set<String> all = new TreeSet<>(modelled);
    all.addAll(ignored);
    return all;
  }

  /** The node as a mapping whose every key is known; an {@link InputError} at the first unknown one. */
  YamlNode.Map check(YamlNode node) {
    YamlNode.Map map = node.asMap();
    for (Map.Entry<String, YamlNode> e : map.fields().entrySet()) {
      String key = e.getKey();
      if (!modelled.contains(key) && !ignored.contains(key)) {
        throw new InputError(e.getValue().mark(), e.getValue().path(), Suggest.unknownField(key, all()));
      }
    }
    return map;
  }
}
