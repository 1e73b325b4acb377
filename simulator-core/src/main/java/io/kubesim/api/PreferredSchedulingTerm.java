package io.kubesim.api;

public record PreferredSchedulingTerm(int weight, NodeSelectorTerm preference) {}
