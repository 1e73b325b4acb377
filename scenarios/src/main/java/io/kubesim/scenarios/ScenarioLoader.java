package io.kubesim.scenarios;

import io.kubesim.yaml.InputError;
import io.kubesim.yaml.Suggest;
import io.kubesim.yaml.YamlLoader;
import io.kubesim.yaml.YamlNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a scenario file: the YAML tree with {@code include}d manifests spliced into
 * {@code manifests}, and its variants ({@code variants}, or the cross product of {@code matrix}).
 * {@link ScenarioFile#decode} then turns the tree, with one variant's {@code set} paths applied,
 * into a checked {@link Scenario}.
 */
public final class ScenarioLoader {
  public static final String DEFAULT_VARIANT = "default";

  private static final java.util.Set<String> NOT_SETTABLE = java.util.Set.of("apiVersion", "kind", "include", "variants", "matrix");
  private static final java.util.regex.Pattern VARIANT_NAME = java.util.regex.Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");

  private final YamlLoader yaml = new YamlLoader();

  public ScenarioFile load(Path file) {
    YamlNode.Map root = yaml.load(file).asMap();
    root = spliceIncludes(file, root);
    return new ScenarioFile(file, root, variants(root), new HashMap<>());
  }

  // ---------------------------------------------------------------- include

  private YamlNode.Map spliceIncludes(Path file, YamlNode.Map root) {
    YamlNode include = root.opt("include");
    if (include == null) return root;
    YamlNode manifests = root.opt("manifests");
    List<YamlNode> items = new ArrayList<>(manifests == null ? List.of() : manifests.asSeq().items());
    for (YamlNode entry : include.asSeq().items()) {
      Path p = resolveInside(file, entry, "include");
      items.addAll(yaml.loadAll(p));
    }
    Map<String, YamlNode> fields = new LinkedHashMap<>(root.fields());
    fields.put("manifests", new YamlNode.Seq(manifests == null ? include.mark() : manifests.mark(), "manifests", items));
    return new YamlNode.Map(root.mark(), root.path(), fields);
  }

  /**
   * A file named relative to the scenario file's directory; it may not leave that directory (no
   * absolute paths, no "..", no symbolic link pointing out) and must exist.
   */
  static Path resolveInside(Path scenarioFile, YamlNode entry, String what) {
    String text = entry.asString();
    Path base = scenarioFile.toAbsolutePath().normalize().getParent();
    Path written = Path.of(text);
    Path target = base.resolve(written).normalize();
    if (written.isAbsolute() || !target.startsWith(base)) {
      throw entry.error(what + " path \"" + text + "\" leaves the scenario's directory; files must be in " + base + " or below it");
    }
    if (!Files.isRegularFile(target)) throw entry.error(what + " file \"" + text + "\" does not exist (looked for " + target + ")");
    try {
      if (!target.toRealPath().startsWith(base.toRealPath())) {
        throw entry.error(what + " path \"" + text + "\" leaves the scenario's directory through a symbolic link");
      }
    } catch (IOException e) {
      throw entry.error("cannot read " + what + " file \"" + text + "\": " + e.getMessage());
    }
    return target;
  }

  // ---------------------------------------------------------------- variants

  private static List<VariantSpec> variants(YamlNode.Map root) {
    YamlNode variants = root.opt("variants");
    YamlNode matrix = root.opt("matrix");
    if (variants != null && matrix != null) throw matrix.error("use either variants or matrix, not both");
    List<VariantSpec> out = new ArrayList<>();
    if (variants != null) {
      out.addAll(dimension(variants));
    } else if (matrix != null) {
      List<VariantSpec> combined = List.of(new VariantSpec("", null, List.of(), List.of(), matrix.mark()));
      Map<String, YamlNode> partNames = new HashMap<>();
      for (YamlNode dim : matrix.asSeq().items()) {
        List<VariantSpec> parts = dimension(dim);
        for (VariantSpec p : parts) {
          YamlNode seen = partNames.put(p.name(), dim);
          if (seen != null && seen != dim) {
            throw new InputError(p.mark(), dim.path(), "variant name \"" + p.name() + "\" is used in two matrix dimensions");
          }
        }
        List<VariantSpec> next = new ArrayList<>();
        for (VariantSpec c : combined) {
          for (VariantSpec p : parts) {
            List<String> names = new ArrayList<>(c.parts());
            names.add(p.name());
            List<VariantSpec.Set> sets = new ArrayList<>(c.sets());
            sets.addAll(p.sets());
            String description = c.description() == null ? p.description()
                : p.description() == null ? c.description() : c.description() + "; " + p.description();
            next.add(new VariantSpec(String.join("+", names), description, names, sets, p.mark()));
          }
        }
        combined = next;
      }
      out.addAll(combined);
    }
    if (out.isEmpty()) out.add(new VariantSpec(DEFAULT_VARIANT, null, List.of(DEFAULT_VARIANT), List.of(), root.mark()));
    return out;
  }

  private static List<VariantSpec> dimension(YamlNode list) {
    YamlNode.Seq seq = list.asSeq();
    if (seq.items().isEmpty()) throw list.error("needs at least one variant");
    List<VariantSpec> out = new ArrayList<>();
    Map<String, YamlNode> names = new HashMap<>();
    for (YamlNode item : seq.items()) {
      YamlNode.Map m = item.asMap().allowOnly("name", "description", "set");
      YamlNode nameNode = m.require("name");
      String name = nameNode.asString();
      if (!VARIANT_NAME.matcher(name).matches()) {
        throw nameNode.error("invalid variant name \"" + name + "\": use letters, digits, '.', '_' and '-' (starting with a letter or digit)");
      }
      YamlNode first = names.put(name, nameNode);
      if (first != null) throw nameNode.error("duplicate variant name \"" + name + "\" (first at line " + first.mark().line() + ")");
      List<VariantSpec.Set> sets = new ArrayList<>();
      YamlNode set = m.opt("set");
      if (set != null) {
        for (Map.Entry<String, YamlNode> e : set.asMap().fields().entrySet()) {
          String root = TreeEdit.rootKey(e.getKey(), e.getValue());
          if (NOT_SETTABLE.contains(root)) throw e.getValue().error("\"" + root + "\" cannot be changed by a variant");
          TreeEdit.parse(e.getKey(), e.getValue());
          sets.add(new VariantSpec.Set(e.getKey(), e.getValue()));
        }
      }
      out.add(new VariantSpec(name, m.opt("description", YamlNode::asString, null), List.of(name), sets, item.mark()));
    }
    return out;
  }

  /** The variant called {@code name}; the error suggests the closest name. */
  public static VariantSpec find(List<VariantSpec> variants, String name) {
    for (VariantSpec v : variants) if (v.name().equals(name)) return v;
    List<String> names = variants.stream().map(VariantSpec::name).toList();
    throw new IllegalArgumentException("no variant \"" + name + "\"" + Suggest.closest(name, names) + "; variants: " + String.join(", ", names));
  }
}
