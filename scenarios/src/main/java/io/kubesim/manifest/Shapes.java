package io.kubesim.manifest;

import java.util.Set;

/**
 * Known fields per object, from the Kubernetes API (core/v1, apps/v1, meta/v1 as of 1.35). The
 * ignored sets list what real cluster output and common manifests contain that does not change
 * scheduling in the simulator.
 */
final class Shapes {
  private Shapes() {}

  static final Shape OBJECT_META = Shape.of(
      Set.of("name", "namespace", "uid", "labels", "annotations", "ownerReferences", "creationTimestamp", "deletionTimestamp"),
      Set.of("generateName", "resourceVersion", "generation", "selfLink", "deletionGracePeriodSeconds", "finalizers",
          "managedFields", "clusterName"));

  static final Shape OWNER_REFERENCE = Shape.of(
      Set.of("apiVersion", "kind", "name", "uid", "controller"),
      Set.of("blockOwnerDeletion"));

  static final Shape POD = Shape.of(Set.of("apiVersion", "kind", "metadata", "spec", "status"), Set.of());

  static final Shape POD_SPEC = Shape.of(
      Set.of("nodeName", "nodeSelector", "affinity", "tolerations", "topologySpreadConstraints", "initContainers", "containers",
          "overhead", "priority", "priorityClassName", "schedulerName", "schedulingGates"),
      Set.of("activeDeadlineSeconds", "automountServiceAccountToken", "dnsConfig", "dnsPolicy", "enableServiceLinks",
          "ephemeralContainers", "hostAliases", "hostIPC", "hostNetwork", "hostPID", "hostUsers", "hostname", "hostnameOverride",
          "imagePullSecrets", "os", "preemptionPolicy", "readinessGates", "resourceClaims", "resources", "restartPolicy",
          "runtimeClassName", "securityContext", "serviceAccount", "serviceAccountName", "setHostnameAsFQDN",
          "shareProcessNamespace", "subdomain", "terminationGracePeriodSeconds", "volumes", "workloadRef"));

  static final Shape POD_STATUS = Shape.of(
      Set.of("phase", "nominatedNodeName"),
      Set.of("conditions", "containerStatuses", "initContainerStatuses", "ephemeralContainerStatuses", "hostIP", "hostIPs",
          "podIP", "podIPs", "qosClass", "startTime", "message", "reason", "resize", "resourceClaimStatuses",
          "observedGeneration", "extendedResourceClaimStatus", "allocatedResources", "resources"));

  static final Shape CONTAINER = Shape.of(
      Set.of("name", "image", "resources", "ports", "restartPolicy"),
      Set.of("args", "command", "env", "envFrom", "imagePullPolicy", "lifecycle", "livenessProbe", "readinessProbe",
          "startupProbe", "resizePolicy", "restartPolicyRules", "securityContext", "stdin", "stdinOnce",
          "terminationMessagePath", "terminationMessagePolicy", "tty", "volumeDevices", "volumeMounts", "workingDir"));

  static final Shape RESOURCES = Shape.of(Set.of("requests", "limits"), Set.of("claims"));

  static final Shape CONTAINER_PORT = Shape.of(Set.of("containerPort", "hostPort", "protocol", "hostIP"), Set.of("name"));

  static final Shape SCHEDULING_GATE = Shape.modelledOnly("name");

  static final Shape AFFINITY = Shape.modelledOnly("nodeAffinity", "podAffinity", "podAntiAffinity");

  static final Shape NODE_AFFINITY = Shape.modelledOnly(
      "requiredDuringSchedulingIgnoredDuringExecution", "preferredDuringSchedulingIgnoredDuringExecution");

  static final Shape NODE_SELECTOR = Shape.modelledOnly("nodeSelectorTerms");

  static final Shape NODE_SELECTOR_TERM = Shape.modelledOnly("matchExpressions", "matchFields");

  static final Shape NODE_SELECTOR_REQUIREMENT = Shape.modelledOnly("key", "operator", "values");

  static final Shape PREFERRED_SCHEDULING_TERM = Shape.modelledOnly("weight", "preference");

  static final Shape POD_AFFINITY = Shape.modelledOnly(
      "requiredDuringSchedulingIgnoredDuringExecution", "preferredDuringSchedulingIgnoredDuringExecution");

