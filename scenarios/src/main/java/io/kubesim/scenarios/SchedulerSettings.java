package io.kubesim.scenarios;

import io.kubesim.scheduler.PluginSet;

/**
 * The scheduler part of a scenario: the {@code KubeSchedulerConfiguration} subset it understands.
 *
 * @param plugins the profile's plugins, weights and args, defaults merged as upstream's v1 API does
 * @param percentageOfNodesToScore 0 = adaptive (upstream default)
 */
public record SchedulerSettings(String schedulerName, PluginSet plugins, int percentageOfNodesToScore, long initialBackoffMs,
    long maxBackoffMs) {}
