package io.kubesim.metrics;

import java.util.Map;

/**
 * Pods waiting to be scheduled at one moment.
 *
 * @param reasons last failure message → number of pods
 * @param longestWaitMs how long the longest-waiting pod has waited so far
 */
public record PendingSample(long time, int pending, long longestWaitMs, Map<String, Integer> reasons) {}
