package io.kubesim.api;

/** Each part is null when absent. */
public record Affinity(NodeAffinity nodeAffinity, PodAffinity podAffinity, PodAffinity podAntiAffinity) {}
