package io.kubesim.scheduler.framework;

/** A scheduler plugin; it implements one or more extension-point interfaces. */
public interface Plugin {
  /** Upstream's plugin name, e.g. {@code PodTopologySpread}. */
  String name();
}
