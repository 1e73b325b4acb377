package io.kubesim.kubelet.cm.topologymanager;

/** A policy's merged hint and whether the pod (or container) may be admitted with it. */
public record MergeResult(TopologyHint hint, boolean admit) {}
