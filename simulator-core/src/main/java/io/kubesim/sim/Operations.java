package io.kubesim.sim;

import io.kubesim.api.Deployment;
import io.kubesim.api.Node;
import io.kubesim.api.PodDisruptionBudget;
import io.kubesim.api.PodTemplateSpec;
import io.kubesim.api.ReplicaSet;
import io.kubesim.api.StatefulSet;
import io.kubesim.api.Taint;
import java.util.List;

/**
 * What a scenario's timeline (or a user of the library) does to a running {@link Simulation}, in
 * the words of kubectl and cluster operators. Every method acts at the simulation's current time;
 * operations that take time (drain, reboot, node failure) schedule their later steps themselves.
 */
public interface Operations {

  /** Creates or replaces (kubectl apply) a workload; the controllers take it from there. */
  void applyDeployment(Deployment deployment);

  void applyStatefulSet(StatefulSet statefulSet);

  void applyReplicaSet(ReplicaSet replicaSet);

  void applyPodDisruptionBudget(PodDisruptionBudget pdb);

  /** Deletes a workload or PDB by kind, namespace and name; its pods go with it (foreground cascade). */
  void delete(String kind, String namespace, String name);

  /** kubectl scale. */
  void scale(String kind, String namespace, String name, int replicas);

  /** A new pod template for a Deployment or StatefulSet: starts a rollout. */
  void rollout(String kind, String namespace, String name, PodTemplateSpec template);

  void addNode(Node node);

  /** Removes nodes outright (their pods are deleted at once). */
  void removeNodes(List<String> nodes);

  void taint(List<String> nodes, Taint taint);

  /** Removes taints with that key (and that effect, when not null). */
  void untaint(List<String> nodes, String key, io.kubesim.api.TaintEffect effect);

  void cordon(List<String> nodes);

  void uncordon(List<String> nodes);

  /**
   * kubectl drain: cordon, then evict every pod (PDB-aware, retry every 5 s on 429) except
   * DaemonSet-like and mirror pods; completes when all evicted pods are gone.
   */
  void drain(List<String> nodes);

  /**
   * The nodes stop heartbeating: Ready=Unknown after the 50 s grace period, NoSchedule taints at
   * once, NoExecute taints per zone rate limits, eviction after each pod's tolerationSeconds.
   */
  void failNodes(List<String> nodes);

  /** The nodes come back: Ready again, lifecycle taints removed. */
  void recoverNodes(List<String> nodes);

  /**
   * Reboots nodes in groups (one node at a time, or one zone at a time): for each group cordon
   * (or apply {@code taint}, when not null, instead), drain when asked, go down for
   * {@code downMs}, come back, uncordon (or untaint), then the next group.
   */
  void reboot(List<List<String>> groups, Taint taint, boolean drain, long downMs);
}
