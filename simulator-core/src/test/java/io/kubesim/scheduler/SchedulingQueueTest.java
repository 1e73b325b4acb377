package io.kubesim.scheduler;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubesim.api.Pod;
import io.kubesim.scheduler.framework.ClusterEvent;
import io.kubesim.scheduler.framework.EnqueueExtensions;
import io.kubesim.scheduler.framework.Plugin;
import io.kubesim.scheduler.framework.QueueingHint;
import io.kubesim.testing.Pods;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SchedulingQueueTest {

  /** Queues only on node additions. */
  record NodeAddOnly(String name) implements Plugin, EnqueueExtensions {
    @Override
    public QueueingHint isSchedulableAfter(ClusterEvent event, Pod pod, io.kubesim.scheduler.framework.Snapshot snapshot) {
      return event.type() == ClusterEvent.Type.NODE_ADD ? QueueingHint.QUEUE : QueueingHint.SKIP;
    }
  }

  private final Map<String, Plugin> plugins = Map.of("P", new NodeAddOnly("P"));
  private final SchedulingQueue queue = new SchedulingQueue(plugins::get);

  static Pod pod(String name, int priority) {
    return Pods.pod(name).priority(priority).build();
  }

  @Test
  void higherPriorityFirstThenArrivalOrder() {
    queue.add(pod("low", 0), 0);
    queue.add(pod("high", 10), 5);
    queue.add(pod("low2", 0), 1);
    assertThat(List.of(queue.pop().pod().name(), queue.pop().pod().name(), queue.pop().pod().name()))
        .containsExactly("high", "low", "low2");
    assertThat(queue.pop()).isNull();
  }

  @Test
  void aRejectedPodStaysParkedUntilAHintedEvent() {
    queue.add(pod("p", 0), 0);
    QueuedPodInfo q = queue.pop();
    queue.addUnschedulable(q, List.of("P"), false, "0/1 nodes are available", 0);
    assertThat(queue.hasSchedulable()).isFalse();
    queue.onEvent(ClusterEvent.assignedPodDeleted(pod("other", 0)), 100);
    assertThat(queue.hasSchedulable()).isFalse();
    queue.onEvent(ClusterEvent.nodeAdded(null), 20_000);
    assertThat(queue.activeCount()).isEqualTo(1);
  }

  @Test
  void aHintedPodStillBackingOffWaitsInBackoffQ() {
    queue.add(pod("p", 0), 0);
    queue.addUnschedulable(queue.pop(), List.of("P"), false, "", 0);
    queue.onEvent(ClusterEvent.nodeAdded(null), 500);
    assertThat(queue.backoffCount()).isEqualTo(1);
    queue.flushBackoffCompleted(1_000);
    assertThat(queue.backoffCount()).as("expiry 1s is still backing off at 1s").isEqualTo(1);
    queue.flushBackoffCompleted(2_000);
    assertThat(queue.activeCount()).isEqualTo(1);
  }

  @Test
  void backoffDoublesFromOneSecondUpToTen() {
    queue.add(pod("p", 0), 0);
    QueuedPodInfo q = queue.pop();
    long[] expected = {1_000, 2_000, 4_000, 8_000, 10_000, 10_000};
    for (long e : expected) {
      queue.addUnschedulable(q, List.of(), false, "", 0);
      assertThat(queue.backoffExpiry(q)).isEqualTo(e);
      q = queue.pop();
    }
  }

  @Test
  void parkedPodsAreRetriedAfterFiveMinutesWhateverTheHints() {
    queue.add(pod("p", 0), 0);
    queue.addUnschedulable(queue.pop(), List.of("P"), false, "", 0);
    queue.flushUnschedulableLeftover(300_000);
    assertThat(queue.hasSchedulable()).isFalse();
    queue.flushUnschedulableLeftover(300_001);
    assertThat(queue.hasSchedulable()).isTrue();
  }

  @Test
  void anEmptyActiveQueuePopsFromBackoffEvenBeforeExpiry() {
    queue.add(pod("p", 0), 0);
    queue.addUnschedulable(queue.pop(), List.of(), true, "error", 0);
    assertThat(queue.pop().pod().name()).isEqualTo("p");
  }

  @Test
  void deletedPodsLeaveEveryQueue() {
    queue.add(pod("p", 0), 0);
    queue.addUnschedulable(queue.pop(), List.of("P"), false, "", 0);
    queue.delete("default/p");
    assertThat(queue.isEmpty()).isTrue();
  }
}
