package io.kubesim.gui.model;

import io.kubesim.api.Taint;

/** The well-known taints that mean a node state rather than a user's policy. */
final class NodeStates {
  static final String UNREACHABLE = "node.kubernetes.io/unreachable";
  static final String NOT_READY = "node.kubernetes.io/not-ready";

  private NodeStates() {}

  /** The API keeps Ready in conditions; the simulator's controller shows it through these taints. */
  static boolean meansNotReady(Taint t) {
    return t.key().equals(UNREACHABLE) || t.key().equals(NOT_READY);
  }

  static boolean isStateTaint(Taint t) {
    return meansNotReady(t) || t.key().equals(Taint.UNSCHEDULABLE.key());
  }
}
