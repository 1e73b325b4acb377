/**
 * The PodTopologySpread scheduler plugin, laid out like upstream's package: {@link
 * io.kubesim.scheduler.plugins.podtopologyspread.PodTopologySpread} (plugin.go and common.go: extension
 * points, constraint building), {@code Filtering} with {@link
 * io.kubesim.scheduler.plugins.podtopologyspread.PreFilterState} and {@link
 * io.kubesim.scheduler.plugins.podtopologyspread.CriticalPaths} (filtering.go), {@code Scoring} with
 * {@link io.kubesim.scheduler.plugins.podtopologyspread.PreScoreState} (scoring.go), {@link
 * io.kubesim.scheduler.plugins.podtopologyspread.DefaultSelector} (selector of default constraints),
 * {@link io.kubesim.scheduler.plugins.podtopologyspread.PodTopologySpreadArgs} and {@link
 * io.kubesim.scheduler.plugins.podtopologyspread.ConstraintValidation} (what the API server rejects).
 * The semantics are those of {@code shared/upstream/pod-topology-spread.md} (kube-scheduler v1.35).
 */
package io.kubesim.scheduler.plugins.podtopologyspread;
