package io.kubesim.yaml;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;

/**
 * Reads YAML into {@link YamlNode} trees. Documents are plain data: tags never instantiate
 * classes, aliases and nesting are bounded ({@link Limits}), duplicate keys are errors.
 */
public final class YamlLoader {

  /** Bounds that keep a hostile or broken file from exhausting the machine. */
  public record Limits(int maxAliases, int maxDepth, int maxCodePoints) {
    public static final Limits DEFAULT = new Limits(100, 64, 64 * 1024 * 1024);
  }

  private final YAMLFactory factory;

  public YamlLoader() {
    this(Limits.DEFAULT);
  }

  public YamlLoader(Limits limits) {
    LoaderOptions options = new LoaderOptions();
    options.setMaxAliasesForCollections(limits.maxAliases());
    options.setNestingDepthLimit(limits.maxDepth());
    options.setCodePointLimit(limits.maxCodePoints());
    options.setAllowDuplicateKeys(false);
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
    try (JsonParser parser = factory.createParser(reader)) {
      List<YamlNode> docs = new ArrayList<>();
      JsonToken token;
      while ((token = parser.nextToken()) != null) {
        YamlNode doc = read(name, parser, token, "");
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

  private YamlNode read(String name, JsonParser p, JsonToken token, String path) throws IOException {
    Mark mark = mark(name, p);
    switch (token) {
      case START_OBJECT -> {
        Map<String, YamlNode> fields = new LinkedHashMap<>();
        JsonToken t;
        while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
          String key = p.currentName();
          Mark keyMark = mark(name, p);
          String childPath = path.isEmpty() ? key : path + "." + key;
          if (fields.containsKey(key)) throw new InputError(keyMark, childPath, "duplicate key \"" + key + "\"");
          fields.put(key, read(name, p, p.nextToken(), childPath));
        }
        return new YamlNode.Map(mark, path, fields);
      }
      case START_ARRAY -> {
        List<YamlNode> items = new ArrayList<>();
        JsonToken t;
        while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
          items.add(read(name, p, t, path + "[" + items.size() + "]"));
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

  private static Mark mark(String name, JsonParser p) {
    JsonLocation at = p.currentTokenLocation();
    return new Mark(name, Math.max(1, at.getLineNr()), Math.max(1, at.getColumnNr()));
  }
}
