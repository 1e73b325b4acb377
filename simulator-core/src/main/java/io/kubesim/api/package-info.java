/**
 * Kubernetes API objects as immutable records, with Kubernetes' own field names. Only the fields
 * that scheduling, the kubelet's CPU admission and the controllers read are modelled. Collections
 * are never null (absent = empty); fields whose absence means something in Kubernetes (a nil
 * {@code labelSelector}, an unset {@code minDomains}) are nullable and documented as such.
 */
package io.kubesim.api;
