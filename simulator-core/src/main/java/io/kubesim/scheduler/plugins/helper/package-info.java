/**
 * Helpers shared by the default plugins, as upstream's {@code plugins/helper}: score
 * normalisation and the broken-linear shape function of RequestedToCapacityRatio.
 */
package io.kubesim.scheduler.plugins.helper;
