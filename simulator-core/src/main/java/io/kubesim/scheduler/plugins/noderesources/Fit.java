package io.kubesim.scheduler.plugins.noderesources;

import io.kubesim.scheduler.framework.ClusterEvent;
import io.kubesim.scheduler.framework.EnqueueExtensions;
import io.kubesim.scheduler.framework.QueueingHint;
import io.kubesim.scheduler.framework.CycleState;
import io.kubesim.scheduler.framework.Features;
import io.kubesim.scheduler.framework.FilterPlugin;
import io.kubesim.scheduler.framework.NodeInfo;
import io.kubesim.scheduler.framework.PluginFactory;
import io.kubesim.scheduler.framework.PodInfo;
import io.kubesim.scheduler.framework.PreFilterPlugin;
import io.kubesim.scheduler.framework.PreFilterResult;
import io.kubesim.scheduler.framework.PreScorePlugin;
import io.kubesim.scheduler.framework.Resource;
import io.kubesim.scheduler.framework.ScorePlugin;
import io.kubesim.scheduler.framework.Snapshot;
import io.kubesim.scheduler.framework.StateKey;
import io.kubesim.scheduler.framework.Status;
import io.kubesim.scheduler.plugins.helper.FieldErrors;
import io.kubesim.scheduler.plugins.helper.PluginArgs;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;

/**
 * NodeResourcesFit. Filter: the node must have room for one more pod and for the pod's actual
 * requests of cpu, memory, ephemeral storage and every requested scalar resource (free =
 * allocatable − requests of every pod on the node, terminating ones included). Score: the
 * configured strategy (LeastAllocated by default) over the configured resources.
 */
public final class Fit implements PreFilterPlugin, FilterPlugin, PreScorePlugin, ScorePlugin, EnqueueExtensions {
  public static final String NAME = "NodeResourcesFit";

  /** Builds the plugin from registry args (NodeResourcesFitArgs). */
  public static final PluginFactory FACTORY = (args, features) -> new Fit(PluginArgs.cast(args, NodeResourcesFitArgs.class), features);

  public static final String ERR_REASON_TOO_MANY_PODS = "Too many pods";
  /** Upstream formats the reason as {@code Insufficient <resource name>}. */
  public static final String ERR_REASON_INSUFFICIENT_FORMAT = "Insufficient %s";

  private record PreFilterState(Resource podRequest) {}

  /** The pod's request of each scored resource, read-only once written. */
  private record PreScoreState(long[] podRequests) {}

  private static final StateKey<PreFilterState> PRE_FILTER_KEY = StateKey.of("PreFilter" + NAME, PreFilterState.class);
  private static final StateKey<PreScoreState> PRE_SCORE_KEY = StateKey.of("PreScore" + NAME, PreScoreState.class);

  private final Set<String> ignoredResources;
  private final Set<String> ignoredResourceGroups;
  private final ResourceAllocationScorer scorer;

