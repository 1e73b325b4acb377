/** Compiled label selectors and node selector matching, with upstream's nil/empty rules. */
package io.kubesim.api.labels;
