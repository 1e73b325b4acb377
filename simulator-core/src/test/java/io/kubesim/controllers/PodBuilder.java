package io.kubesim.controllers;

import io.kubesim.api.ObjectMeta;
import io.kubesim.api.OwnerReference;
import io.kubesim.api.Pod;
import io.kubesim.api.PodCondition;
import io.kubesim.api.PodSpec;
import io.kubesim.api.PodStatus;
import io.kubesim.api.Toleration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Fluent pod fixtures: {@code pod("p").node("n1").running().readySince(10).build()}. Times in seconds. */
public final class PodBuilder {
  private final String name;
  private String namespace = "default";
  private String uid;
  private String node = "";
  private String phase = "Pending";
  private Boolean ready;
  private Long readySinceSec;
  private Long createdSec;
  private Long deletedSec;
  private final Map<String, String> labels = new HashMap<>();
  private final Map<String, String> annotations = new HashMap<>();
  private final List<OwnerReference> owners = new ArrayList<>();
  private final List<Toleration> tolerations = new ArrayList<>();

  private PodBuilder(String name) {
    this.name = name;
    this.uid = "uid-" + name;
  }

  public static PodBuilder pod(String name) {
    return new PodBuilder(name);
  }

  public PodBuilder namespace(String ns) {
    this.namespace = ns;
    return this;
  }

  public PodBuilder uid(String u) {
    this.uid = u;
    return this;
  }

  public PodBuilder node(String n) {
    this.node = n;
    return this;
  }

  public PodBuilder phase(String p) {
    this.phase = p;
    return this;
  }

  public PodBuilder running() {
    return phase("Running");
  }

  /** Running and Ready since {@code sec}. */
  public PodBuilder readySince(long sec) {
    this.phase = "Running";
    this.ready = true;
    this.readySinceSec = sec;
    return this;
  }

  public PodBuilder notReady() {
    this.ready = false;
    return this;
  }

  public PodBuilder created(long sec) {
    this.createdSec = sec;
    return this;
  }

  public PodBuilder deleting(long sec) {
    this.deletedSec = sec;
    return this;
  }

  public PodBuilder label(String k, String v) {
    labels.put(k, v);
    return this;
  }

  public PodBuilder annotation(String k, String v) {
    annotations.put(k, v);
    return this;
  }

  public PodBuilder ownedBy(String kind, String ownerName) {
    owners.add(new OwnerReference("apps/v1", kind, ownerName, "uid-" + ownerName, true));
    return this;
  }

  public PodBuilder toleration(Toleration t) {
    tolerations.add(t);
    return this;
  }

  public Pod build() {
    List<PodCondition> conditions = new ArrayList<>();
    if (ready != null) {
      conditions.add(new PodCondition("Ready", ready ? "True" : "False", readySinceSec == null ? null : SimTime.format(readySinceSec * 1000), null));
    }
    ObjectMeta meta = new ObjectMeta(name, namespace, uid, labels, annotations, owners, createdSec == null ? null : SimTime.format(createdSec * 1000),
        deletedSec == null ? null : SimTime.format(deletedSec * 1000));
    PodSpec spec = PodSpec.EMPTY.withNodeName(node).withTolerations(tolerations);
    return new Pod(meta, spec, new PodStatus(phase, null, conditions, null, null));
  }
}
