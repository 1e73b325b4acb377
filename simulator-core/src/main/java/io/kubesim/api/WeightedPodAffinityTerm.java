package io.kubesim.api;

public record WeightedPodAffinityTerm(int weight, PodAffinityTerm podAffinityTerm) {}
