package io.kubesim.scheduler.plugins.helper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kubesim.scheduler.framework.Features;
import io.kubesim.scheduler.framework.PluginFactory;
import io.kubesim.scheduler.plugins.interpodaffinity.InterPodAffinity;
import io.kubesim.scheduler.plugins.interpodaffinity.InterPodAffinityArgs;
import io.kubesim.scheduler.plugins.nodeaffinity.NodeAffinity;
import io.kubesim.scheduler.plugins.nodename.NodeName;
import io.kubesim.scheduler.plugins.nodeports.NodePorts;
import io.kubesim.scheduler.plugins.noderesources.BalancedAllocation;
import io.kubesim.scheduler.plugins.noderesources.Fit;
import io.kubesim.scheduler.plugins.nodeunschedulable.NodeUnschedulable;
import io.kubesim.scheduler.plugins.tainttoleration.TaintToleration;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class PluginFactoriesTest {

  record Entry(String name, PluginFactory factory) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Entry> factories() {
    return Stream.of(
        new Entry("NodeUnschedulable", NodeUnschedulable.FACTORY),
        new Entry("NodeName", NodeName.FACTORY),
        new Entry("TaintToleration", TaintToleration.FACTORY),
        new Entry("NodeAffinity", NodeAffinity.FACTORY),
        new Entry("NodePorts", NodePorts.FACTORY),
        new Entry("NodeResourcesFit", Fit.FACTORY),
        new Entry("NodeResourcesBalancedAllocation", BalancedAllocation.FACTORY),
        new Entry("InterPodAffinity", InterPodAffinity.FACTORY));
  }

  @ParameterizedTest(name = "{0} builds with default args under its upstream name")
  @MethodSource("factories")
  void builds_with_defaults(Entry e) {
    assertThat(e.factory().create(null, Features.DEFAULTS).name()).isEqualTo(e.name());
  }

  @ParameterizedTest(name = "{0} rejects args of another plugin")
  @MethodSource("factories")
  void rejects_foreign_args(Entry e) {
    Object foreign = e.name().equals("InterPodAffinity") ? "not args" : InterPodAffinityArgs.DEFAULTS;
    assertThatThrownBy(() -> e.factory().create(foreign, Features.DEFAULTS)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void the_type_mismatch_message_names_both_types() {
    assertThatThrownBy(() -> Fit.FACTORY.create(InterPodAffinityArgs.DEFAULTS, Features.DEFAULTS))
        .hasMessage("want args to be of type NodeResourcesFitArgs, got io.kubesim.scheduler.plugins.interpodaffinity.InterPodAffinityArgs");
  }
}
