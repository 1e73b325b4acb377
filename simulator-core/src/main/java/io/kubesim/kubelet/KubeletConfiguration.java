package io.kubesim.kubelet;

import io.kubesim.kubelet.cm.cpumanager.CpuManagerPolicyOptions;
import io.kubesim.kubelet.cm.cpuset.CpuSet;
import io.kubesim.kubelet.cm.topologymanager.TopologyManagerPolicyName;
import io.kubesim.kubelet.cm.topologymanager.TopologyManagerScope;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The CPU-related fields of the kubelet's {@code KubeletConfiguration}
 * ({@code kubelet.config.k8s.io/v1beta1}), under their Kubernetes names. {@code null} fields
 * take the kubelet's defaults; maps are copied and read-only.
 *
 * @param cpuManagerPolicy {@code none} (default) or {@code static}
 * @param cpuManagerPolicyOptions e.g. {@code full-pcpus-only: "true"}
 * @param reservedSystemCPUs cpuset of CPUs reserved for system daemons ({@code --reserved-cpus});
 *     when set it replaces the CPU part of {@code kubeReserved} and {@code systemReserved}
 * @param kubeReserved resource quantities reserved for Kubernetes daemons; only {@code cpu} matters
 * @param systemReserved resource quantities reserved for the OS; only {@code cpu} matters
 * @param topologyManagerPolicy {@code none} (default), {@code best-effort}, {@code restricted},
 *     {@code single-numa-node}
 * @param topologyManagerScope {@code container} (default) or {@code pod}
 * @param topologyManagerPolicyOptions {@code prefer-closest-numa-nodes},
 *     {@code max-allowable-numa-nodes}
 * @param featureGates gate name to value; unset gates take their default
 *     ({@code CPUManagerPolicyAlphaOptions} off, {@code CPUManagerPolicyBetaOptions} on)
 */
