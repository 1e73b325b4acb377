package io.kubesim.scenarios;

import io.kubesim.api.Container;
import io.kubesim.api.Node;
import io.kubesim.api.ObjectMeta;
import io.kubesim.api.PodSpec;
import io.kubesim.api.PodTemplateSpec;
import io.kubesim.api.Taint;
import io.kubesim.api.TaintEffect;
import io.kubesim.yaml.Mark;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One timeline entry: what happens at {@code atMs}.
 *
 * @param label what charts and the summary call it (written {@code label}, else derived)
 * @param mark where the entry is written
 */
public record TimelineEvent(long atMs, String label, Mark mark, Action action) {

  /** What a timeline entry does. */
  public sealed interface Action permits Apply, Delete, Scale, Rollout, AddNodes, NodeOp, TaintNodes, Untaint, Reboot {
    /** The action's key in the file, e.g. {@code drain}. */
    String verb();

    /** A short text for the default label, e.g. {@code drain zone=zone-a}. */
    String describe();
  }

  /** Creates or replaces objects (kubectl apply): workloads, PDBs, pods, services, nodes. */
  public record Apply(List<Object> objects, List<String> names) implements Action {
    public String verb() {
      return "apply";
    }

    public String describe() {
      return "apply " + String.join(", ", names);
    }
  }

  public record Delete(List<ObjectRef> objects) implements Action {
    public String verb() {
      return "delete";
    }

    public String describe() {
      return "delete " + String.join(", ", objects.stream().map(ObjectRef::toString).toList());
    }
  }

  public record Scale(ObjectRef workload, int replicas) implements Action {
    public String verb() {
      return "scale";
    }

    public String describe() {
      return "scale " + workload + " to " + replicas;
    }
  }

  /**
   * A new pod template: either {@code template} whole, or the current one with {@code image} (of
   * {@code container}, or of every container), {@code labels} and {@code annotations} merged in,
   * and with {@code restart} the {@code kubectl rollout restart} annotation.
   */
  public record Rollout(ObjectRef workload, PodTemplateSpec template, String image, String container, Map<String, String> labels,
      Map<String, String> annotations, boolean restart) implements Action {
    public static final String RESTARTED_AT = "kubectl.kubernetes.io/restartedAt";

    public String verb() {
      return "rollout";
    }

    public String describe() {
      return "rollout " + workload + (image != null ? " image " + image : "");
    }

    /** The new template from the current one, at simulated time {@code nowRfc3339}. */
    public PodTemplateSpec apply(PodTemplateSpec current, String nowRfc3339) {
      if (template != null) return template;
      ObjectMeta meta = current.metadata() == null ? ObjectMeta.named("") : current.metadata();
      Map<String, String> l = new LinkedHashMap<>(meta.labels());
      l.putAll(labels);
      Map<String, String> a = new LinkedHashMap<>(meta.annotations());
      a.putAll(annotations);
      if (restart) a.put(RESTARTED_AT, nowRfc3339);
      meta = meta.withLabels(l).withAnnotations(a);
      PodSpec spec = current.spec() == null ? PodSpec.EMPTY : current.spec();
      if (image != null) {
        List<Container> containers = new ArrayList<>();
        for (Container c : spec.containers()) {
          containers.add(container == null || container.equals(c.name())
              ? new Container(c.name(), image, c.resources(), c.ports(), c.restartPolicy()) : c);
        }
        spec = new PodSpec(spec.nodeName(), spec.nodeSelector(), spec.affinity(), spec.tolerations(), spec.topologySpreadConstraints(),
            spec.initContainers(), containers, spec.overhead(), spec.priority(), spec.priorityClassName(), spec.schedulerName(),
            spec.schedulingGates());
      }
      return new PodTemplateSpec(meta, spec);
    }
  }

  /** New nodes of a pool, named and zoned as if the pool had been larger (numbering continues). */
  public record AddNodes(String pool, List<Node> nodes) implements Action {
    public String verb() {
      return "addNodes";
    }

    public String describe() {
      return "addNodes pool=" + pool + " count=" + nodes.size();
    }
  }

  /** removeNodes, cordon, uncordon, drain, failNodes, recoverNodes. */
  public record NodeOp(String verb, NodeSelection selection) implements Action {
    public static final List<String> VERBS = List.of("removeNodes", "cordon", "uncordon", "drain", "failNodes", "recoverNodes");

    public String describe() {
      return verb + " " + selection.describe();
    }
  }

  public record TaintNodes(NodeSelection selection, Taint taint) implements Action {
    public String verb() {
      return "taint";
    }

    public String describe() {
      return "taint " + selection.describe() + " " + taint;
    }
  }

  /** Removes taints with {@code key} (and {@code effect} when not null). */
  public record Untaint(NodeSelection selection, String key, TaintEffect effect) implements Action {
    public String verb() {
      return "untaint";
    }

    public String describe() {
      return "untaint " + selection.describe() + " " + key + (effect == null ? "" : ":" + effect);
    }
  }

  /**
   * Reboots the selected nodes one group at a time ({@code by} node or zone): cordon (or
   * {@code taint}), drain when asked, down for {@code downMs}, back, uncordon (or untaint).
   */
  public record Reboot(NodeSelection selection, String by, Taint taint, boolean drain, long downMs) implements Action {
    public static final List<String> BY = List.of("node", "zone");

    public String verb() {
      return "reboot";
    }

    public String describe() {
      return "reboot " + selection.describe() + " by " + by;
    }
  }
}
