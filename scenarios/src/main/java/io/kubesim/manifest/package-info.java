/**
 * Kubernetes manifests (YAML as {@code kubectl} writes and reads it) decoded into the API records
 * of {@code io.kubesim.api}, with located errors: {@link io.kubesim.manifest.ManifestDecoder}.
 */
package io.kubesim.manifest;
