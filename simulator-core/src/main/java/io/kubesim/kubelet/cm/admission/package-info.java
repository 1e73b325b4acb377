/**
 * Admission failures of the kubelet's resource managers ({@code pkg/kubelet/cm/admission}): each
 * error carries the pod status reason the kubelet reports ({@link AdmissionError#type()}); any
 * other failure during allocation is reported as {@link UnexpectedAdmissionError}.
 */
package io.kubesim.kubelet.cm.admission;
