package io.kubesim.sim;

/** A reconcile loop run after every change until the cluster settles. */
public interface Controller {
  /** Reconciles what it owns; returns true when it changed anything (so others run again). */
  boolean sync(Simulation sim);
}
