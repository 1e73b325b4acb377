/**
 * The scheduler: profiles (which plugins run, with which weights and args), the framework runtime
 * that calls them in upstream's order, the scheduling cycle (node sampling, scoring, host
 * selection) and the scheduling queue.
 */
package io.kubesim.scheduler;
