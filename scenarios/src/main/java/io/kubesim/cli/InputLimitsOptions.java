package io.kubesim.cli;

import io.kubesim.yaml.YamlLoader;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/** Options that raise the YAML input limits, for real large cluster snapshots. */
final class InputLimitsOptions {
  @Option(names = "--max-yaml-aliases", paramLabel = "N", description = "Alias uses per file (default ${DEFAULT-VALUE}).")
  int maxAliases = YamlLoader.Limits.DEFAULT.maxAliases();

  @Option(names = "--max-yaml-depth", paramLabel = "N", description = "Nesting depth per file (default ${DEFAULT-VALUE}).")
  int maxDepth = YamlLoader.Limits.DEFAULT.maxDepth();

  @Option(names = "--max-yaml-mib", paramLabel = "N", description = "Size per file in MiB of characters (default ${DEFAULT-VALUE}).")
  int maxMiB = YamlLoader.Limits.DEFAULT.maxCodePoints() / (1024 * 1024);

  @Option(names = "--max-yaml-values", paramLabel = "N", description = "Values per file, aliases expanded (default ${DEFAULT-VALUE}).")
  long maxValues = YamlLoader.Limits.DEFAULT.maxNodes();

  /** Applies the limits to every file read from now on; a limit must be positive (a usage error, exit 2). */
  void apply(CommandLine commandLine) {
    if (maxAliases < 0 || maxDepth < 1 || maxMiB < 1 || maxMiB > 2047 || maxValues < 1) {
      throw new CommandLine.ParameterException(commandLine, "input limits must be positive (and --max-yaml-mib at most 2047)");
    }
    YamlLoader.useLimits(new YamlLoader.Limits(maxAliases, maxDepth, maxMiB * 1024 * 1024, maxValues));
  }
}
