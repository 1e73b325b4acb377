/**
 * A YAML tree that remembers where every value came from (file, line, column, field path), and
 * the readers that turn it into API records with errors a user can act on.
 *
 * <p>Jackson's own tree drops locations, so {@link io.kubesim.yaml.YamlLoader} builds this tree
 * from Jackson's streaming parser. Nothing here instantiates classes named by the input.
 */
package io.kubesim.yaml;
