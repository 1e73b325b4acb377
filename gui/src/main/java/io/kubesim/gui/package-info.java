/**
 * The visual explorer ({@code ./sim gui}): the command ({@link io.kubesim.gui.GuiCommand}), the
 * window ({@link io.kubesim.gui.ExplorerPane}) and headless PNG snapshots. JavaFX lives only in
 * this module; the simulator core knows nothing of it.
 */
package io.kubesim.gui;