public record KubeletConfiguration(
    String cpuManagerPolicy,
    Map<String, String> cpuManagerPolicyOptions,
    String reservedSystemCPUs,
    Map<String, String> kubeReserved,
    Map<String, String> systemReserved,
    String topologyManagerPolicy,
    String topologyManagerScope,
    Map<String, String> topologyManagerPolicyOptions,
    Map<String, Boolean> featureGates) {

  public static final String NONE_POLICY = "none";
  public static final String STATIC_POLICY = "static";

  /** The kubelet's defaults: no CPU manager policy, no Topology Manager policy, container scope. */
  public static final KubeletConfiguration DEFAULT =
      new KubeletConfiguration(null, null, null, null, null, null, null, null, null);

  public KubeletConfiguration {
    cpuManagerPolicy = cpuManagerPolicy == null ? NONE_POLICY : cpuManagerPolicy;
    cpuManagerPolicyOptions = copy(cpuManagerPolicyOptions);
    reservedSystemCPUs = reservedSystemCPUs == null ? "" : reservedSystemCPUs;
    kubeReserved = copy(kubeReserved);
    systemReserved = copy(systemReserved);
    topologyManagerPolicy = topologyManagerPolicy == null ? TopologyManagerPolicyName.NONE.value() : topologyManagerPolicy;
    topologyManagerScope = topologyManagerScope == null ? TopologyManagerScope.CONTAINER.value() : topologyManagerScope;
    topologyManagerPolicyOptions = copy(topologyManagerPolicyOptions);
    featureGates = copy(featureGates);
  }

  private static <V> Map<String, V> copy(Map<String, V> m) {
    return m == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(m));
  }

  public KubeletConfiguration withCpuManagerPolicy(String v) {
    return new KubeletConfiguration(v, cpuManagerPolicyOptions, reservedSystemCPUs, kubeReserved, systemReserved,
        topologyManagerPolicy, topologyManagerScope, topologyManagerPolicyOptions, featureGates);
  }

  public KubeletConfiguration withCpuManagerPolicyOptions(Map<String, String> v) {
    return new KubeletConfiguration(cpuManagerPolicy, v, reservedSystemCPUs, kubeReserved, systemReserved,
        topologyManagerPolicy, topologyManagerScope, topologyManagerPolicyOptions, featureGates);
  }

  public KubeletConfiguration withReservedSystemCPUs(String v) {
    return new KubeletConfiguration(cpuManagerPolicy, cpuManagerPolicyOptions, v, kubeReserved, systemReserved,
        topologyManagerPolicy, topologyManagerScope, topologyManagerPolicyOptions, featureGates);
  }

  public KubeletConfiguration withKubeReserved(Map<String, String> v) {
    return new KubeletConfiguration(cpuManagerPolicy, cpuManagerPolicyOptions, reservedSystemCPUs, v, systemReserved,
        topologyManagerPolicy, topologyManagerScope, topologyManagerPolicyOptions, featureGates);
  }

  public KubeletConfiguration withSystemReserved(Map<String, String> v) {
    return new KubeletConfiguration(cpuManagerPolicy, cpuManagerPolicyOptions, reservedSystemCPUs, kubeReserved, v,
        topologyManagerPolicy, topologyManagerScope, topologyManagerPolicyOptions, featureGates);
  }

  public KubeletConfiguration withTopologyManagerPolicy(String v) {
    return new KubeletConfiguration(cpuManagerPolicy, cpuManagerPolicyOptions, reservedSystemCPUs, kubeReserved,
        systemReserved, v, topologyManagerScope, topologyManagerPolicyOptions, featureGates);
  }

  public KubeletConfiguration withTopologyManagerScope(String v) {
    return new KubeletConfiguration(cpuManagerPolicy, cpuManagerPolicyOptions, reservedSystemCPUs, kubeReserved,
        systemReserved, topologyManagerPolicy, v, topologyManagerPolicyOptions, featureGates);
  }

  public KubeletConfiguration withTopologyManagerPolicyOptions(Map<String, String> v) {
    return new KubeletConfiguration(cpuManagerPolicy, cpuManagerPolicyOptions, reservedSystemCPUs, kubeReserved,
        systemReserved, topologyManagerPolicy, topologyManagerScope, v, featureGates);
  }

  public KubeletConfiguration withFeatureGates(Map<String, Boolean> v) {
    return new KubeletConfiguration(cpuManagerPolicy, cpuManagerPolicyOptions, reservedSystemCPUs, kubeReserved,
        systemReserved, topologyManagerPolicy, topologyManagerScope, topologyManagerPolicyOptions, v);
  }

  /** A gate's value, or its default when unset. */
  public boolean featureEnabled(String gate) {
    Boolean v = featureGates.get(gate);
    if (v != null) return v;
    return !gate.equals(CpuManagerPolicyOptions.ALPHA_GATE);
  }

  /**
   * The checks the kubelet makes on the configuration alone, with its messages (validation and
   * manager start-up). Checks that need the machine (reserved CPUs present, option/hardware
   * compatibility, NUMA node limit) happen in {@link NodeCpuAdmission}.
   *
   * @return one message per problem; empty when valid
   */
  public List<String> validate() {
    List<String> errors = new ArrayList<>();
    if (!cpuManagerPolicy.equals(NONE_POLICY) && !cpuManagerPolicy.equals(STATIC_POLICY)) {
      errors.add("unknown policy: \"" + cpuManagerPolicy + "\"");
    }
    List<String> tmPolicies = TopologyManagerPolicyName.names();
    if (!tmPolicies.contains(topologyManagerPolicy)) {
      errors.add("invalid configuration: topologyManagerPolicy (--topology-manager-policy) \"" + topologyManagerPolicy
          + "\" must be one of: " + goQuotedList(tmPolicies));
    }
    if (!topologyManagerScope.equals(TopologyManagerScope.CONTAINER.value())
        && !topologyManagerScope.equals(TopologyManagerScope.POD.value())) {
      errors.add("invalid configuration: topologyManagerScope (--topology-manager-scope) \"" + topologyManagerScope
          + "\" must be one of: \"container\", or \"pod\"");
    }
    if (!reservedSystemCPUs.isEmpty()) {
      try {
        CpuSet.parse(reservedSystemCPUs);
      } catch (IllegalArgumentException e) {
        errors.add("invalid configuration: unable to parse reservedSystemCPUs (--reserved-cpus) " + reservedSystemCPUs
            + ", error: " + e.getMessage());
      }
    }
    for (Map.Entry<String, Map<String, String>> r : Map.of("kubeReserved", kubeReserved, "systemReserved",
        systemReserved).entrySet()) {
      String cpu = r.getValue().get("cpu");
      if (cpu == null) continue;
      try {
        parseCpuMillis(cpu);
      } catch (IllegalArgumentException e) {
        errors.add("invalid configuration: " + r.getKey() + ".cpu: " + e.getMessage());
      }
    }
    if (errors.isEmpty() && cpuManagerPolicy.equals(STATIC_POLICY) && numReservedCpus() == 0) {
      errors.add("[cpumanager] the static policy requires systemreserved.cpu + kubereserved.cpu to be greater than zero");
    }
    return errors;
  }

  /** The reserved CPUs as a set ({@code reservedSystemCPUs}, empty when unset). */
  public CpuSet reservedSystemCpuSet() {
    return CpuSet.parse(reservedSystemCPUs);
  }

  /**
   * How many CPUs the static policy reserves: the size of {@code reservedSystemCPUs} when set,
   * else {@code ceil(kubeReserved.cpu + systemReserved.cpu)}.
   */
  public int numReservedCpus() {
    if (!reservedSystemCPUs.isEmpty()) return reservedSystemCpuSet().size();
    long millis = parseCpuMillis(kubeReserved.getOrDefault("cpu", "0"))
        + parseCpuMillis(systemReserved.getOrDefault("cpu", "0"));
    return (int) ((millis + 999) / 1000);
  }

  /**
   * A CPU quantity in millicores: {@code "2"}, {@code "1.5"}, {@code "500m"} (fractions of a
   * millicore round up, as resource quantities do).
   */
  public static long parseCpuMillis(String quantity) {
    String q = quantity.strip();
    try {
      BigDecimal v = q.endsWith("m") ? new BigDecimal(q.substring(0, q.length() - 1)).movePointLeft(3) : new BigDecimal(q);
      if (v.signum() < 0) throw new IllegalArgumentException("negative CPU quantity \"" + quantity + "\"");
      return v.movePointRight(3).setScale(0, java.math.RoundingMode.CEILING).longValueExact();
    } catch (NumberFormatException | ArithmeticException e) {
      throw new IllegalArgumentException("invalid CPU quantity \"" + quantity + "\"");
    }
  }

  /** Go's {@code %q} of a string slice: {@code ["a" "b"]}. */
  private static String goQuotedList(List<String> values) {
    StringBuilder sb = new StringBuilder("[");
    for (String v : values) sb.append(sb.length() > 1 ? " " : "").append('"').append(v).append('"');
    return sb.append(']').toString();
  }
}
