package io.kubesim.scenarios.run;

import io.kubesim.scenarios.Expectation;

/**
 * An expectation checked against one variant's run.
 *
 * @param measured the value compared (null when there was nothing to measure, which fails)
 * @param measuredText the value in words, e.g. {@code 2 (at 12m30s)} or {@code 45s (default/web-x7k2p)}
 */
public record ExpectationResult(Expectation expectation, boolean passed, Double measured, String measuredText) {}
