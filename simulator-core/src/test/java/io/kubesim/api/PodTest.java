package io.kubesim.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubesim.testing.Pods;
import org.junit.jupiter.api.Test;

/** Pod is a class only to keep its key: it must behave as the record it replaced. */
class PodTest {

  @Test
  void equalityHashAndStringAreThoseOfARecordOfMetadataSpecAndStatus() {
    Pod a = Pods.pod("web-1").namespace("shop").label("app", "web").build();
    Pod same = new Pod(a.metadata(), a.spec(), a.status());
    Pod running = a.withStatus(new PodStatus("Running", null));

    assertThat(same).isEqualTo(a).hasSameHashCodeAs(a);
    assertThat(running).isNotEqualTo(a);
    assertThat(a.hashCode()).isEqualTo((31 * a.metadata().hashCode() + a.spec().hashCode()) * 31 + a.status().hashCode());
    assertThat(a.toString()).isEqualTo("Pod[metadata=" + a.metadata() + ", spec=" + a.spec() + ", status=" + a.status() + "]");
  }

  @Test
  void keyIsNamespaceSlashNameAndSurvivesUpdates() {
    Pod a = Pods.pod("web-1").namespace("shop").build();
    assertThat(a.key()).isEqualTo("shop/web-1");
    assertThat(a.withNodeName("n1").key()).isEqualTo("shop/web-1");
  }

  @Test
  void missingSpecAndStatusDefaultAsTheRecordDid() {
    Pod p = new Pod(ObjectMeta.named("ns", "p"), null, null);
    assertThat(p.spec()).isEqualTo(PodSpec.EMPTY);
    assertThat(p.status()).isEqualTo(PodStatus.PENDING);
  }
}
