package io.kubesim.api;

public record OwnerReference(String apiVersion, String kind, String name, String uid, boolean controller) {}
