package io.kubesim.controllers.nodelifecycle;

import io.kubesim.api.Pod;
import io.kubesim.api.TaintEffect;
import io.kubesim.api.Toleration;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code DefaultTolerationSeconds} admission plugin (enabled by default): on pod create and
 * update, unless the pod already has a toleration whose key is the taint's key or empty and whose
 * effect is NoExecute or empty (operator and value are not looked at), append
 * {@code not-ready:NoExecute} and then {@code unreachable:NoExecute}, both {@code Exists} for
 * 300 s. DaemonSet pods get infinite tolerations from their controller instead and so are left
 * alone here.
 */
public final class DefaultTolerationSeconds {
  /** {@code --default-not-ready-toleration-seconds} and {@code --default-unreachable-toleration-seconds}. */
  public static final long DEFAULT_SECONDS = 300;

  private DefaultTolerationSeconds() {}

  public static Pod admit(Pod pod) {
    return admit(pod, DEFAULT_SECONDS, DEFAULT_SECONDS);
  }

  public static Pod admit(Pod pod, long notReadySeconds, long unreachableSeconds) {
    List<Toleration> tolerations = tolerations(pod.spec().tolerations(), notReadySeconds, unreachableSeconds);
    return tolerations.size() == pod.spec().tolerations().size() ? pod : pod.withSpec(pod.spec().withTolerations(tolerations));
  }

  /** The tolerations after admission. */
  public static List<Toleration> tolerations(List<Toleration> existing, long notReadySeconds, long unreachableSeconds) {
    boolean notReady = false;
    boolean unreachable = false;
    for (Toleration t : existing) {
      boolean effect = t.effect() == null || t.effect() == TaintEffect.NoExecute;
      if (effect && (t.key().isEmpty() || t.key().equals(NodeTaints.NOT_READY))) notReady = true;
      if (effect && (t.key().isEmpty() || t.key().equals(NodeTaints.UNREACHABLE))) unreachable = true;
    }
    List<Toleration> out = new ArrayList<>(existing);
    if (!notReady) out.add(new Toleration(NodeTaints.NOT_READY, "Exists", null, TaintEffect.NoExecute, notReadySeconds));
    if (!unreachable) out.add(new Toleration(NodeTaints.UNREACHABLE, "Exists", null, TaintEffect.NoExecute, unreachableSeconds));
    return out;
  }
}