  static final Shape POD_AFFINITY_TERM = Shape.modelledOnly(
      "labelSelector", "namespaces", "topologyKey", "namespaceSelector", "matchLabelKeys", "mismatchLabelKeys");

  static final Shape WEIGHTED_POD_AFFINITY_TERM = Shape.modelledOnly("weight", "podAffinityTerm");

  static final Shape LABEL_SELECTOR = Shape.modelledOnly("matchLabels", "matchExpressions");

  static final Shape LABEL_SELECTOR_REQUIREMENT = Shape.modelledOnly("key", "operator", "values");

  static final Shape TOLERATION = Shape.modelledOnly("key", "operator", "value", "effect", "tolerationSeconds");

  static final Shape TAINT = Shape.modelledOnly("key", "value", "effect", "timeAdded");

  static final Shape TOPOLOGY_SPREAD_CONSTRAINT = Shape.modelledOnly(
      "maxSkew", "topologyKey", "whenUnsatisfiable", "labelSelector", "minDomains", "nodeAffinityPolicy", "nodeTaintsPolicy",
      "matchLabelKeys");

  static final Shape NODE = Shape.of(Set.of("apiVersion", "kind", "metadata", "spec", "status"), Set.of());

  static final Shape NODE_SPEC = Shape.of(
      Set.of("unschedulable", "taints"),
      Set.of("podCIDR", "podCIDRs", "providerID", "configSource", "externalID"));

  static final Shape NODE_STATUS = Shape.of(
      Set.of("capacity", "allocatable"),
      Set.of("addresses", "conditions", "daemonEndpoints", "images", "nodeInfo", "phase", "volumesAttached", "volumesInUse",
          "config", "runtimeHandlers", "features", "declaredFeatures"));

  static final Shape SERVICE = Shape.of(Set.of("apiVersion", "kind", "metadata", "spec"), Set.of("status"));

  static final Shape SERVICE_SPEC = Shape.of(
      Set.of("selector"),
      Set.of("ports", "type", "clusterIP", "clusterIPs", "ipFamilies", "ipFamilyPolicy", "sessionAffinity",
          "sessionAffinityConfig", "internalTrafficPolicy", "externalTrafficPolicy", "externalIPs", "externalName",
          "loadBalancerIP", "loadBalancerClass", "loadBalancerSourceRanges", "allocateLoadBalancerNodePorts",
          "healthCheckNodePort", "publishNotReadyAddresses", "trafficDistribution"));

  static final Shape WORKLOAD = Shape.of(Set.of("apiVersion", "kind", "metadata", "spec"), Set.of("status"));

  static final Shape REPLICATION_CONTROLLER_SPEC = Shape.of(Set.of("selector"), Set.of("replicas", "template", "minReadySeconds"));

  static final Shape REPLICA_SET_SPEC = Shape.of(Set.of("replicas", "selector", "template", "minReadySeconds"), Set.of());

  static final Shape STATEFUL_SET_SPEC = Shape.of(
      Set.of("replicas", "selector", "template", "serviceName", "podManagementPolicy", "updateStrategy", "minReadySeconds"),
      Set.of("revisionHistoryLimit", "volumeClaimTemplates", "persistentVolumeClaimRetentionPolicy", "ordinals"));

  static final Shape STATEFUL_SET_UPDATE_STRATEGY = Shape.modelledOnly("type", "rollingUpdate");

  static final Shape STATEFUL_SET_ROLLING_UPDATE = Shape.modelledOnly("partition", "maxUnavailable");

  static final Shape DEPLOYMENT_SPEC = Shape.of(
      Set.of("replicas", "selector", "template", "strategy", "minReadySeconds", "revisionHistoryLimit", "paused",
          "progressDeadlineSeconds"),
      Set.of());

  static final Shape DEPLOYMENT_STRATEGY = Shape.modelledOnly("type", "rollingUpdate");

  static final Shape DEPLOYMENT_ROLLING_UPDATE = Shape.modelledOnly("maxSurge", "maxUnavailable");

  static final Shape PDB_SPEC = Shape.modelledOnly("minAvailable", "maxUnavailable", "selector", "unhealthyPodEvictionPolicy");

  static final Shape POD_TEMPLATE_SPEC = Shape.modelledOnly("metadata", "spec");

  static final Shape LIST = Shape.of(Set.of("apiVersion", "kind", "items"), Set.of("metadata"));
}
