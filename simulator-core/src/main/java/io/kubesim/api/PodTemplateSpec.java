package io.kubesim.api;

public record PodTemplateSpec(ObjectMeta metadata, PodSpec spec) {}