  /**
   * @param args null for {@link NodeResourcesFitArgs#DEFAULTS}
   * @throws IllegalArgumentException when the args do not validate, name no scoring strategy, or
   *     leave the strategy without resources (upstream fails every Score then) or
   *     RequestedToCapacityRatio without a shape
   */
  public Fit(NodeResourcesFitArgs args, Features features) {
    if (args == null) args = NodeResourcesFitArgs.DEFAULTS;
    args.validate();
    NodeResourcesFitArgs.ScoringStrategy strategy = args.scoringStrategy();
    if (strategy == null) throw new IllegalArgumentException("scoring strategy not specified");
    List<ResourceSpec> resources = strategy.resources();
    ResourceAllocationScorer.Strategy fn = switch (strategy.type()) {
      case NodeResourcesFitArgs.LEAST_ALLOCATED -> Strategies.leastAllocated(resources);
      case NodeResourcesFitArgs.MOST_ALLOCATED -> Strategies.mostAllocated(resources);
      case NodeResourcesFitArgs.REQUESTED_TO_CAPACITY_RATIO -> {
        if (strategy.requestedToCapacityRatio() == null) {
          throw new IllegalArgumentException(FieldErrors.required("scoringStrategy.requestedToCapacityRatio",
              "scoring strategy " + NodeResourcesFitArgs.REQUESTED_TO_CAPACITY_RATIO + " needs a shape"));
        }
        yield Strategies.requestedToCapacityRatio(resources, strategy.requestedToCapacityRatio().shape());
      }
      default -> throw new IllegalArgumentException("scoring strategy " + strategy.type() + " is not supported");
    };
    this.scorer = new ResourceAllocationScorer(resources, false, fn);
    this.ignoredResources = Set.copyOf(args.ignoredResources());
    this.ignoredResourceGroups = Set.copyOf(args.ignoredResourceGroups());
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public PreFilterResult preFilter(CycleState state, PodInfo pod, Snapshot snapshot) {
    state.write(PRE_FILTER_KEY, new PreFilterState(pod.requests()));
    return PreFilterResult.of(Status.success());
  }

  /**
   * Reads the cycle state once for all nodes.
   */
  @Override
  public void filterAll(CycleState state, PodInfo pod, NodeInfo[] nodes, Status[] statuses, int count) {
    PreFilterState s = state.find(PRE_FILTER_KEY);
    if (s == null) { // no PreFilter state: the node-by-node loop, so that filter reports it
      FilterPlugin.super.filterAll(state, pod, nodes, statuses, count);
      return;
    }
    Resource request = s.podRequest();
    boolean noScalars = request.scalar().isEmpty();
    long cpu = request.milliCpu();
    long memory = request.memory();
    long ephemeralStorage = request.ephemeralStorage();
    for (int i = 0; i < count; i++) {
      if (statuses[i] != null) continue;
      NodeInfo node = nodes[i];
      if (noScalars && fitsNative(cpu, memory, ephemeralStorage, node)) continue;
      Status status = insufficient(request, node);
      if (!status.isSuccess()) statuses[i] = status.withPlugin(NAME);
    }
  }

  /**
   * Unschedulable with every insufficient resource as a reason; UnschedulableAndUnresolvable when
   * some request exceeds the node's whole allocatable, so evicting pods cannot help.
   */
  @Override
  public Status filter(CycleState state, PodInfo pod, NodeInfo node) {
    return filter(state.read(PRE_FILTER_KEY).podRequest(), node);
  }

  private Status filter(Resource request, NodeInfo node) {
    return fitsWithoutScalars(request, node) ? Status.success() : insufficient(request, node);
  }

  /** The full check, with the reasons: what {@link #filter} returns when the quick check fails. */
  private Status insufficient(Resource request, NodeInfo node) {
    List<InsufficientResource> insufficient = fitsRequest(request, node, ignoredResources, ignoredResourceGroups);
    if (insufficient.isEmpty()) return Status.success();
    String[] reasons = new String[insufficient.size()];
    boolean unresolvable = false;
    for (int i = 0; i < reasons.length; i++) {
      reasons[i] = insufficient.get(i).reason();
      unresolvable |= insufficient.get(i).unresolvable();
    }
    return unresolvable ? Status.unresolvable(reasons) : Status.unschedulable(reasons);
  }

  /**
   * The allocation-free check for the common request without scalar resources: true exactly when
   * {@link #fitsRequest} would find nothing insufficient (false sends the caller down that path for
   * the reasons, also for any request with scalar resources).
   */
  static boolean fitsWithoutScalars(Resource request, NodeInfo node) {
    return request.scalar().isEmpty() && fitsNative(request.milliCpu(), request.memory(), request.ephemeralStorage(), node);
  }

  /** Room for one more pod and the given cpu, memory and ephemeral storage; the request's numbers as plain longs. */
  private static boolean fitsNative(long cpu, long memory, long ephemeralStorage, NodeInfo node) {
    if (node.podCount() + 1 > node.allowedPodNumber()) return false;
    return fitsOne(cpu, node.requestedMilliCpu(), node.allocatableMilliCpu())
        && fitsOne(memory, node.requestedMemory(), node.allocatableMemory())
        && fitsOne(ephemeralStorage, node.requestedEphemeralStorage(), node.allocatableEphemeralStorage());
  }

  private static boolean fitsOne(long requested, long used, long capacity) {
    return requested <= 0 || requested <= capacity - used;
  }

  /** Upstream {@code Fits}: what the pod lacks on the node, no resources ignored. */
  public static List<InsufficientResource> fits(PodInfo pod, NodeInfo node) {
    return fitsRequest(pod.requests(), node, Set.of(), Set.of());
  }

  static List<InsufficientResource> fitsRequest(Resource request, NodeInfo node, Set<String> ignoredResources,
      Set<String> ignoredResourceGroups) {
    List<InsufficientResource> out = new ArrayList<>(4);
    Resource alloc = node.allocatable();
    Resource used = node.requested();
    long allowedPods = alloc.allowedPodNumber();
    int pods = node.pods().size();
    if (pods + 1 > allowedPods) {
      out.add(new InsufficientResource(io.kubesim.api.ResourceNames.PODS, ERR_REASON_TOO_MANY_PODS, 1, pods, allowedPods, false));
    }
    // Upstream only accounts scalar resources; other unknown names are not part of the request.
    TreeMap<String, Long> scalar = new TreeMap<>();
    request.scalar().forEach((k, v) -> {
      if (ResourceNames.isScalar(k)) scalar.put(k, v);
    });
    if (request.milliCpu() == 0 && request.memory() == 0 && request.ephemeralStorage() == 0 && scalar.isEmpty()) return out;

    check(out, io.kubesim.api.ResourceNames.CPU, request.milliCpu(), used.milliCpu(), alloc.milliCpu());
    check(out, io.kubesim.api.ResourceNames.MEMORY, request.memory(), used.memory(), alloc.memory());
    check(out, io.kubesim.api.ResourceNames.EPHEMERAL_STORAGE, request.ephemeralStorage(), used.ephemeralStorage(), alloc.ephemeralStorage());
    // Upstream walks a Go map (random order); sorted by name here so reasons are deterministic.
    scalar.forEach((name, quantity) -> {
      if (quantity == 0) return;
      if (ResourceNames.isExtended(name)
          && (ignoredResources.contains(name) || ignoredResourceGroups.contains(name.substring(0, name.indexOf('/'))))) {
        return;
      }
      long capacity = alloc.scalar(name);
      long usedQ = used.scalar(name);
      if (quantity > capacity - usedQ) {
        out.add(new InsufficientResource(name, String.format(ERR_REASON_INSUFFICIENT_FORMAT, name), quantity, usedQ, capacity, quantity > capacity));
      }
    });
    return out;
  }

  private static void check(List<InsufficientResource> out, String name, long requested, long used, long capacity) {
    if (requested > 0 && requested > capacity - used) {
      out.add(new InsufficientResource(name, String.format(ERR_REASON_INSUFFICIENT_FORMAT, name), requested, used, capacity, requested > capacity));
    }
  }

  @Override
  public Status preScore(CycleState state, PodInfo pod, List<NodeInfo> filteredNodes) {
    state.write(PRE_SCORE_KEY, new PreScoreState(scorer.podRequests(pod)));
    return Status.success();
  }

  /** Reads the cycle state once for all nodes. */
  @Override
  public void scoreAll(CycleState state, PodInfo pod, List<NodeInfo> nodes, long[] scores) {
    scorer.scoreAll(nodes, podRequests(state, pod), scores);
  }

  @Override
  public long score(CycleState state, PodInfo pod, NodeInfo node) {
    return scorer.score(node, podRequests(state, pod));
  }

  private long[] podRequests(CycleState state, PodInfo pod) {
    PreScoreState s = state.find(PRE_SCORE_KEY);
    return s != null ? s.podRequests() : scorer.podRequests(pod);
  }

  /**
   * Queue when an assigned pod is deleted (it frees resources), a node is added whose allocatable
   * fits the pod, or a node's allocatable grows.
   */
  @Override
  public QueueingHint isSchedulableAfter(ClusterEvent event, io.kubesim.api.Pod pod, io.kubesim.scheduler.framework.Snapshot snapshot) {
    return switch (event.type()) {
      case ASSIGNED_POD_DELETE -> QueueingHint.QUEUE;
      case NODE_ADD -> fitsEmpty(pod, event.newNode()) ? QueueingHint.QUEUE : QueueingHint.SKIP;
      case NODE_UPDATE -> event.aspects().contains(ClusterEvent.NodeAspect.ALLOCATABLE) && fitsEmpty(pod, event.newNode())
          ? QueueingHint.QUEUE : QueueingHint.SKIP;
      default -> QueueingHint.SKIP;
    };
  }

  /** Whether the pod's requests fit the node's whole allocatable. */
  private static boolean fitsEmpty(io.kubesim.api.Pod pod, io.kubesim.api.Node node) {
    return fits(PodInfo.of(pod), new NodeInfo(-1, node)).isEmpty();
  }
}
