package io.kubesim.kubelet.cm.cpumanager;

import io.kubesim.kubelet.cm.topology.CpuTopology;
import io.kubesim.kubelet.cm.GoParse;
import io.kubesim.kubelet.cm.topologymanager.TopologyManagerPolicyName;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The parsed {@code cpuManagerPolicyOptions} of the static policy, as upstream's
 * {@code StaticPolicyOptions}.
 *
 * @param fullPhysicalCpusOnly {@code full-pcpus-only}: admission check that requests are whole
 *     cores and fit outside cores touched by reserved CPUs; also the group size of the
 *     distributed allocation
 * @param distributeCpusAcrossNuma {@code distribute-cpus-across-numa}: distributed allocation
 * @param alignBySocket {@code align-by-socket}: widen NUMA affinity to sockets when picking aligned
 *     CPUs, and prefer socket-aligned hints
 * @param distributeCpusAcrossCores {@code distribute-cpus-across-cores}: spread threads over cores
 * @param strictCpuReservation {@code strict-cpu-reservation}: reserved CPUs leave the shared pool
 * @param preferAlignByUncoreCache {@code prefer-align-cpus-by-uncorecache}: try to fit each request
 *     into uncore (L3) caches
 */
public record CpuManagerPolicyOptions(boolean fullPhysicalCpusOnly, boolean distributeCpusAcrossNuma,
    boolean alignBySocket, boolean distributeCpusAcrossCores, boolean strictCpuReservation,
    boolean preferAlignByUncoreCache) {

  public static final String FULL_PCPUS_ONLY = "full-pcpus-only";
  public static final String DISTRIBUTE_CPUS_ACROSS_NUMA = "distribute-cpus-across-numa";
  public static final String ALIGN_BY_SOCKET = "align-by-socket";
  public static final String DISTRIBUTE_CPUS_ACROSS_CORES = "distribute-cpus-across-cores";
  public static final String STRICT_CPU_RESERVATION = "strict-cpu-reservation";
  public static final String PREFER_ALIGN_CPUS_BY_UNCORECACHE = "prefer-align-cpus-by-uncorecache";

  /** Maturity decides only which feature gate must be on, never behaviour. */
  static final Set<String> ALPHA = Set.of(ALIGN_BY_SOCKET, DISTRIBUTE_CPUS_ACROSS_CORES);
  static final Set<String> BETA = Set.of(STRICT_CPU_RESERVATION, DISTRIBUTE_CPUS_ACROSS_NUMA,
      PREFER_ALIGN_CPUS_BY_UNCORECACHE);
  static final Set<String> STABLE = Set.of(FULL_PCPUS_ONLY);

  public static final String ALPHA_GATE = "CPUManagerPolicyAlphaOptions";
  public static final String BETA_GATE = "CPUManagerPolicyBetaOptions";

  public static final CpuManagerPolicyOptions NONE = new CpuManagerPolicyOptions(false, false, false, false, false, false);

  /** Every option name, for listings. */
  public static List<String> names() {
    return List.of(FULL_PCPUS_ONLY, DISTRIBUTE_CPUS_ACROSS_NUMA, ALIGN_BY_SOCKET, DISTRIBUTE_CPUS_ACROSS_CORES,
        STRICT_CPU_RESERVATION, PREFER_ALIGN_CPUS_BY_UNCORECACHE);
  }

  /** Parses with every feature gate on (as upstream's unit tests and the conformance cases do). */
  public static CpuManagerPolicyOptions parse(Map<String, String> options) {
    return parse(options, true, true);
  }

  /**
   * Parses the option map with upstream's checks and messages ({@code NewStaticPolicyOptions}):
   * unknown option, option without its feature gate, non-boolean value, forbidden pairs. Options
   * are checked in name order so that the reported error is stable (Go iterates a map).
   *
   * @throws IllegalArgumentException with upstream's message
   */
  public static CpuManagerPolicyOptions parse(Map<String, String> options, boolean alphaOptionsEnabled,
      boolean betaOptionsEnabled) {
    Map<String, Boolean> v = new LinkedHashMap<>();
    for (Map.Entry<String, String> e : new TreeMap<>(options).entrySet()) {
      String name = e.getKey();
      if (!ALPHA.contains(name) && !BETA.contains(name) && !STABLE.contains(name)) {
        throw new IllegalArgumentException("unknown CPU Manager Policy option: \"" + name + "\"");
      }
      if (ALPHA.contains(name) && !alphaOptionsEnabled) {
        throw new IllegalArgumentException(
            "CPU Manager Policy Alpha-level Options not enabled, but option \"" + name + "\" provided");
      }
      if (BETA.contains(name) && !betaOptionsEnabled) {
        throw new IllegalArgumentException(
            "CPU Manager Policy Beta-level Options not enabled, but option \"" + name + "\" provided");
      }
      v.put(name, GoParse.parseBool(name, e.getValue()));
    }
    CpuManagerPolicyOptions o = new CpuManagerPolicyOptions(
        v.getOrDefault(FULL_PCPUS_ONLY, false),
        v.getOrDefault(DISTRIBUTE_CPUS_ACROSS_NUMA, false),
        v.getOrDefault(ALIGN_BY_SOCKET, false),
        v.getOrDefault(DISTRIBUTE_CPUS_ACROSS_CORES, false),
        v.getOrDefault(STRICT_CPU_RESERVATION, false),
        v.getOrDefault(PREFER_ALIGN_CPUS_BY_UNCORECACHE, false));
    o.checkCombinations();
    return o;
  }

  private void checkCombinations() {
    if (fullPhysicalCpusOnly && distributeCpusAcrossCores) notTogether(FULL_PCPUS_ONLY, DISTRIBUTE_CPUS_ACROSS_CORES);
    if (distributeCpusAcrossNuma && distributeCpusAcrossCores) {
      notTogether(DISTRIBUTE_CPUS_ACROSS_NUMA, DISTRIBUTE_CPUS_ACROSS_CORES);
    }
    if (preferAlignByUncoreCache && distributeCpusAcrossCores) {
      notTogether(PREFER_ALIGN_CPUS_BY_UNCORECACHE, DISTRIBUTE_CPUS_ACROSS_CORES);
    }
    if (preferAlignByUncoreCache && distributeCpusAcrossNuma) {
      notTogether(PREFER_ALIGN_CPUS_BY_UNCORECACHE, DISTRIBUTE_CPUS_ACROSS_NUMA);
    }
  }

  private static void notTogether(String a, String b) {
    throw new IllegalArgumentException("static policy options " + a + " and " + b + " can not be used at the same time");
  }

  /**
   * The checks that need the machine and the Topology Manager ({@code ValidateStaticPolicyOptions}).
   *
   * @throws IllegalArgumentException with upstream's message (typo "Topolgy" included)
   */
  public void validate(CpuTopology topology, TopologyManagerPolicyName topologyManagerPolicy) {
    if (!alignBySocket) return;
    if (topologyManagerPolicy == TopologyManagerPolicyName.SINGLE_NUMA_NODE) {
      throw new IllegalArgumentException("Topolgy manager " + TopologyManagerPolicyName.SINGLE_NUMA_NODE.value()
          + " policy is incompatible with CPUManager " + ALIGN_BY_SOCKET + " policy option");
    }
    if (topology.numSockets() > topology.numNumaNodes()) {
      throw new IllegalArgumentException(
          "Align by socket is not compatible with hardware where number of sockets are more than number of NUMA");
    }
  }
}
