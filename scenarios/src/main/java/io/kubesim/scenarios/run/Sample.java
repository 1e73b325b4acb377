package io.kubesim.scenarios.run;

import io.kubesim.metrics.PendingSample;
import io.kubesim.metrics.SpreadSample;
import java.util.List;

/**
 * One moment the recorder sampled: every spread constraint of every workload, the pending pods,
 * and the timeline events that ran since the previous sample.
 */
public record Sample(long time, List<SpreadSample> spread, PendingSample pending, List<String> events) {}
