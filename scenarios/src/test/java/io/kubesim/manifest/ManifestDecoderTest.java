package io.kubesim.manifest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kubesim.api.Node;
import io.kubesim.api.Pod;
import io.kubesim.api.Quantity;
import io.kubesim.api.ReplicaSet;
import io.kubesim.api.Service;
import io.kubesim.api.StatefulSet;
import io.kubesim.api.TaintEffect;
import io.kubesim.api.TopologySpreadConstraint;
import io.kubesim.yaml.InputError;
import io.kubesim.yaml.YamlLoader;
import io.kubesim.yaml.YamlNode;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ManifestDecoderTest {

  private static final ManifestDecoder API = ManifestDecoder.apiServer();

  private static YamlNode yaml(String text) {
    return new YamlLoader().loadAll("pod.yaml", new StringReader(text)).get(0);
  }

  /** What {@code kubectl get pod -o yaml} prints for a Deployment's pod, trimmed a little. */
  private static final String KUBECTL_POD = """
      apiVersion: v1
      kind: Pod
      metadata:
        creationTimestamp: "2024-05-01T10:00:00Z"
        generateName: web-7d4b9c8f6d-
        labels:
          app: web
          pod-template-hash: 7d4b9c8f6d
        name: web-7d4b9c8f6d-x2x9q
        namespace: shop
        ownerReferences:
        - apiVersion: apps/v1
          blockOwnerDeletion: true
          controller: true
          kind: ReplicaSet
          name: web-7d4b9c8f6d
          uid: 0b7c3a52-1111-2222-3333-444455556666
        resourceVersion: "123456"
        uid: 9f1e2d3c-aaaa-bbbb-cccc-ddddeeeeffff
        managedFields:
        - apiVersion: v1
          fieldsType: FieldsV1
          manager: kube-controller-manager
          operation: Update
      spec:
        containers:
        - command: ["/bin/web", "--port=8080"]
          env:
          - name: MODE
            value: prod
          image: registry.example/web:1.2
          imagePullPolicy: IfNotPresent
          livenessProbe:
            httpGet: {path: /healthz, port: 8080}
          name: web
          ports:
          - containerPort: 8080
            name: http
            protocol: TCP
          resources:
            limits: {cpu: "1", memory: 128Mi}
            requests: {cpu: 250m, memory: 64Mi}
          terminationMessagePath: /dev/termination-log
          volumeMounts:
          - mountPath: /var/run/secrets/kubernetes.io/serviceaccount
            name: kube-api-access
            readOnly: true
        dnsPolicy: ClusterFirst
        enableServiceLinks: true
        nodeName: node-a
        nodeSelector:
          kubernetes.io/os: linux
        preemptionPolicy: PreemptLowerPriority
        priority: 0
        restartPolicy: Always
        schedulerName: default-scheduler
        securityContext: {}
        serviceAccountName: default
        terminationGracePeriodSeconds: 30
        tolerations:
        - effect: NoExecute
          key: node.kubernetes.io/not-ready
          operator: Exists
          tolerationSeconds: 300
        topologySpreadConstraints:
        - labelSelector:
            matchLabels: {app: web}
          matchLabelKeys: [pod-template-hash]
          maxSkew: 1
          topologyKey: topology.kubernetes.io/zone
          whenUnsatisfiable: DoNotSchedule
        volumes:
        - name: kube-api-access
          projected: {sources: []}
      status:
        conditions:
        - lastTransitionTime: "2024-05-01T10:00:02Z"
          status: "True"
          type: Ready
        containerStatuses:
        - name: web
          ready: true
        hostIP: 10.0.0.5
        phase: Running
        podIP: 10.244.1.7
        qosClass: Burstable
        startTime: "2024-05-01T10:00:00Z"
      """;

  @Test
  void aRealKubectlPodLoadsAndIgnoresWhatIsNotModelled() {
    Pod pod = API.pod(yaml(KUBECTL_POD));
    assertThat(pod.key()).isEqualTo("shop/web-7d4b9c8f6d-x2x9q");
    assertThat(pod.labels()).containsEntry("pod-template-hash", "7d4b9c8f6d");
    assertThat(pod.metadata().controllerRef().kind()).isEqualTo("ReplicaSet");
    assertThat(pod.spec().nodeName()).isEqualTo("node-a");
    assertThat(pod.spec().containers().get(0).resources().requests())
        .containsEntry("cpu", Quantity.parse("250m")).containsEntry("memory", Quantity.parse("64Mi"));
    assertThat(pod.spec().containers().get(0).ports().get(0).containerPort()).isEqualTo(8080);
    assertThat(pod.spec().tolerations().get(0).effect()).isEqualTo(TaintEffect.NoExecute);
    assertThat(pod.spec().tolerations().get(0).tolerationSeconds()).isEqualTo(300L);
    TopologySpreadConstraint c = pod.spec().topologySpreadConstraints().get(0);
    assertThat(c.matchLabelKeys()).containsExactly("pod-template-hash");
    assertThat(c.labelSelector().matchLabels()).containsEntry("app", "web");
    assertThat(pod.status().phase()).isEqualTo("Running");
  }

  @Test
  void aRealKubectlNodeLoads() {
    Node node = API.node(yaml("""
        apiVersion: v1
        kind: Node
        metadata:
          labels: {kubernetes.io/hostname: node-a, topology.kubernetes.io/zone: eu-1a}
          name: node-a
          resourceVersion: "42"
        spec:
          podCIDR: 10.244.1.0/24
          providerID: aws:///eu-1a/i-0123
          taints:
          - {effect: NoSchedule, key: node.kubernetes.io/unschedulable, timeAdded: "2024-05-01T10:00:00Z"}
          unschedulable: true
        status:
          addresses: [{address: 10.0.0.5, type: InternalIP}]
          allocatable: {cpu: 3920m, memory: 15Gi, pods: "110"}
          capacity: {cpu: "4", memory: 16Gi, pods: "110"}
          conditions: [{type: Ready, status: "True"}]
          nodeInfo: {kubeletVersion: v1.35.0}
          images: []
        """));
    assertThat(node.name()).isEqualTo("node-a");
    assertThat(node.metadata().namespace()).isEmpty();
    assertThat(node.spec().unschedulable()).isTrue();
    assertThat(node.spec().taints().get(0).effect()).isEqualTo(TaintEffect.NoSchedule);
    assertThat(node.status().allocatable()).containsEntry("cpu", Quantity.parse("3920m")).containsEntry("pods", Quantity.of(110));
  }

  @Test
  void aMisspeltFieldIsRejectedWithTheClosestName() {
    InputError e = error(() -> API.pod(yaml("""
        metadata: {name: p}
        spec:
          nodeSelecter: {disk: ssd}
        """)));
    assertThat(e.mark().file()).isEqualTo("pod.yaml");
    assertThat(e.mark().line()).isEqualTo(3);
    assertThat(e.path()).isEqualTo("spec.nodeSelecter");
    assertThat(e.problem()).startsWith("unknown field \"nodeSelecter\" (did you mean \"nodeSelector\"?)");
    assertThat(e.getMessage()).startsWith("pod.yaml:3:");
  }

  @Test
  void aMisspeltNestedFieldNamesItsFullPath() {
    InputError e = error(() -> API.pod(yaml("""
        metadata: {name: p}
        spec:
          topologySpreadConstraints:
          - maxSkew: 1
            topologyKey: zone
            whenUnsatisfiable: DoNotSchedule
            labelSelector: {matchLabels: {app: web}}
            nodeTaintPolicy: Honor
        """)));
    assertThat(e.mark().line()).isEqualTo(8);
    assertThat(e.path()).isEqualTo("spec.topologySpreadConstraints[0].nodeTaintPolicy");
    assertThat(e.problem()).contains("did you mean \"nodeTaintsPolicy\"?");
  }

  @Test
  void aMisspeltEnumValueIsRejectedWithTheClosestValue() {
    InputError e = error(() -> API.pod(yaml("""
        metadata: {name: p}
        spec:
          topologySpreadConstraints:
          - {maxSkew: 1, topologyKey: zone, whenUnsatisfiable: DoNotSchedul, labelSelector: {}}
        """)));
    assertThat(e.path()).isEqualTo("spec.topologySpreadConstraints[0].whenUnsatisfiable");
    assertThat(e.problem()).startsWith("unknown value \"DoNotSchedul\" (did you mean \"DoNotSchedule\"?)");
  }

  @Test
  void misspeltOperatorsAndEffectsAreRejected() {
    assertThat(error(() -> API.pod(yaml("""
        metadata: {name: p}
        spec:
          tolerations: [{key: k, operator: Exist}]
        """))).problem()).contains("did you mean \"Exists\"?");
    assertThat(error(() -> API.node(yaml("""
        metadata: {name: n}
        spec:
          taints: [{key: k, effect: NoSchedul}]
        """))).problem()).contains("did you mean \"NoSchedule\"?");
  }

  @Test
  void anInvalidQuantityIsAnErrorAtTheValueNamingTheField() {
    InputError e = error(() -> API.pod(yaml("""
        metadata: {name: p}
        spec:
          containers:
          - name: c
            resources:
              requests:
                cpu: 2 cores
        """)));
    assertThat(e.mark().line()).isEqualTo(7);
    assertThat(e.path()).isEqualTo("spec.containers[0].resources.requests.cpu");
    assertThat(e.problem()).contains("invalid quantity \"2 cores\"");
  }

  @Test
  void theApiServerDecoderRejectsInvalidConstraintsAtTheOffendingField() {
    String text = """
        metadata: {name: p}
        spec:
          topologySpreadConstraints:
          - topologyKey: zone
            whenUnsatisfiable: DoNotSchedule
            maxSkew: 0
            labelSelector: {}
        """;
    InputError e = error(() -> API.pod(yaml(text)));
    assertThat(e.mark().line()).isEqualTo(6);
    assertThat(e.path()).isEqualTo("spec.topologySpreadConstraints[0].maxSkew");
    assertThat(e.problem()).isEqualTo("Invalid value: 0: must be greater than zero");
    assertThat(ManifestDecoder.asWritten().pod(yaml(text)).spec().topologySpreadConstraints().get(0).maxSkew()).isZero();
  }

  @Test
  void matchLabelKeysWithoutALabelSelectorIsRejectedOnlyByTheApiServerDecoder() {
    String text = """
        metadata: {name: p}
        spec:
          topologySpreadConstraints:
          - maxSkew: 1
            topologyKey: zone
            whenUnsatisfiable: DoNotSchedule
            matchLabelKeys: [pod-template-hash]
        """;
    InputError e = error(() -> API.pod(yaml(text)));
    assertThat(e.mark().line()).isEqualTo(7);
    assertThat(e.getMessage()).endsWith(
        "spec.topologySpreadConstraints[0].matchLabelKeys: Forbidden: must not be specified when labelSelector is not set");
    assertThat(ManifestDecoder.asWritten().pod(yaml(text)).spec().topologySpreadConstraints().get(0).labelSelector()).isNull();
  }

  @Test
  void nullAndEmptyLabelSelectorsStayDistinct() {
    Pod pod = API.pod(yaml("""
        metadata: {name: p}
        spec:
          topologySpreadConstraints:
          - {maxSkew: 1, topologyKey: zone, whenUnsatisfiable: DoNotSchedule, labelSelector: null}
          - {maxSkew: 1, topologyKey: rack, whenUnsatisfiable: DoNotSchedule, labelSelector: {}}
        """));
    assertThat(pod.spec().topologySpreadConstraints().get(0).labelSelector()).isNull();
    assertThat(pod.spec().topologySpreadConstraints().get(1).labelSelector()).isNotNull();
  }

  @Test
  void namespacedObjectsDefaultToTheDefaultNamespace() {
    assertThat(API.pod(yaml("metadata: {name: p}")).namespace()).isEqualTo("default");
    assertThat(API.service(yaml("metadata: {name: s}\nspec: {selector: {app: web}}")).metadata().namespace()).isEqualTo("default");
  }

  @Test
  void aServiceWithoutSelectorSelectsNothingAndEmptySelectsAll() {
    Service none = API.service(yaml("metadata: {name: s}\nspec: {ports: [{port: 80}]}"));
    Service all = API.service(yaml("metadata: {name: s}\nspec: {selector: {}}"));
    assertThat(none.selector()).isNull();
    assertThat(all.selector()).isEmpty();
  }

  @Test
  void objectsAreDecodedByKind() {
    Object rs = API.object(yaml("""
        apiVersion: apps/v1
        kind: ReplicaSet
        metadata: {name: web-1, namespace: shop}
        spec:
          replicas: 3
          selector: {matchLabels: {app: web}}
          template:
            metadata: {labels: {app: web}}
            spec: {containers: [{name: web, image: web}]}
        status: {replicas: 3}
        """));
    assertThat(rs).isInstanceOf(ReplicaSet.class);
    assertThat(((ReplicaSet) rs).spec().selector().matchLabels()).containsEntry("app", "web");
    Object ss = API.object(yaml("""
        kind: StatefulSet
        metadata: {name: db}
        spec: {serviceName: db, selector: {matchLabels: {app: db}}, updateStrategy: {type: RollingUpdate}}
        """));
    assertThat(((StatefulSet) ss).spec().podManagementPolicy()).isEqualTo("OrderedReady");
    assertThat(error(() -> API.object(yaml("kind: Deploymnet\nmetadata: {name: d}"))).problem()).contains("unknown value \"Deploymnet\"");
  }

  @Test
  void aKindThatDoesNotMatchIsAnError() {
    assertThat(error(() -> API.pod(yaml("kind: Node\nmetadata: {name: p}"))).problem()).isEqualTo("expected kind Pod, found \"Node\"");
  }

  @Test
  void anInvalidTimestampIsAnError() {
    InputError e = error(() -> API.pod(yaml("metadata: {name: p, deletionTimestamp: yesterday}")));
    assertThat(e.path()).isEqualTo("metadata.deletionTimestamp");
    assertThat(e.problem()).contains("RFC 3339");
  }

  @Test
  void aPodNeedsAName() {
    assertThat(error(() -> API.pod(yaml("metadata: {namespace: x}"))).problem()).isEqualTo("missing required field \"name\"");
  }

  @Test
  void filesMayHoldSeveralDocumentsAndLists(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("cluster.yaml");
    Files.writeString(file, """
        apiVersion: v1
        kind: Node
        metadata: {name: node-a}
        ---
        apiVersion: v1
        kind: List
        metadata: {resourceVersion: ""}
        items:
        - {apiVersion: v1, kind: Pod, metadata: {name: p1}, spec: {nodeName: node-a}}
        - {apiVersion: v1, kind: Service, metadata: {name: s}, spec: {selector: {app: web}}}
        """);
    List<Object> objects = API.loadAll(file);
    assertThat(objects).hasSize(3);
    assertThat(objects.get(0)).isInstanceOf(Node.class);
    assertThat(((Pod) objects.get(1)).spec().nodeName()).isEqualTo("node-a");
    assertThat(((Service) objects.get(2)).selector()).isEqualTo(Map.of("app", "web"));
  }

  private static InputError error(Runnable r) {
    try {
      r.run();
    } catch (InputError e) {
      return e;
    }
    throw new AssertionError("expected an InputError");
  }

  @Test
  void errorsThrownAreInputErrors() {
    assertThatThrownBy(() -> API.pod(yaml("metadata: [1]"))).isInstanceOf(InputError.class).hasMessageContaining("expected a mapping");
  }
}
