package io.kubesim.yaml;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;

/**
 * Reads YAML into {@link YamlNode} trees. Documents are plain data: tags never instantiate
 * classes, aliases and nesting are bounded ({@link Limits}), duplicate keys are errors.
 */
public final class YamlLoader {

  /**
   * Bounds that keep a hostile or broken file from exhausting the machine.
   *
   * @param maxAliases alias uses per file
   * @param maxDepth nesting depth of mappings and lists
   * @param maxCodePoints characters per file
   * @param maxNodes values per file, counting every alias as the values it stands for
   */
  public record Limits(int maxAliases, int maxDepth, int maxCodePoints, long maxNodes) {
    public static final Limits DEFAULT = new Limits(1_000, 64, 64 * 1024 * 1024, 5_000_000);
  }

  /** The limits {@link #YamlLoader()} uses; the CLI raises them once, at start, when asked. */
  private static volatile Limits processLimits = Limits.DEFAULT;

  private final YAMLFactory factory;
  private final Limits limits;

  /** A loader with the process's limits ({@link Limits#DEFAULT} unless {@link #useLimits} changed them). */
  public YamlLoader() {
    this(processLimits);
  }

  /** Sets the limits every later {@code new YamlLoader()} uses (e.g. for a very large cluster snapshot). */
  public static void useLimits(Limits limits) {
    processLimits = limits;
  }

  public static Limits limits() {
    return processLimits;
  }

  public YamlLoader(Limits limits) {
    LoaderOptions options = new LoaderOptions();
    options.setMaxAliasesForCollections(limits.maxAliases());
    options.setNestingDepthLimit(limits.maxDepth());
    options.setCodePointLimit(limits.maxCodePoints());
    options.setAllowDuplicateKeys(true); // duplicates are reported by Document.build, with their field path
    this.limits = limits;
    this.factory = YAMLFactory.builder().loaderOptions(options).build();
  }

  /** Every document of the file, in order; empty documents are skipped. */
  public List<YamlNode> loadAll(Path file) {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new InputError(new Mark(file.toString(), 1, 1), "", "cannot read file: " + e.getMessage());
    }
    return loadAll(file.toString(), new StringReader(text));
  }

  /** The single document of the file. */
  public YamlNode load(Path file) {
    List<YamlNode> docs = loadAll(file);
    if (docs.size() != 1) {
      throw new InputError(new Mark(file.toString(), 1, 1), "", "expected exactly one YAML document, found " + docs.size());
    }
    return docs.get(0);
  }

  public List<YamlNode> loadAll(String name, Reader reader) {
    try (YAMLParser parser = (YAMLParser) factory.createParser(reader)) {
      List<YamlNode> docs = new ArrayList<>();
      Document document = new Document(name);
      JsonToken token;
      while ((token = parser.nextToken()) != null) {
        YamlNode doc = document.read(parser, token, "");
        if (!doc.isNull()) docs.add(doc);
      }
      return docs;
    } catch (JsonProcessingException e) {
      JsonLocation at = e.getLocation();
      Mark mark = at == null ? new Mark(name, 1, 1) : new Mark(name, Math.max(1, at.getLineNr()), Math.max(1, at.getColumnNr()));
      throw new InputError(mark, "", "malformed YAML: " + e.getOriginalMessage().lines().findFirst().orElse(""));
    } catch (IOException e) {
      throw new InputError(new Mark(name, 1, 1), "", "cannot read: " + e.getMessage());
    }
  }

  /** One file being read: its anchors and how much it has expanded so far. */
  private final class Document {
    private final String name;
    private final Map<String, YamlNode> anchors = new HashMap<>();
    private final Map<String, Long> anchorSizes = new HashMap<>();
    private long nodes;
    private int aliases;

    Document(String name) {
      this.name = name;
    }

      YamlNode read(YAMLParser p, JsonToken token, String path) throws IOException {
      Mark mark = mark(name, p);
      if (p.isCurrentAlias()) return alias(p.getText(), mark, path);
      String anchor = p.getCurrentAnchor();
      long before = nodes;
      YamlNode node = build(p, token, path, mark);
      if (anchor != null) {
        anchors.put(anchor, node);
        anchorSizes.put(anchor, nodes - before);
      }
      return node;
    }

    private YamlNode alias(String anchor, Mark mark, String path) {
      YamlNode target = anchors.get(anchor);
      // Jackson reports no anchors on scalars, so an alias to a scalar cannot be resolved: say so.
      if (target == null) throw new InputError(mark, path, "alias *" + anchor + " does not name an anchored mapping or list (aliases of scalar values are not supported)");
      if (++aliases > limits.maxAliases()) {
        throw new InputError(mark, path, "more than " + limits.maxAliases() + " aliases in one file (raise it with --max-yaml-aliases)");
      }
      count(mark, path, anchorSizes.get(anchor));
      return target;
    }

    private void count(Mark mark, String path, long n) {
      nodes += n;
      if (nodes > limits.maxNodes()) {
        throw new InputError(mark, path, "more than " + limits.maxNodes() + " values in one file, aliases expanded (raise it with --max-yaml-values)");
      }
    }

    private YamlNode build(YAMLParser p, JsonToken token, String path, Mark mark) throws IOException {
    count(mark, path, 1);
    if ((token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY)
        && p.getParsingContext().getNestingDepth() > limits.maxDepth()) {
      throw new InputError(mark, path, "nested more than " + limits.maxDepth() + " levels deep (raise it with --max-yaml-depth)");
    }
    switch (token) {
      case START_OBJECT -> {
        Map<String, YamlNode> fields = new LinkedHashMap<>();
        JsonToken t;
        while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
          String key = p.currentName();
          Mark keyMark = mark(name, p);
          String childPath = path.isEmpty() ? key : path + "." + key;
          if (fields.containsKey(key)) throw new InputError(keyMark, childPath, "duplicate key \"" + key + "\"");
          fields.put(key, read(p, p.nextToken(), childPath));
        }
        return new YamlNode.Map(mark, path, fields);
      }
      case START_ARRAY -> {
        List<YamlNode> items = new ArrayList<>();
        JsonToken t;
        while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
          items.add(read(p, t, path + "[" + items.size() + "]"));
        }
        return new YamlNode.Seq(mark, path, items);
      }
      case VALUE_STRING -> {
        return new YamlNode.Scalar(mark, path, YamlNode.ScalarType.STRING, p.getText());
      }
      case VALUE_NUMBER_INT -> {
        return new YamlNode.Scalar(mark, path, YamlNode.ScalarType.INT, p.getText());
      }
      case VALUE_NUMBER_FLOAT -> {
        return new YamlNode.Scalar(mark, path, YamlNode.ScalarType.FLOAT, p.getText());
      }
      case VALUE_TRUE, VALUE_FALSE -> {
        return new YamlNode.Scalar(mark, path, YamlNode.ScalarType.BOOLEAN, Boolean.toString(token == JsonToken.VALUE_TRUE));
      }
      case VALUE_NULL -> {
        return new YamlNode.Scalar(mark, path, YamlNode.ScalarType.NULL, "");
      }
      default -> throw new InputError(mark, path, "unsupported YAML content (" + token + ")");
    }
  }
  }

  private static Mark mark(String name, JsonParser p) {
    JsonLocation at = p.currentTokenLocation();
    return new Mark(name, Math.max(1, at.getLineNr()), Math.max(1, at.getColumnNr()));
  }
}
