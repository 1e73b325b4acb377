package io.kubesim.api;

/**
 * A pod condition, e.g. {@code Ready}.
 *
 * @param status {@code True}, {@code False} or {@code Unknown}
 * @param lastTransitionTime RFC 3339, second resolution as the API serializes it
 */
public record PodCondition(String type, String status, String lastTransitionTime, String reason) {}
