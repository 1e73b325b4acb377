package io.kubesim.scheduler.plugins.noderesources;

import io.kubesim.scheduler.plugins.helper.FieldErrors;
import java.util.ArrayList;
import java.util.List;

/**
 * Upstream {@code NodeResourcesFitArgs} (internal form: no defaulting happens here; decoders of
 * user configuration apply {@link #withV1Defaults()} as the v1 API does).
 *
 * @param ignoredResources extended resources the filter does not check
 * @param ignoredResourceGroups extended-resource domains (the part before '/') the filter does not check
 * @param scoringStrategy how Score ranks nodes
 */
public record NodeResourcesFitArgs(List<String> ignoredResources, List<String> ignoredResourceGroups, ScoringStrategy scoringStrategy) {

  public static final String LEAST_ALLOCATED = "LeastAllocated";
  public static final String MOST_ALLOCATED = "MostAllocated";
  public static final String REQUESTED_TO_CAPACITY_RATIO = "RequestedToCapacityRatio";
  private static final List<String> SUPPORTED_TYPES = List.of(LEAST_ALLOCATED, MOST_ALLOCATED, REQUESTED_TO_CAPACITY_RATIO);

  /** Upstream {@code config.MaxCustomPriorityScore}: shape scores run 0..10. */
  public static final int MAX_CUSTOM_PRIORITY_SCORE = 10;

  /**
   * @param type LeastAllocated, MostAllocated or RequestedToCapacityRatio
   * @param resources the resources scored and their weights
   * @param requestedToCapacityRatio the shape, for type RequestedToCapacityRatio; null otherwise
   */
  public record ScoringStrategy(String type, List<ResourceSpec> resources, RequestedToCapacityRatioParam requestedToCapacityRatio) {
    public ScoringStrategy {
      resources = resources == null ? List.of() : List.copyOf(resources);
    }
  }

  /** @param shape points sorted by increasing utilization */
  public record RequestedToCapacityRatioParam(List<UtilizationShapePoint> shape) {
    public RequestedToCapacityRatioParam {
      shape = shape == null ? List.of() : List.copyOf(shape);
    }
  }

  /** @param utilization 0..100 @param score 0..{@value #MAX_CUSTOM_PRIORITY_SCORE} */
  public record UtilizationShapePoint(int utilization, int score) {}

  public NodeResourcesFitArgs {
    ignoredResources = ignoredResources == null ? List.of() : List.copyOf(ignoredResources);
    ignoredResourceGroups = ignoredResourceGroups == null ? List.of() : List.copyOf(ignoredResourceGroups);
  }

  /** What v1 defaulting gives for absent args: LeastAllocated on cpu and memory, weight 1 each. */
  public static final NodeResourcesFitArgs DEFAULTS =
      new NodeResourcesFitArgs(List.of(), List.of(), new ScoringStrategy(LEAST_ALLOCATED, ResourceSpec.DEFAULT_RESOURCES, null));

  public static NodeResourcesFitArgs of(ScoringStrategy strategy) {
    return new NodeResourcesFitArgs(List.of(), List.of(), strategy);
  }

  /**
   * Upstream {@code SetDefaults_NodeResourcesFitArgs}: no strategy → LeastAllocated on cpu and
   * memory; no resources → cpu and memory; weight 0 → 1.
   */
  public NodeResourcesFitArgs withV1Defaults() {
    if (scoringStrategy == null) return new NodeResourcesFitArgs(ignoredResources, ignoredResourceGroups, DEFAULTS.scoringStrategy);
    ScoringStrategy s = new ScoringStrategy(scoringStrategy.type(), ResourceSpec.withV1Defaults(scoringStrategy.resources()),
        scoringStrategy.requestedToCapacityRatio());
    return new NodeResourcesFitArgs(ignoredResources, ignoredResourceGroups, s);
  }

  /** Upstream {@code ValidateNodeResourcesFitArgs}; throws {@link IllegalArgumentException}. */
  public void validate() {
    List<String> errs = new ArrayList<>();
    for (int i = 0; i < ignoredResources.size(); i++) {
      errs.addAll(FieldErrors.labelName("ignoredResources[" + i + "]", ignoredResources.get(i)));
    }
    for (int i = 0; i < ignoredResourceGroups.size(); i++) {
      String group = ignoredResourceGroups.get(i);
      String path = "ignoredResourceGroups[" + i + "]";
      if (group.contains("/")) errs.add(FieldErrors.invalid(path, group, "resource group name can't contain '/'"));
      errs.addAll(FieldErrors.labelName(path, group));
    }
    if (scoringStrategy != null) {
      if (!SUPPORTED_TYPES.contains(scoringStrategy.type())) {
        errs.add(FieldErrors.notSupported("scoringStrategy.type", scoringStrategy.type(), SUPPORTED_TYPES));
      }
      errs.addAll(validateResources(scoringStrategy.resources(), "scoringStrategy.resources"));
      if (scoringStrategy.requestedToCapacityRatio() != null) {
        errs.addAll(validateShape(scoringStrategy.requestedToCapacityRatio().shape(), "scoringStrategy.shape"));
      }
    }
    FieldErrors.throwIfAny(errs);
  }

  static List<String> validateResources(List<ResourceSpec> resources, String path) {
    List<String> errs = new ArrayList<>();
    for (int i = 0; i < resources.size(); i++) {
      ResourceSpec r = resources.get(i);
      if (r.weight() <= 0 || r.weight() > 100) {
        errs.add(FieldErrors.invalid(path + "[" + i + "].weight", r.weight(),
            "resource weight of " + r.name() + " not in valid range (0, 100]"));
      }
    }
    return errs;
  }

  private static List<String> validateShape(List<UtilizationShapePoint> shape, String path) {
    List<String> errs = new ArrayList<>();
    if (shape.isEmpty()) return List.of(FieldErrors.required(path, "at least one point must be specified"));
    for (int i = 1; i < shape.size(); i++) {
      if (shape.get(i - 1).utilization() >= shape.get(i).utilization()) {
        errs.add(FieldErrors.invalid(path + "[" + i + "].utilization", shape.get(i).utilization(),
            "utilization values must be sorted in increasing order"));
        break;
      }
    }
    for (int i = 0; i < shape.size(); i++) {
      UtilizationShapePoint p = shape.get(i);
      if (p.utilization() < 0 || p.utilization() > 100) {
        errs.add(FieldErrors.invalid(path + "[" + i + "].utilization", p.utilization(), "not in valid range [0, 100]"));
      }
      if (p.score() < 0 || p.score() > MAX_CUSTOM_PRIORITY_SCORE) {
        errs.add(FieldErrors.invalid(path + "[" + i + "].score", p.score(), "not in valid range [0, " + MAX_CUSTOM_PRIORITY_SCORE + "]"));
      }
    }
    return errs;
  }
}
