package io.kubesim.scenarios;

import io.kubesim.yaml.YamlNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A loaded scenario file: its tree (includes spliced in) and its variants. Decoding is per
 * variant; files the scenario reads (snapshot, lscpu) are read once and shared.
 */
public final class ScenarioFile {
  private final Path file;
  private final YamlNode.Map root;
  private final List<VariantSpec> variants;
  private final Map<Path, List<YamlNode>> fileCache;

  ScenarioFile(Path file, YamlNode.Map root, List<VariantSpec> variants, Map<Path, List<YamlNode>> fileCache) {
    this.file = file;
    this.root = root;
    this.variants = List.copyOf(variants);
    this.fileCache = fileCache;
  }

  public Path file() {
    return file;
  }

  public YamlNode.Map tree() {
    return root;
  }

  public List<VariantSpec> variants() {
    return variants;
  }

  /** Every name an expectation's {@code variants} list may use: variant names and matrix parts. */
  public Set<String> variantNames() {
    Set<String> out = new LinkedHashSet<>();
    for (VariantSpec v : variants) out.add(v.name());
    for (VariantSpec v : variants) out.addAll(v.parts());
    return out;
  }

  /** The tree with the variant's {@code set} entries applied. */
  public YamlNode.Map tree(VariantSpec variant) {
    YamlNode t = root;
    for (VariantSpec.Set s : variant.sets()) t = TreeEdit.set(t, s.path(), s.value(), s.value());
    return t.asMap();
  }

  public Scenario decode(VariantSpec variant) {
    return new ScenarioDecoder(file, variantNames(), fileCache).decode(tree(variant), variant);
  }

  /** Every variant decoded (what {@code sim validate} checks). */
  public List<Scenario> decodeAll() {
    List<Scenario> out = new ArrayList<>();
    for (VariantSpec v : variants) out.add(decode(v));
    return out;
  }
}
