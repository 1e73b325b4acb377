/**
 * Hardware descriptions imported from real machines (e.g. {@code lscpu -p} output) into the
 * simulator's CPU topology model.
 */
package io.kubesim.scenarios.hardware;
