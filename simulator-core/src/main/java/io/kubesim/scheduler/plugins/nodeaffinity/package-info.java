/**
 * Upstream's {@code NodeAffinity} plugin: {@code nodeSelector} and required node affinity as a
 * filter (with PreFilter narrowing to nodes named by {@code matchFields metadata.name}), preferred
 * node affinity as a score, plus the profile's {@code addedAffinity}.
 */
package io.kubesim.scheduler.plugins.nodeaffinity;
