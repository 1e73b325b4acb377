package io.kubesim.cli;

import io.kubesim.api.Deployment;
import io.kubesim.api.ReplicaSet;
import io.kubesim.api.StatefulSet;
import io.kubesim.scenarios.Scenario;
import io.kubesim.scenarios.ScenarioFile;
import io.kubesim.scenarios.ScenarioLoader;
import io.kubesim.scenarios.TimelineEvent;
import io.kubesim.yaml.InputError;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
    name = "validate",
    mixinStandardHelpOptions = true,
    description = {
      "Checks a scenario file without running it: every section, every variant, every reference.",
      "Prints 'FILE: OK (N nodes, N workloads, N timeline events, N variants)' or the first error",
      "as file:line:column: path: message. Exit code 0 or 2."
    })
final class ValidateCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(paramLabel = "FILE", description = "The scenario file.")
  Path file;

  @picocli.CommandLine.Mixin InputLimitsOptions limits;

  @Override
  public Integer call() {
    limits.apply(spec.commandLine());
    try {
      ScenarioFile sf = new ScenarioLoader().load(file);
      List<Scenario> all = sf.decodeAll();
      Scenario s = all.get(0);
      spec.commandLine().getOut().println(file + ": OK (" + s.nodes().size() + " nodes, " + workloads(s) + " workloads, "
          + s.timeline().size() + " timeline events, " + all.size() + " variants)");
      return 0;
    } catch (InputError e) {
      spec.commandLine().getErr().println(e.getMessage());
      return 2;
    } finally {
      spec.commandLine().getOut().flush();
      spec.commandLine().getErr().flush();
    }
  }

  /** Deployments, StatefulSets and ReplicaSets not owned by a Deployment, from the start or applied later. */
  static int workloads(Scenario s) {
    List<Object> objects = new ArrayList<>(s.objects());
    for (TimelineEvent e : s.timeline()) if (e.action() instanceof TimelineEvent.Apply a) objects.addAll(a.objects());
    Set<String> keys = new TreeSet<>();
    for (Object o : objects) {
      if (o instanceof Deployment d) keys.add("Deployment/" + d.metadata().namespace() + "/" + d.metadata().name());
      if (o instanceof StatefulSet st) keys.add("StatefulSet/" + st.metadata().namespace() + "/" + st.metadata().name());
      if (o instanceof ReplicaSet rs && rs.metadata().controllerRef() == null) {
        keys.add("ReplicaSet/" + rs.metadata().namespace() + "/" + rs.metadata().name());
      }
    }
    return keys.size();
  }
}
