/**
 * Fluent builders for the API objects of {@link io.kubesim.api}, after upstream's
 * {@code pkg/scheduler/testing} wrappers ({@code st.MakePod()}, {@code st.MakeNode()}): the
 * library's way to write a pod, a node or a selector in code, and what the tests use.
 *
 * <pre>{@code
 * Pod pod = Pods.pod("web-1").namespace("shop").label("app", "web")
 *     .requests("cpu", "500m", "memory", "1Gi")
 *     .toleration("dedicated", "web", TaintEffect.NoSchedule)
 *     .spreadConstraint(TopologySpreadConstraints.doNotSchedule(1, "topology.kubernetes.io/zone")
 *         .matchLabels("app", "web"))
 *     .build();
 * Node node = Nodes.node("node-a").zone("zone-1").allocatable(Map.of("cpu", "4", "memory", "16Gi"))
 *     .taint("dedicated", "web", TaintEffect.NoSchedule)
 *     .build();
 * }</pre>
 *
 * <ul>
 *   <li>{@link io.kubesim.testing.Pods}: pods (metadata, node name and selector, node and pod
 *       (anti-)affinity, tolerations, topology spread constraints, containers and their requests,
 *       ports, overhead) and pod affinity terms;
 *   <li>{@link io.kubesim.testing.Nodes}: nodes (labels, zone, taints, unschedulable, capacity and
 *       allocatable);
 *   <li>{@link io.kubesim.testing.TopologySpreadConstraints}: {@code topologySpreadConstraints}
 *       entries;
 *   <li>{@link io.kubesim.testing.LabelSelectors} and {@link io.kubesim.testing.NodeSelectors}:
 *       label selectors, node selector terms and their requirements.
 * </ul>
 *
 * <p>Builders are mutable and not thread-safe; {@code build()} returns an immutable object and may
 * be called again after further changes. Quantities are parsed with Kubernetes' rules
 * ({@link io.kubesim.api.Quantity#parse}); an unset namespace is {@code default}, as the API server
 * sets it.
 */
package io.kubesim.testing;
