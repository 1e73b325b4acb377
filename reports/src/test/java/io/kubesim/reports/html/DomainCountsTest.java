package io.kubesim.reports.html;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

class DomainCountsTest {
  @Test
  void fewDomainsAreListedInOrder() {
    ObjectNode d = JsonNodeFactory.instance.objectNode().put("zone-a", 3).put("zone-b", 4).put("zone-c", 3);

    assertThat(RunReport.counts(d)).isEqualTo("3/4/3");
  }

  @Test
  void aHostnameKeyOnALargeClusterIsSummedUpAsARange() {
    ObjectNode d = JsonNodeFactory.instance.objectNode();
    for (int i = 0; i < 5000; i++) d.put("node-" + i, i % 2);

    assertThat(RunReport.counts(d)).isEqualTo("5000 domains of 0–1 pods");
  }
}
