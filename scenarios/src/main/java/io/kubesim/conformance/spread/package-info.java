/**
 * The {@code spread-filter} and {@code spread-score} conformance kinds: upstream's PodTopologySpread
 * behaviour, case by case ({@code shared/conformance/FORMAT.md}).
 */
package io.kubesim.conformance.spread;
