/** The explorer's views: canvases that draw frames (cluster, node CPUs, charts) and their colours. */
package io.kubesim.gui.view;
