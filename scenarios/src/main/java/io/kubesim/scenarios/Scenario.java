package io.kubesim.scenarios;

import io.kubesim.api.Node;
import io.kubesim.scheduler.framework.Features;
import io.kubesim.sim.PodTiming;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * One runnable scenario: a scenario file decoded for one variant. Everything is checked; running
 * it cannot fail on input.
 *
 * @param variant the variant's name ({@value ScenarioLoader#DEFAULT_VARIANT} without variants)
 * @param variantDescription the variant's description ("" when none)
 * @param settings the variant's {@code set} paths and values as written, in order
 * @param sampleOn when samples are taken besides every {@code sampleInterval}
 * @param nodes the initial nodes: pools first, then Node manifests, then the snapshot's
 * @param poolOfNode node name to its pool, for every pool node (initial and added later)
 * @param objects the initial non-Node objects: manifests in order, then the snapshot's
 * @param plan the sizing questions ({@code plan:}), or null when the file has none
 */
public record Scenario(
    Path file,
    String name,
    String description,
    String variant,
    String variantDescription,
    Map<String, String> settings,
    long seed,
    long durationMs,
    long sampleIntervalMs,
    SampleOn sampleOn,
    PodTiming podTiming,
    SchedulerSettings scheduler,
    Features features,
    List<NodePool> nodePools,
    List<Node> nodes,
    Map<String, NodePool> poolOfNode,
    List<Object> objects,
    List<TimelineEvent> timeline,
    List<Expectation> expectations,
    Plan plan) {

  /** When the recorder samples, besides every multiple of {@code sampleInterval}. */
  public enum SampleOn {
    /** After every simulated instant where anything changed (pods, scheduling, timeline events). */
    changes,
    /** Only after timeline events: for large clusters, where every pod start would be a sample. */
    events
  }

  /** A scenario without a plan section (the constructor before {@code plan} existed). */
  public Scenario(Path file, String name, String description, String variant, String variantDescription, Map<String, String> settings,
      long seed, long durationMs, long sampleIntervalMs, SampleOn sampleOn, PodTiming podTiming, SchedulerSettings scheduler,
      Features features, List<NodePool> nodePools, List<Node> nodes, Map<String, NodePool> poolOfNode, List<Object> objects,
      List<TimelineEvent> timeline, List<Expectation> expectations) {
    this(file, name, description, variant, variantDescription, settings, seed, durationMs, sampleIntervalMs, sampleOn, podTiming, scheduler,
        features, nodePools, nodes, poolOfNode, objects, timeline, expectations, null);
  }

  public Scenario withSeed(long newSeed) {
    return new Scenario(file, name, description, variant, variantDescription, settings, newSeed, durationMs, sampleIntervalMs, sampleOn, podTiming, scheduler,
        features, nodePools, nodes, poolOfNode, objects, timeline, expectations, plan);
  }

  /** Workload-like objects (Deployments, StatefulSets, ReplicaSets) among the initial objects. */
  public long workloadCount() {
    return objects.stream().filter(o -> o instanceof io.kubesim.api.Deployment || o instanceof io.kubesim.api.StatefulSet
        || o instanceof io.kubesim.api.ReplicaSet).count();
  }
}
