/**
 * Helpers shared by the default plugins, as upstream's {@code plugins/helper} and the libraries it
 * leans on: score normalisation, the broken-linear shape function of RequestedToCapacityRatio,
 * toleration matching ({@link io.kubesim.scheduler.plugins.helper.Tolerations}), apimachinery's
 * validation texts and label-name validation ({@link io.kubesim.scheduler.plugins.helper.FieldErrors}),
 * and typed plugin args.
 */
package io.kubesim.scheduler.plugins.helper;
